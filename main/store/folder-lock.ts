import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from './errors';

/** How long a change waits for another process's before saying so. */
const WAIT_MS = 10_000;
/** A lock older than this was left by a process that stopped mid-change (a change holds it for milliseconds). */
const STALE_MS = 15_000;

export interface LockTimes {
  waitMs?: number;
  staleMs?: number;
}

/**
 * Runs `task` while holding a lock file in `dir`, made with O_EXCL so that only one process at a time holds it: the
 * app, its command line and a colleague's app on a shared drive each read, change and write the list of documents in
 * turn, and none writes over another's addition. In-process callers serialize first (serialized.ts); this is the
 * lock between processes. A lock left by a process of this computer that is no longer running is taken over at once,
 * any other once it is STALE_MS old; a lock that is not an ordinary file (a link, a pipe put there) is never followed,
 * only removed as stale.
 */
export async function withFolderLock<T>(dir: string, name: string, task: () => Promise<T>, times: LockTimes = {}): Promise<T> {
  const file = path.join(dir, name);
  const deadline = Date.now() + (times.waitMs ?? WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    let handle: fs.FileHandle | null = null;
    try {
      handle = await fs.open(file, 'wx');
    } catch (error) {
      // Held by another process: wait below. Anything else (a read-only folder, a full disk): the change itself meets
      // the same trouble where it writes, and says so in its own sentence; the lock is only ever an aid.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return task();
    }
    if (handle) {
      // Who holds it, for a person who finds it: the lock is the file's being there, written or not.
      await handle.writeFile(`${os.hostname()} ${process.pid} ${new Date().toISOString()}\n`).catch(() => undefined);
      await handle.close().catch(() => undefined);
      break;
    }
    const held = await fs.lstat(file).catch(() => null);
    if (held && (Date.now() - held.mtimeMs > (times.staleMs ?? STALE_MS) || (await heldByStoppedProcess(file, held.isFile())))) {
      await fs.unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(`Another Policywright has been changing the list of documents in ${dir} for over ${Math.round((times.waitMs ?? WAIT_MS) / 1000)} seconds (${name} is there); nothing was changed, try again in a moment.`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt)));
  }
  try {
    return await task();
  } finally {
    await fs.unlink(file).catch(() => undefined);
  }
}

/** Whether the lock names a process of this computer that is no longer running (killed mid-change, say). */
async function heldByStoppedProcess(file: string, isFile: boolean): Promise<boolean> {
  if (!isFile) return false;
  // A few bytes, never through a link and never waiting on a pipe swapped in meanwhile.
  const text = await fs
    .open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
    .then(async (handle) => {
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
        return buffer.subarray(0, bytesRead).toString('utf8');
      } finally {
        await handle.close();
      }
    })
    .catch(() => '');
  const [host, pidText] = text.split(' ');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
