import type { Reply } from '../../shared/api/contract';

/** What the page's worker (request-worker.ts) is given, a request to the web host, and what comes back: the reply,
 * or null when nothing answered. */
export interface WorkerJob {
  readonly url: string;
  readonly input: unknown;
}
export interface WorkerResult {
  readonly id: number;
  readonly reply: Reply<unknown> | null;
}

/** What the web host answered, as a reply: one sentence with the status when it is not the API's JSON. */
export async function replyToResponse(response: Response): Promise<Reply<unknown>> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    return { ok: false, error: { message: `The app refused the request (${response.status}): ${(await response.text()).slice(0, 200)}` } };
  }
  return (await response.json()) as Reply<unknown>;
}

/**
 * Whether writing the input out takes more than `limit` characters, counted roughly (strings by their length, any
 * other value as a few) without writing it: the walk stops as soon as it knows.
 */
export function largerThan(input: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') size += value.length + 2;
    else if (value !== null && typeof value === 'object') {
      size += 2;
      for (const inner of Object.values(value)) stack.push(inner);
    } else size += 4;
    if (size > limit) return true;
  }
  return false;
}
