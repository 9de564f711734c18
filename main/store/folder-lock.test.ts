import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { introPolicy } from '../../shared/testing/builders';
import { withFolderLock } from './folder-lock';
import { Project } from './project';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-folder-lock-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK = '.list.lock';

/** A read, a pause (another process's turn), and a write of one more: what a change of the list of documents does. */
async function addOne(counter: string): Promise<void> {
  const seen = Number(await fs.readFile(counter, 'utf8'));
  await pause(5);
  await fs.writeFile(counter, String(seen + 1));
}

describe('withFolderLock', () => {
  it('lets one change at a time read, change and write, where unlocked changes overwrite each other', async () => {
    const counter = path.join(tmp, 'count');
    await fs.writeFile(counter, '0');
    await Promise.all(Array.from({ length: 8 }, () => addOne(counter)));
    expect(Number(await fs.readFile(counter, 'utf8'))).toBeLessThan(8);

    await fs.writeFile(counter, '0');
    await Promise.all(Array.from({ length: 8 }, () => withFolderLock(tmp, LOCK, () => addOne(counter))));
    expect(Number(await fs.readFile(counter, 'utf8'))).toBe(8);
    await expect(fs.lstat(path.join(tmp, LOCK))).rejects.toThrow();
  });

  it('waits for a lock another process holds, and goes on once it is gone', async () => {
    await fs.writeFile(path.join(tmp, LOCK), '4242 held elsewhere\n');
    let done = false;
    const change = withFolderLock(tmp, LOCK, async () => {
      done = true;
    });
    await pause(150);
    expect(done).toBe(false);
    await fs.unlink(path.join(tmp, LOCK));
    await change;
    expect(done).toBe(true);
  });

  it('takes over a lock that sat unchanged past its time, and says so in one sentence when a live one holds it too long', async () => {
    const lock = path.join(tmp, LOCK);
    // Left by another computer's process that stopped: judged by this computer's clock, whatever the share's says.
    await fs.writeFile(lock, 'another-computer 4242 crashed\n');
    const future = new Date(Date.now() + 3_600_000);
    await fs.utimes(lock, future, future);
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { staleMs: 150, waitMs: 2_000 })).resolves.toBe('ran');

    // A live holder touches its lock: never taken over, and the waiter gives up in one sentence.
    await fs.writeFile(lock, 'another-computer 4242 busy\n');
    const touching = setInterval(() => void fs.utimes(lock, new Date(), new Date()).catch(() => undefined), 20);
    try {
      await expect(withFolderLock(tmp, LOCK, async () => 'ran', { staleMs: 150, waitMs: 400 })).rejects.toThrow(
        /^Another Policywright has been changing the list of documents in .+ for over 0 seconds \(\.list\.lock is there\); nothing was changed, try again in a moment\.$/,
      );
    } finally {
      clearInterval(touching);
    }
  });

  it('goes on without a lock where the lock cannot be removed (a folder put in its place), never spinning', async () => {
    await fs.mkdir(path.join(tmp, LOCK));
    await fs.writeFile(path.join(tmp, LOCK, 'inside'), 'x');
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { staleMs: 100, waitMs: 2_000 })).resolves.toBe('ran');
    expect(await fs.readFile(path.join(tmp, LOCK, 'inside'), 'utf8')).toBe('x');
  });

  it('removes only its own lock: one another process made after taking over stays', async () => {
    const lock = path.join(tmp, LOCK);
    await withFolderLock(tmp, LOCK, async () => {
      // This change ran past the stale time; another process took over and made its own lock.
      await fs.unlink(lock);
      await fs.writeFile(lock, 'another-computer 4242 took over\n');
    });
    expect(await fs.readFile(lock, 'utf8')).toBe('another-computer 4242 took over\n');
  });

  it('takes over at once a lock of this computer’s process that is no longer running (killed mid-change)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await fs.writeFile(path.join(tmp, LOCK), `${os.hostname()} ${gone} 2026-12-06T10:00:00.000Z\n`);
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { waitMs: 100 })).resolves.toBe('ran');
    // One that is running (this one's parent, say) or of another computer is waited for.
    await fs.writeFile(path.join(tmp, LOCK), `${os.hostname()} ${process.ppid} 2026-12-06T10:00:00.000Z\n`);
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { waitMs: 100 })).rejects.toThrow(/Another Policywright/);
    await fs.writeFile(path.join(tmp, LOCK), `another-computer ${gone} 2026-12-06T10:00:00.000Z\n`);
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { waitMs: 100 })).rejects.toThrow(/Another Policywright/);
  });

  it('never writes through a link put where the lock goes', async () => {
    const outside = path.join(tmp, 'outside.txt');
    await fs.writeFile(outside, 'theirs');
    await fs.symlink(outside, path.join(tmp, LOCK));
    await expect(withFolderLock(tmp, LOCK, async () => 'ran', { waitMs: 50, staleMs: 60_000 })).rejects.toThrow(/Another Policywright/);
    expect(await fs.readFile(outside, 'utf8')).toBe('theirs');
  });
});

describe('the list of documents between processes', () => {
  it('is changed only once the lock another process holds on it is free, and keeps both additions', async () => {
    const dir = path.join(tmp, 'project');
    const project = await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: introPolicy('Privacy Policy', 'Text.') }]);
    // Another process in the middle of its own change: it holds the lock, and will list its document.
    const lock = path.join(dir, '.policywright.json.lock');
    await fs.writeFile(lock, '4242 the command line\n');
    const created = project.createDocument('Cookie Policy');
    await pause(150);
    const manifest = path.join(dir, 'policywright.json');
    const listed = (text: string) => (JSON.parse(text) as { documents: string[] }).documents;
    expect(listed(await fs.readFile(manifest, 'utf8'))).toEqual(['privacy-policy']);
    // Its change, then its lock released.
    const theirs = JSON.parse(await fs.readFile(manifest, 'utf8')) as { documents: string[] };
    await fs.writeFile(manifest, JSON.stringify({ ...theirs, documents: [...theirs.documents, 'terms'] }, null, 2));
    await fs.writeFile(path.join(dir, 'documents', 'terms.policy.json'), await fs.readFile(path.join(dir, 'documents', 'privacy-policy.policy.json')));
    await fs.unlink(lock);
    await created;
    expect(listed(await fs.readFile(manifest, 'utf8'))).toEqual(['privacy-policy', 'terms', 'cookie-policy']);
  });
});
