/**
 * The cause of a failed write, in words a person can act on: never an errno, a syscall or a temporary file's name.
 */
export function causeOf(error: unknown): string {
  // A failure already described (atomic-write.ts) carries the system's error as its cause.
  const system = (error as { cause?: unknown } | null)?.cause ?? error;
  switch ((system as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk or folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder is gone (moved, renamed or deleted outside Policywright)';
    case 'EIO':
      return 'the disk reported an error';
    case 'EBUSY':
      return 'another program is holding the file';
    default:
      return 'the system refused the write';
  }
}

/** One sentence naming the file and the cause; the file on disk is untouched by a failed atomic write. */
export function describeWriteFailure(file: string, error: unknown): string {
  return `${file} could not be saved: ${causeOf(error)}.`;
}
