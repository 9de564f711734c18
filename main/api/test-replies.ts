import type { Reply } from '../../shared/api/contract';

/** A reply's value, for tests that expect the call to succeed; the failure's message otherwise, in the error. */
export function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got: ${reply.error.message}`);
  return reply.value as T;
}

/** A reply's one-sentence failure, for tests that expect the call to be refused. */
export function messageOf(reply: Reply<unknown>): string {
  if (reply.ok) throw new Error(`expected a failure, got ${JSON.stringify(reply.value)}`);
  return reply.error.message;
}
