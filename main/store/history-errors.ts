import { FormatError } from '../../shared/format/problems';
import { UserError } from './errors';

/** What a person is told for each way a disk can refuse a write: the cause, never the errno. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the project folder is on a read-only disk',
  EACCES: 'the project folder is read-only for you',
  EPERM: 'the project folder does not allow changes',
  EIO: 'the disk reported a read or write error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'another program holds a file in the repository',
};

/** The errno code an error (or the first of several isomorphic-git gathered) carries, if any. */
export function errnoOf(error: unknown): string | null {
  const found = error as { code?: unknown; errors?: unknown; data?: { errors?: unknown } } | null;
  if (!found || typeof found !== 'object') return null;
  if (typeof found.code === 'string' && CAUSES[found.code]) return found.code;
  const inner = Array.isArray(found.errors) ? found.errors : Array.isArray(found.data?.errors) ? found.data.errors : [];
  for (const each of inner) {
    const code = errnoOf(each);
    if (code) return code;
  }
  return null;
}

/**
 * One sentence for a version save that failed, whatever failed: a UserError stays as it is; a disk error names its
 * cause; anything else (a library's internal message) is said plainly, with the original kept as the cause. `kept`:
 * the version's tag is written and could not be taken back, so the version is listed though the branch lags.
 */
export function versionSaveError(error: unknown, name: string, dir: string, kept: boolean): Error {
  // Already one sentence about the person's files (a damaged manifest names its line and column).
  if (error instanceof UserError || error instanceof FormatError) return error;
  const code = errnoOf(error);
  const cause = code ? CAUSES[code] : `the repository in ${dir} could not be read or written as expected`;
  if (kept) {
    return new UserError(`The version "${name}" is saved, but git's branch could not be moved to it because ${cause}; the next version moves it.`, undefined, { cause: error });
  }
  return new UserError(`The version "${name}" could not be saved: ${cause}; nothing was changed.`, undefined, { cause: error });
}
