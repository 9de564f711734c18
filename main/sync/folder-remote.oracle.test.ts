import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
import { ProjectHistory } from '../store/history';
import { Project } from '../store/project';
import { cloneProject } from './clone';
import { listConflicts } from './conflicts';
import { syncProject, type SyncOptions } from './sync-engine';
import { syncStatus } from './sync-status';
import { hasSystemGit } from './system-git';

// A bare repository in a folder (as on a shared drive) as the remote, synced through the system's git.
const DOC = 'documents/privacy-policy.policy.json';
const ann: SyncOptions = { credentials: null, author: 'Ann' };
const bob: SyncOptions = { credentials: null, author: 'Bob' };
const text = (edits: Record<string, string> = {}) =>
  serializeDocument(policy([h(1, 's-collect01', 'What we collect'), p(edits['Collect.'] ?? 'Collect.'), h(1, 's-share0001', 'Sharing'), p(edits['Share.'] ?? 'Share.')], { title: 'Privacy Policy' }));

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-folder-remote-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A bare repository made as a team would on its share, Ann's project shared into it, and Bob's clone. */
async function team(name: string): Promise<{ bare: string; annDir: string; bobDir: string }> {
  const bare = path.join(tmp, name, 'share', 'policies.git');
  await fs.mkdir(bare, { recursive: true });
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bare]);
  const annDir = path.join(tmp, name, 'ann');
  const bobDir = path.join(tmp, name, 'bob');
  await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  await fs.writeFile(path.join(annDir, DOC), text());
  expect(await syncProject(annDir, { ...ann, remoteUrl: bare })).toMatchObject({ status: 'synced', sent: 1 });
  // Given as a file:// URL here; kept as the folder's path.
  await cloneProject(pathToFileURL(bare).href, bobDir, null);
  return { bare, annDir, bobDir };
}
const read = (dir: string) => fs.readFile(path.join(dir, DOC), 'utf8');
const edit = (dir: string, edits: Record<string, string>) => fs.writeFile(path.join(dir, DOC), text(edits));

describe.skipIf(!hasSystemGit())('a bare repository in a folder as the remote (needs git)', () => {
  it('clones, merges different sections both ways, and carries versions, with the path kept as the remote', async () => {
    const { bare, annDir, bobDir } = await team('merge');
    expect(await read(bobDir)).toBe(text());
    expect(await fs.readFile(path.join(bobDir, '.git', 'config'), 'utf8')).toMatch(new RegExp(`^\\turl = ${bare}$`, "m"));
    await edit(annDir, { 'Collect.': 'Collect, by Ann.' });
    await ProjectHistory.for(annDir).saveVersion({ name: 'Approved', note: '', kind: 'editorial', author: 'Ann' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1, versionsSent: 1 });
    await edit(bobDir, { 'Share.': 'Share, by Bob.' });
    // Bob's push meets a branch that moved on: fetched and merged, never forced.
    expect(await syncProject(bobDir, bob)).toMatchObject({ status: 'synced', merged: true, received: 1 });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', received: 2 });
    const both = text({ 'Collect.': 'Collect, by Ann.', 'Share.': 'Share, by Bob.' });
    expect(await read(annDir)).toBe(both);
    expect(await read(bobDir)).toBe(both);
    expect((await ProjectHistory.for(bobDir).listVersions()).map((version) => version.name)).toEqual(['Approved']);
    expect(await syncStatus(bobDir)).toEqual({ state: 'up-to-date' });
    execFileSync('git', ['--git-dir', bare, 'fsck', '--no-progress']);
  });

  it('stops at a conflict with the open merge kept, as with a server', async () => {
    const { annDir, bobDir } = await team('conflict');
    await edit(annDir, { 'Share.': 'Share, says Ann.' });
    await syncProject(annDir, ann);
    await edit(bobDir, { 'Share.': 'Share, says Bob.' });
    expect(await syncProject(bobDir, bob)).toEqual({ status: 'needs-attention', files: [DOC] });
    expect((await listConflicts(bobDir)).map((conflict) => conflict.file)).toEqual([DOC]);
  });

  it('runs none of the repository’s hooks on this computer', async () => {
    const { bare, annDir } = await team('hooks');
    const marker = path.join(tmp, 'hooks', 'hook-ran');
    for (const hook of ['pre-receive', 'update', 'post-receive', 'post-update']) {
      await fs.writeFile(path.join(bare, 'hooks', hook), `#!/bin/sh\ntouch "${marker}"\nexit 1\n`, { mode: 0o755 });
    }
    await edit(annDir, { 'Collect.': 'Collect, with hooks there.' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1 });
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('runs none of the project’s own hooks or configured programs either (the project may have come from anyone)', async () => {
    const { annDir, bobDir } = await team('local-hooks');
    const marker = path.join(tmp, 'local-hooks', 'program-ran');
    const program = path.join(tmp, 'local-hooks', 'program.sh');
    await fs.writeFile(program, `#!/bin/sh\ntouch "${marker}"\nexit 0\n`, { mode: 0o755 });
    // A fetch updates refs (reference-transaction), a push runs pre-push; a monitor and a hooks folder named in the
    // project's .git/config, and its automatic maintenance after a fetch, would each run a program too.
    const hooks = path.join(tmp, 'local-hooks', 'elsewhere-hooks');
    await fs.mkdir(hooks);
    for (const folder of [path.join(bobDir, '.git', 'hooks'), hooks]) {
      for (const hook of ['reference-transaction', 'pre-push', 'post-merge', 'pre-auto-gc']) await fs.copyFile(program, path.join(folder, hook));
    }
    await fs.appendFile(path.join(bobDir, '.git', 'config'), `\n[core]\n\thooksPath = ${hooks}\n\tfsmonitor = ${program}\n[gc]\n\tauto = 1\n`);
    await edit(annDir, { 'Collect.': 'Collect, by Ann.' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1 });
    await edit(bobDir, { 'Share.': 'Share, by Bob.' });
    expect(await syncProject(bobDir, bob)).toMatchObject({ status: 'synced', merged: true, received: 1 });
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('says in one sentence when the folder is gone (offline, kept for later) or holds no repository', async () => {
    const { bare, annDir } = await team('gone');
    const moved = `${bare}-moved`;
    await fs.rename(bare, moved);
    await edit(annDir, { 'Collect.': 'Collect, while the share is away.' });
    await expect(syncProject(annDir, ann)).rejects.toThrow(
      new RegExp(`^The repository folder ${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be reached \\(is the shared drive connected\\?\\); your work is kept here and will be synced later\\.$`),
    );
    expect(await syncStatus(annDir)).toMatchObject({ state: 'offline' });
    await fs.rename(moved, bare);
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1 });
    const plain = path.join(tmp, 'gone', 'plain-folder');
    await fs.mkdir(plain);
    await expect(cloneProject(plain, path.join(tmp, 'gone', 'carol'), null)).rejects.toThrow(/is not a bare git repository; make one there with "git init --bare"/);
    await expect(fs.stat(path.join(tmp, 'gone', 'carol'))).rejects.toThrow();
  });
});
