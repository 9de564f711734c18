import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors';
import { describeFsFailure, describeWriteFailure } from './describe-fs-error';

/** The file operations a save needs, so tests can fail any one of them and check what is left on disk. */
export interface SaveFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}

const realFs: SaveFs = { open: fs.open, rename: fs.rename, rm: fs.rm };

const RENAME_RETRIES = 5;

/**
 * Replaces a file so that, whatever happens mid-way (a crash, a full disk, power loss), the target holds either its
 * old contents or the new ones in full, never a mix or nothing: write a temporary file in the same folder, fsync it,
 * rename it over the target, then fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, io: SaveFs = realFs, mode = 0o644): Promise<void> {
  try {
    await replaceFile(target, data, io, mode);
  } catch (error) {
    // One sentence for the person, naming the file and the cause; the file itself is as it was, or already new.
    throw new WriteFailure(describeWriteFailure(path.basename(target), error), error);
  }
}

/** A save that did not happen (or whose durability could not be confirmed): the cause kept for whoever handles it. */
export class WriteFailure extends UserError {
  override readonly name = 'WriteFailure';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/**
 * The atomic and durable replacement itself, for callers that describe their own failures (git's files, whose
 * temporary names git's own tools expect: `tempName` names the temporary file from a random hex suffix).
 */
export async function replaceFile(
  target: string,
  data: string | Uint8Array,
  io: SaveFs,
  mode = 0o644,
  tempName = (hex: string) => `.${path.basename(target)}.${hex}.tmp`,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, tempName(randomBytes(6).toString('hex')));
  try {
    const handle = await io.open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(io, temp, target);
  } catch (error) {
    await io.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(io, dir);
}

// On Windows an indexer or antivirus may hold the target for a moment; the rename succeeds if tried again.
async function renameWithRetry(io: SaveFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await io.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES';
      if (!transient || attempt >= RENAME_RETRIES || process.platform !== 'win32') throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** Makes a rename or a new file in `dir` durable: an fsync of the folder itself. */
export async function syncDirectory(io: SaveFs, dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; its rename is already durable once it returns.
  if (process.platform === 'win32') return;
  const handle = await io.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the folder a file is about to be written into; a failure is one sentence naming it, as a failed save is. */
export async function ensureFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new WriteFailure(describeFsFailure(`The folder ${path.basename(dir)}`, error, 'made'), error);
  }
}
