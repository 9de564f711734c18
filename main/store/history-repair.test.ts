import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeDiskIo, type DiskIo } from './durable-git-fs';
import { ProjectHistory } from './history';
import { Project } from './project';
import { failureOf, fsckProblems, hasGit, isOneSentence } from './testing/repo-checks';
import { privacyPolicyWith } from '../../shared/testing/builders';

/** Repositories damaged the way the old, non-durable writes left them, and what the next save or listing makes of them. */

const PRIVACY = 'documents/privacy-policy.policy.json';
let tmp: string;
let dir: string;
let project: Project;

const policy = privacyPolicyWith;

const save = (name: string, history = ProjectHistory.for(dir)) => history.saveVersion({ name, note: '', kind: 'editorial', author: 'Dana' });
const objectFile = (oid: string) => path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
const blobOf = async (commit: string, file: string) => (await git.readTree({ fs: nodeFs, dir, oid: (await git.readCommit({ fs: nodeFs, dir, oid: commit })).commit.tree })).tree
  .find((e) => e.path === file.split('/')[0])?.oid as string;

async function blobIdAt(commit: string, file: string): Promise<string> {
  const documents = await blobOf(commit, file);
  return (await git.readTree({ fs: nodeFs, dir, oid: documents })).tree.find((e) => e.path === file.split('/')[1])?.oid as string;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-repair-'));
  dir = path.join(tmp, 'acme');
  project = await Project.create(dir, 'Acme', [{ id: 'privacy-policy', doc: policy('We collect little.') }]);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('a damaged repository', () => {
  it('rebuilds an emptied object from the draft when the versions are listed, so the earlier version reads back', async () => {
    const v1 = await save('v1');
    const blob = await blobIdAt(v1.commit, PRIVACY);
    await fs.writeFile(objectFile(blob), '');

    const listing = await ProjectHistory.for(dir).listVersionsWithProblems(); // the draft on disk is still that blob's content
    expect(listing.problems).toEqual([]);
    expect(listing.versions.map((v) => v.name)).toEqual(['v1']);
    expect((await fs.stat(objectFile(blob))).size).toBeGreaterThan(0);
    expect(await ProjectHistory.for(dir).readFileAt(v1, PRIVACY)).toBe(await fs.readFile(path.join(dir, PRIVACY), 'utf8'));
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });

  it('rewrites an emptied object at the next save of the same content', async () => {
    const v1 = await save('v1');
    const blob = await blobIdAt(v1.commit, PRIVACY);
    await fs.writeFile(objectFile(blob), '');
    await save('v2');
    expect((await fs.stat(objectFile(blob))).size).toBeGreaterThan(0);
    expect((await ProjectHistory.for(dir).listVersionsWithProblems()).versions.map((v) => v.name)).toEqual(['v2', 'v1']);
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });

  it('names a version whose content is lost, lists the others, and still saves the draft and new versions', async () => {
    const v1 = await save('v1');
    await project.saveDocument('privacy-policy', policy('Second wording.'), (await project.readDocument('privacy-policy')).stamp);
    await save('v2');
    await fs.writeFile(objectFile(await blobIdAt(v1.commit, PRIVACY)), 'garbage');
    await project.saveDocument('privacy-policy', policy('Third wording.'), (await project.readDocument('privacy-policy')).stamp);

    const listing = await ProjectHistory.for(dir).listVersionsWithProblems();
    expect(listing.versions.map((v) => v.name)).toEqual(['v2']);
    expect(listing.problems).toHaveLength(1);
    expect(listing.problems[0]).toMatch(/"v1".*damaged/);
    expect(isOneSentence(listing.problems[0] as string)).toBe(true);
    expect((await save('v3')).name).toBe('v3');
    expect((await ProjectHistory.for(dir).listVersions()).map((v) => v.name)).toEqual(['v3', 'v2']);
  });

  it('lists the other versions when one tag file is empty', async () => {
    await save('v1');
    await save('v2');
    await fs.writeFile(path.join(dir, '.git', 'refs', 'tags', 'v1'), '');
    const listing = await ProjectHistory.for(dir).listVersionsWithProblems();
    expect(listing.versions.map((v) => v.name)).toEqual(['v2']);
    expect(listing.problems[0]).toMatch(/^The version saved as the git tag "v1" in .* is damaged and cannot be read, so it is left out of the list\.$/);
  });

  it('recovers an empty branch from the newest version instead of starting a new history', async () => {
    const v1 = await save('v1');
    await project.saveDocument('privacy-policy', policy('Second wording.'), (await project.readDocument('privacy-policy')).stamp);
    const v2 = await save('v2');
    await fs.writeFile(path.join(dir, '.git', 'refs', 'heads', 'main'), '');
    const v3 = await save('v3');
    expect((await git.readCommit({ fs: nodeFs, dir, oid: v3.commit })).commit.parent).toEqual([v2.commit]);
    expect((await git.log({ fs: nodeFs, dir })).map((c) => c.oid)).toEqual([v3.commit, v2.commit, v1.commit]);
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });

  it('moves the branch on to a version whose tag was written just before a crash', async () => {
    await save('v1');
    const v2 = await save('v2');
    // As if the process died between writing v2's tag and moving the branch.
    await fs.writeFile(path.join(dir, '.git', 'refs', 'heads', 'main'), `${(await git.readCommit({ fs: nodeFs, dir, oid: v2.commit })).commit.parent[0]}\n`);
    const v3 = await save('v3');
    expect((await git.readCommit({ fs: nodeFs, dir, oid: v3.commit })).commit.parent).toEqual([v2.commit]);
  });

  it('leaves a branch that git itself reset behind a version where it is', async () => {
    const v1 = await save('v1');
    await save('v2');
    const log = path.join(dir, '.git', 'logs', 'refs', 'heads', 'main');
    await fs.mkdir(path.dirname(log), { recursive: true });
    const later = Math.floor(Date.now() / 1000) + 5;
    await fs.writeFile(log, `${'0'.repeat(40)} ${v1.commit} Dana <d@example.com> ${later} +0000\treset: moving to v1\n`);
    await fs.writeFile(path.join(dir, '.git', 'refs', 'heads', 'main'), `${v1.commit}\n`);
    const v3 = await save('v3');
    expect((await git.readCommit({ fs: nodeFs, dir, oid: v3.commit })).commit.parent).toEqual([v1.commit]);
  });

  it('refuses, in one sentence, a damaged branch that no version shows the way back for', async () => {
    await git.init({ fs: nodeFs, dir, defaultBranch: 'main' });
    await git.commit({ fs: nodeFs, dir, message: 'team work', author: { name: 'Team', email: 't@example.com' } });
    await fs.writeFile(path.join(dir, '.git', 'refs', 'heads', 'main'), 'garbage\n');
    const error = await failureOf(save('v1'));
    expect(error.message).toMatch(/^The branch "main" in .* is damaged and no saved version shows where it pointed/);
    expect(isOneSentence(error.message)).toBe(true);
  });

  it('rebuilds an empty or garbled index from HEAD, and saves', async () => {
    const v1 = await save('v1');
    for (const damage of ['', 'DIRC garbage that fails its checksum........']) {
      await fs.writeFile(path.join(dir, '.git', 'index'), damage);
      await project.saveDocument('privacy-policy', policy(`Wording ${damage.length}.`), (await project.readDocument('privacy-policy')).stamp);
      const saved = await save(`after-${damage.length}`);
      expect(await ProjectHistory.for(dir).readFileAt(saved, PRIVACY)).toBe(await fs.readFile(path.join(dir, PRIVACY), 'utf8'));
    }
    expect((await ProjectHistory.for(dir).listVersions()).at(-1)).toEqual(v1);
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });

  it('removes the temporary files that killed saves left in .git, once they are old, at the next save', async () => {
    await save('v1');
    const git_ = path.join(dir, '.git');
    await fs.mkdir(path.join(git_, 'objects', 'ab'), { recursive: true });
    const old = [path.join(git_, 'objects', 'ab', 'tmp_obj_0123456789ab'), path.join(git_, '.index.0123456789ab.tmp'), path.join(git_, 'refs', 'tags', '.v2.0123456789ab.tmp')];
    const fresh = path.join(git_, 'refs', 'heads', '.main.0123456789ab.tmp');
    for (const file of [...old, fresh]) await fs.writeFile(file, 'half');
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of old) await fs.utimes(file, hourAgo, hourAgo);
    // A fresh project folder is swept at its first save in this process.
    const copy = path.join(tmp, 'copy');
    await fs.cp(dir, copy, { recursive: true, preserveTimestamps: true });
    await ProjectHistory.for(copy).saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' });
    for (const file of old) await expect(fs.stat(file.replace(dir, copy))).rejects.toThrow();
    expect((await fs.stat(fresh.replace(dir, copy))).isFile()).toBe(true);
    expect((await ProjectHistory.for(copy).listVersions()).map((v) => v.name)).toEqual(['v2', 'v1']);
  });

  it('takes back a tag whose folder could not be synced, so a version reported as not saved is not listed', async () => {
    await save('v1');
    const io: DiskIo = {
      ...nodeDiskIo,
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await nodeDiskIo.open(file, flags, mode);
        if (flags !== 'r' || !file.endsWith(path.join('refs', 'tags'))) return handle;
        return { sync: () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })), close: () => handle.close() };
      }) as DiskIo['open'],
    };
    const error = await failureOf(save('v2', ProjectHistory.for(dir, { io })));
    expect(isOneSentence(error.message)).toBe(true);
    expect(error.message).toMatch(/^The version "v2" could not be saved: the disk reported a read or write error; /);
    expect((await ProjectHistory.for(dir).listVersions()).map((v) => v.name)).toEqual(['v1']);
    expect((await save('v2')).name).toBe('v2');
    if (hasGit) expect(fsckProblems(dir)).toBeNull();
  });

  it('says a full disk in one sentence, changes nothing, and saves the same version once there is room', async () => {
    await save('v1');
    let full = true;
    const io: DiskIo = {
      ...nodeDiskIo,
      open: (async (file: string, flags: string, mode?: number) => {
        if (full && flags !== 'r') throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeDiskIo.open(file, flags, mode);
      }) as DiskIo['open'],
    };
    const error = await failureOf(save('v2', ProjectHistory.for(dir, { io })));
    expect(error.message).toBe('The version "v2" could not be saved: the disk is full; nothing was changed.');
    expect((await ProjectHistory.for(dir).listVersions()).map((v) => v.name)).toEqual(['v1']);
    full = false;
    expect((await save('v2', ProjectHistory.for(dir, { io }))).name).toBe('v2');
  });
});
