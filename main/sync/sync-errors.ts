import { UserError } from '../store/errors';
import { serverOf } from './remote-url';

export type SyncFailureKind = 'offline' | 'refused' | 'error';

/** A sync that could not reach or use the server, in one sentence; `kind` says whether a later try may simply work. */
export class SyncError extends UserError {
  override readonly name = 'SyncError';
  constructor(
    message: string,
    readonly kind: SyncFailureKind,
  ) {
    super(message);
  }
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * What went wrong talking to the server at `url`, as one sentence that never holds credentials: offline (normal, tried
 * again later), the user name or password refused, no such repository, or the server's own answer.
 */
export function describeSyncError(error: unknown, url: string): SyncError {
  if (error instanceof SyncError) return error;
  const server = serverOf(url);
  const { code, data, message } = (error ?? {}) as { code?: string; data?: { statusCode?: number; statusMessage?: string }; message?: string };
  if (code !== undefined && OFFLINE_CODES.has(code)) {
    return new SyncError(`The server at ${server} cannot be reached (offline?); your work is kept here and will be synced later.`, 'offline');
  }
  if (code === 'HttpError') {
    const status = data?.statusCode;
    if (status === 401 || status === 403) return new SyncError(`The server at ${server} refused the user name or password.`, 'refused');
    if (status === 404) return new SyncError(`There is no repository at ${stripped(url)} on the server at ${server}.`, 'error');
    if (status !== undefined && status >= 500) {
      return new SyncError(`The server at ${server} failed (HTTP ${status}); your work is kept here and will be synced later.`, 'offline');
    }
    return new SyncError(`The server at ${server} answered HTTP ${status ?? '?'} ${data?.statusMessage ?? ''}`.trimEnd() + '.', 'error');
  }
  if (error instanceof UserError) return new SyncError(error.message, 'error');
  return new SyncError(`Syncing with ${server} failed: ${firstSentence(message ?? String(error))}`, 'error');
}

function stripped(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'that address';
  }
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
