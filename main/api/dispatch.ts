import { API, isMethodName, type ErrorCode, type Reply } from '../../shared/api/contract';
import { FormatError, describeIssue } from '../../shared/format/problems';
import { UserError } from '../store/errors';
import type { Handlers } from './handlers';

/**
 * The single entry for every call from the renderer, whichever host carried it: the method must exist, the input
 * must pass its schema, and whatever goes wrong comes back as one sentence, never as a crash or a stack trace.
 */
export async function dispatch(handlers: Handlers, method: string, input: unknown): Promise<Reply<unknown>> {
  if (!isMethodName(method)) return failure(`There is no API method called "${method}".`);
  const parsed = API[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { where, problem } = issue ? describeIssue(issue) : { where: '', problem: 'is not valid' };
    return failure(`Bad input to ${method}: ${where ? `${where} ` : ''}${problem}.`.replace(/\.\.$/, '.'));
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return failure(error.message, error.code);
    if (error instanceof FormatError) return failure(error.message);
    console.error(`[policywright] ${method} failed:`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return failure(`${method} failed unexpectedly: ${detail}`);
  }
}

function failure(message: string, code?: ErrorCode): Reply<never> {
  return { ok: false, error: code ? { message, code } : { message } };
}
