/**
 * The one home of what a person is told when the file system refuses: the cause of each errno in words a person can
 * act on (never an errno, a syscall or a temporary file's name), and the one sentence that names the file with it.
 * Reads, saves, new folders and version saves all say a cause the same way.
 */
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk or folder is read-only',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  ENOENT: 'its folder is gone (moved, renamed or deleted outside Policywright)',
  ENOTDIR: 'a folder on its way is a file',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'its path is too long for this system',
  EIO: 'the disk reported a read or write error',
  EMFILE: 'too many files are open just now',
  ENFILE: 'too many files are open just now',
  EBUSY: 'another program is holding a file open',
};

const NONE: ReadonlySet<string> = new Set();

/** What is said when the system gave no errno this module has words for. */
const UNKNOWN_CAUSE = 'the system refused it; check that the drive is connected and try again';

/**
 * The errno an error carries that a person is told about: its own, its cause's (a failure already described, as
 * atomic-write.ts throws), or the first of several that isomorphic-git gathered; null if none. Codes in `passOver`
 * are not the person's to act on where the caller is.
 */
export function errnoOf(error: unknown, passOver: ReadonlySet<string> = NONE): string | null {
  const found = error as { code?: unknown; cause?: unknown; errors?: unknown; data?: { errors?: unknown } } | null;
  if (!found || typeof found !== 'object') return null;
  if (typeof found.code === 'string' && CAUSES[found.code] && !passOver.has(found.code)) return found.code;
  const inner = Array.isArray(found.errors) ? found.errors : Array.isArray(found.data?.errors) ? found.data.errors : [];
  for (const each of [found.cause, ...inner]) {
    const code = errnoOf(each, passOver);
    if (code) return code;
  }
  return null;
}

/** The cause of a failed file operation in words, or null when the error carries no errno there are words for. */
export function knownCauseOf(error: unknown, passOver: ReadonlySet<string> = NONE): string | null {
  const code = errnoOf(error, passOver);
  return code ? (CAUSES[code] ?? null) : null;
}

/** The cause of a failed file operation in words, whatever the error. */
export function causeOf(error: unknown): string {
  return knownCauseOf(error) ?? UNKNOWN_CAUSE;
}

/**
 * One sentence naming the file (or folder) and why it could not be read, saved or made: "a.json could not be saved:
 * the disk is full." A file that is not there, or is a folder, is said so plainly when it was to be read.
 */
export function describeFsFailure(name: string, error: unknown, done: 'read' | 'saved' | 'made'): string {
  const code = errnoOf(error);
  if (done === 'read' && code === 'ENOENT') return `${name} does not exist.`;
  if (code === 'EISDIR') return `${name} is a folder, not a file.`;
  return `${name} could not be ${done}: ${causeOf(error)}.`;
}

/** A failed save in one sentence; the file on disk is untouched by a failed atomic write. */
export function describeWriteFailure(file: string, error: unknown): string {
  return describeFsFailure(file, error, 'saved');
}
