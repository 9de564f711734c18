import { FormatError } from '../../shared/format/problems';
import { knownCauseOf } from './describe-fs-error';
import { UserError } from './errors';

// Inside the repository a missing entry is git's own trouble (a damaged object reads as one), not a folder moved away.
const GIT_OWN = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * One sentence for a version save that failed, whatever failed: a UserError stays as it is; a disk error names its
 * cause; anything else (a library's internal message) is said plainly, with the original kept as the cause. `kept`:
 * the version's tag is written and could not be taken back, so the version is listed though the branch lags.
 */
export function versionSaveError(error: unknown, name: string, dir: string, kept: boolean): Error {
  // Already one sentence about the person's files (a damaged manifest names its line and column).
  if (error instanceof UserError || error instanceof FormatError) return error;
  const cause = knownCauseOf(error, GIT_OWN) ?? `the repository in ${dir} could not be read or written as expected`;
  if (kept) {
    return new UserError(`The version "${name}" is saved, but git's branch could not be moved to it because ${cause}; the next version moves it.`, undefined, { cause: error });
  }
  return new UserError(`The version "${name}" could not be saved: ${cause}; nothing was changed.`, undefined, { cause: error });
}
