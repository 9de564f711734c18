import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectHistory } from './history';
import { Project } from './project';
import { draftHashes, failureOf, fsckProblems, hasGit, sameHashes } from './testing/repo-checks';
import { privacyPolicyWith } from '../../shared/testing/builders';

/** A real full disk: a 2 MB tmpfs (mounting needs root; the test is skipped, saying so, where it cannot mount). */

const mountPoint = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'pw-fulldisk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]).status === 0;
const PRIVACY = 'documents/privacy-policy.policy.json';

const policy = privacyPolicyWith;

/** Fills what is left of the disk: one large file, then small ones until not even a small file fits. */
async function fillDisk(dir: string): Promise<string[]> {
  const fillers: string[] = [];
  const write = async (size: number) => {
    const file = path.join(dir, `filler-${fillers.length}`);
    fillers.push(file);
    const handle = await fs.open(file, 'w');
    try {
      for (;;) await handle.write(Buffer.alloc(size, 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      await handle.close();
    }
  };
  await write(64 * 1024);
  await write(512);
  await write(1);
  return fillers;
}

beforeAll(() => {
  if (!mounted) console.log(`full-disk test skipped: could not mount a tmpfs at ${mountPoint} (it needs root)`);
});

afterAll(async () => {
  if (mounted) spawnSync('umount', [mountPoint]);
  await fs.rm(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk (2 MB tmpfs)', () => {
  it('fails a document save and a version save with the files unchanged, and saves the same version once there is room', async () => {
    const dir = path.join(mountPoint, 'acme');
    const project = await Project.create(dir, 'Acme', [{ id: 'privacy-policy', doc: policy('We collect little.') }]);
    const history = ProjectHistory.for(dir);
    const v1 = await history.saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    await project.saveDocument('privacy-policy', policy(`A longer wording. ${'More words. '.repeat(2000)}`), (await project.readDocument('privacy-policy')).stamp);
    const draft = await fs.readFile(path.join(dir, PRIVACY), 'utf8');

    const fillers = await fillDisk(mountPoint);
    const before = await draftHashes(dir);
    // The document save's own message is the document-save work's (issue 12, item 6); here: nothing on disk changes.
    await expect(project.saveDocument('privacy-policy', policy(`New text. ${'Even more. '.repeat(3000)}`), (await project.readDocument('privacy-policy')).stamp)).rejects.toThrow();
    const error = await failureOf(history.saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' }));
    expect(error.message).toBe('The version "v2" could not be saved: the disk is full; nothing was changed.');
    expect(sameHashes(before, await draftHashes(dir))).toBe(true);
    expect((await ProjectHistory.for(dir).listVersions()).map((v) => v.name)).toEqual(['v1']);
    if (hasGit) expect(fsckProblems(dir)).toBeNull();

    for (const filler of fillers) await fs.rm(filler);
    const v2 = await history.saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' });
    const listed = await ProjectHistory.for(dir).listVersionsWithProblems();
    expect(listed.problems).toEqual([]);
    expect(listed.versions.map((v) => v.name)).toEqual(['v2', 'v1']);
    expect(await history.readFileAt(v2, PRIVACY)).toBe(draft);
    expect(await history.readFileAt(v1, PRIVACY)).not.toBe(draft);
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });
});
