import type { Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors';
import { READ_FLAGS } from './project-fs';

/** A lock seen unchanged (same file, same time stamp) this long, by this computer's clock, was left by a stopped process. */
const STALE_MS = 15_000;
/** How long a change waits for another process's before saying so: past the time a stopped one's lock is taken over. */
const WAIT_MS = 20_000;
/** How often a holder touches its lock, so that a long change (a large import on a slow share) never looks stopped. */
const REFRESH_MS = 5_000;

export interface LockTimes {
  waitMs?: number;
  staleMs?: number;
}

/**
 * Runs `task` while holding a lock file in `dir`, made with O_EXCL so that only one process at a time holds it: the
 * app, its command line, a sync and a colleague's app on a shared drive each read, change and write the list of
 * documents in turn, and none writes over another's addition. In-process callers serialize first (serialized.ts);
 * this is the lock between processes, and between a sync and the rest of its own process.
 *
 * A lock is taken over when it names a process of this computer that is no longer running, or when it has sat
 * unchanged for STALE_MS as this computer's clock measures it (a shared drive's clock may be set otherwise); only the
 * very file judged stale is removed, and a holder removes only its own. A lock that is not an ordinary file is never
 * followed or read. Where no lock can be made at all (a read-only folder), the task runs and meets the same trouble
 * where it writes, in its own sentence: the lock is an aid, never a reason to lose a change.
 */
export async function withFolderLock<T>(dir: string, name: string, task: () => Promise<T>, times: LockTimes = {}): Promise<T> {
  const file = path.join(dir, name);
  const staleMs = times.staleMs ?? STALE_MS;
  const deadline = Date.now() + (times.waitMs ?? WAIT_MS);
  let watched: { stats: Stats; since: number } | null = null;
  let mine: string | null = null;
  for (let attempt = 0; mine === null; attempt++) {
    const made = await makeLock(file);
    if (made === 'refused') return task();
    if (made !== 'held') {
      mine = made.text;
      break;
    }
    const held = await fs.lstat(file).catch(() => null);
    if (held) {
      if (watched === null || !sameFile(watched.stats, held)) watched = { stats: held, since: Date.now() };
      const stale = Date.now() - watched.since > staleMs || (await heldByStoppedProcess(file, held));
      if (stale) {
        // A lock that cannot be removed (a folder put there, a folder gone read-only): go on without one.
        if ((await removeIfSame(file, held, await lockText(file, held))) === 'refused') return task();
        watched = null;
        continue;
      }
    }
    if (Date.now() > deadline) {
      throw new UserError(
        `Another Policywright has been changing the list of documents in ${dir} for over ${Math.round((times.waitMs ?? WAIT_MS) / 1000)} seconds (${name} is there); nothing was changed, try again in a moment.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt)));
  }
  const held = mine;
  const refresh = setInterval(() => {
    const now = new Date();
    void fs.lutimes(file, now, now).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref?.();
  try {
    return await task();
  } finally {
    clearInterval(refresh);
    // Ours while it says what we wrote (its time stamp is the refresh's, and a new file may take its inode number).
    await removeIfSame(file, null, held);
  }
}

/**
 * The lock made, as the text it holds; 'held' when another holds it; 'refused' when no lock can be made here (a read-only
 * folder, a full disk). On Windows a lock just removed while another still had it open refuses a new one (EPERM) for
 * a moment: that is 'held' while the file is still there.
 */
async function makeLock(file: string): Promise<{ text: string } | 'held' | 'refused'> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'held';
    if ((code === 'EPERM' || code === 'EACCES') && (await fs.lstat(file).catch(() => null))) return 'held';
    return 'refused';
  }
  try {
    // Who holds it (for a person who finds it, and a takeover on this computer), and which lock it is: the holder
    // removes it only while it still says this. The lock itself is the file's being there, written or not.
    const text = `${os.hostname()} ${process.pid} ${new Date().toISOString()} ${randomBytes(6).toString('hex')}\n`;
    await handle.writeFile(text).catch(() => undefined);
    return { text };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Removes the lock only when it is still the one judged (the same file with the same stats where `expected` is given,
 * and saying the same `text`), not one another process made since.
 */
async function removeIfSame(file: string, expected: Stats | null, text: string): Promise<'removed' | 'gone' | 'refused'> {
  const now = await fs.lstat(file).catch(() => null);
  if (now === null || (expected !== null && !sameFile(now, expected)) || (await lockText(file, now)) !== text) return 'gone';
  return fs.unlink(file).then(
    () => 'removed' as const,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'gone' : 'refused'),
  );
}

/** The first bytes of a lock that is an ordinary file, never read through a link or waited on; '' for anything else. */
async function lockText(file: string, stats: Stats): Promise<string> {
  if (!stats.isFile()) return '';
  return fs
    .open(file, READ_FLAGS)
    .then(async (handle) => {
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
        return buffer.subarray(0, bytesRead).toString('utf8');
      } finally {
        await handle.close();
      }
    })
    .catch(() => '');
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** Whether the lock names a process of this computer that is no longer running (killed mid-change, say). */
async function heldByStoppedProcess(file: string, held: Stats): Promise<boolean> {
  const [host, pidText] = (await lockText(file, held)).split(' ');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
