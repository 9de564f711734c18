import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
import { ProjectHistory } from '../store/history';
import { Project } from '../store/project';
import { cloneProject } from './clone';
import { listConflicts, resolveConflict } from './conflicts';
import { syncProject, type SyncOptions } from './sync-engine';
import { syncStatus } from './sync-status';
import { HAS_HTTP_BACKEND, useTestGitServer } from './test-git-server';

// Two people (two folders) share one project through a real git server, as a team would through Gitea or GitHub.
const env = useTestGitServer('pw-sync-', { ann: 'secret-a', bob: 'secret-b' });

const DOC = 'documents/privacy-policy.policy.json';
const ann: SyncOptions = { credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' };
const bob: SyncOptions = { credentials: { username: 'bob', password: 'secret-b' }, author: 'Bob' };

/** The policy with two sections, each with two paragraphs; `edits` replaces paragraphs by their text. */
function policyText(edits: Record<string, string> = {}): string {
  const para = (text: string) => p(edits[text] ?? text);
  return serializeDocument(
    policy([h(1, 's-collect01', 'What we collect'), para('Collect one.'), para('Collect two.'), h(1, 's-share0001', 'Sharing'), para('Share one.'), para('Share two.')], {
      title: 'Privacy Policy',
    }),
  );
}

/** Ann's project shared to a new server repository, and Bob's clone of it. */
async function team(name: string): Promise<{ url: string; annDir: string; bobDir: string }> {
  const url = await env.server.createRepo(`${name}.git`);
  const annDir = path.join(env.tmp, name, 'ann');
  const bobDir = path.join(env.tmp, name, 'bob');
  await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  await fs.writeFile(path.join(annDir, DOC), policyText());
  expect(await syncProject(annDir, { ...ann, remoteUrl: url })).toMatchObject({ status: 'synced', sent: 1 });
  await cloneProject(url, bobDir, bob.credentials);
  return { url, annDir, bobDir };
}

const read = (dir: string, file = DOC) => fs.readFile(path.join(dir, file), 'utf8');
const edit = (dir: string, edits: Record<string, string>) => fs.writeFile(path.join(dir, DOC), policyText(edits));
const serverHead = (url: string) => git.listServerRefs({ http: httpClient, url, prefix: 'refs/heads/main', onAuth: () => ann.credentials ?? undefined });
import httpClient from 'isomorphic-git/http/node';

describe.skipIf(!HAS_HTTP_BACKEND)('sync between two people through a git server (needs git http-backend)', () => {
  it('gives both people both edits when they changed different sections', async () => {
    const { annDir, bobDir } = await team('different');
    expect(await read(bobDir)).toBe(policyText());
    await edit(annDir, { 'Collect one.': 'Collect one, by Ann.' });
    await edit(bobDir, { 'Share two.': 'Share two, by Bob.' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1 });
    expect(await syncProject(bobDir, bob)).toMatchObject({ status: 'synced', merged: true, received: 1 });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', received: 2 });
    const both = policyText({ 'Collect one.': 'Collect one, by Ann.', 'Share two.': 'Share two, by Bob.' });
    expect(await read(annDir)).toBe(both);
    expect(await read(bobDir)).toBe(both);
    expect(await syncStatus(annDir)).toEqual({ state: 'up-to-date' });
    // The merge commit has both people's commits as parents, and a plain commit is no version.
    const head = await git.readCommit({ fs: nodeFs, dir: bobDir, oid: await git.resolveRef({ fs: nodeFs, dir: bobDir, ref: 'HEAD' }) });
    expect(head.commit.parent).toHaveLength(2);
    expect(await git.listTags({ fs: nodeFs, dir: bobDir })).toEqual([]);
  });

  it('records a conflict on the same paragraph, keeps mine in the file, sends nothing, and finishes on resolve', async () => {
    const { url, annDir, bobDir } = await team('same');
    await edit(annDir, { 'Share one.': 'Share one, as Ann has it.' });
    await edit(bobDir, { 'Share one.': 'Share one, as Bob has it.' });
    await syncProject(annDir, ann);
    const before = await serverHead(url);
    expect(await syncProject(bobDir, bob)).toEqual({ status: 'needs-attention', files: [DOC] });
    expect(await read(bobDir)).toBe(policyText({ 'Share one.': 'Share one, as Bob has it.' }));
    expect(await read(bobDir)).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(await serverHead(url)).toEqual(before);
    expect(await syncStatus(bobDir)).toMatchObject({ state: 'needs-attention' });
    const [open] = await listConflicts(bobDir);
    expect(open?.file).toBe(DOC);
    expect(open?.conflicts.length).toBeGreaterThan(0);
    // A second sync does not pretend otherwise.
    expect(await syncProject(bobDir, bob)).toEqual({ status: 'needs-attention', files: [DOC] });

    expect(await resolveConflict(bobDir, DOC, 'theirs', bob)).toMatchObject({ status: 'synced', sent: 2 });
    expect(await read(bobDir)).toBe(policyText({ 'Share one.': 'Share one, as Ann has it.' }));
    expect(await listConflicts(bobDir)).toEqual([]);
    expect(await serverHead(url)).not.toEqual(before);
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced' });
    expect(await read(annDir)).toBe(policyText({ 'Share one.': 'Share one, as Ann has it.' }));
  });

  it('finishes only once every file is settled: one kept as mine, one given as the person wrote it', async () => {
    const { url, annDir, bobDir } = await team('two-files');
    const rename = (dir: string, name: string) => fs.writeFile(path.join(dir, 'policywright.json'), `${JSON.stringify({ format: 1, name, documents: ['privacy-policy'] }, null, 2)}\n`);
    await edit(annDir, { 'Share one.': 'Ann.' });
    await rename(annDir, 'Ann name');
    await edit(bobDir, { 'Share one.': 'Bob.' });
    await rename(bobDir, 'Bob name');
    await syncProject(annDir, ann);
    expect(await syncProject(bobDir, bob)).toEqual({ status: 'needs-attention', files: [DOC, 'policywright.json'] });
    const before = await serverHead(url);
    expect(await resolveConflict(bobDir, 'policywright.json', 'mine', bob)).toEqual({ status: 'needs-attention', files: [DOC] });
    expect(await serverHead(url)).toEqual(before);
    const settled = policyText({ 'Share one.': 'Ann and Bob.' });
    expect(await resolveConflict(bobDir, DOC, { text: settled }, bob)).toMatchObject({ status: 'synced', merged: false });
    await syncProject(annDir, ann);
    expect(await read(annDir)).toBe(settled);
    expect(JSON.parse(await read(annDir, 'policywright.json')).name).toBe('Bob name');
    await expect(resolveConflict(bobDir, DOC, 'mine', bob)).rejects.toThrow(/has no conflict to resolve/);
  });

  it('keeps a document added while the conflict on the list of documents was open, however the conflict is settled', async () => {
    for (const resolution of ['theirs', 'text'] as const) {
      const { annDir, bobDir } = await team(`list-${resolution}`);
      const rename = (dir: string, name: string) => fs.writeFile(path.join(dir, 'policywright.json'), `${JSON.stringify({ format: 1, name, documents: ['privacy-policy'] }, null, 2)}\n`);
      await rename(annDir, 'Ann name');
      await rename(bobDir, 'Bob name');
      await syncProject(annDir, ann);
      expect(await syncProject(bobDir, bob)).toEqual({ status: 'needs-attention', files: ['policywright.json'] });
      // Bob goes on working while the conflict waits: a new document goes into the list (under its lock, as the app does).
      const added = await (await Project.open(bobDir)).addDocument(policy([h(1, 's-cookies01', 'Cookies')], { title: 'Cookie Policy' }));
      const settled = `${JSON.stringify({ format: 1, name: 'Settled name', documents: ['privacy-policy'] }, null, 2)}\n`;
      expect(await resolveConflict(bobDir, 'policywright.json', resolution === 'theirs' ? 'theirs' : { text: settled }, bob)).toMatchObject({ status: 'synced' });
      const list = JSON.parse(await read(bobDir, 'policywright.json')) as { name: string; documents: string[] };
      expect(list.name).toBe(resolution === 'theirs' ? 'Ann name' : 'Settled name');
      expect(list.documents).toEqual(['privacy-policy', added.id]);
      await syncProject(annDir, ann);
      expect((JSON.parse(await read(annDir, 'policywright.json')) as { documents: string[] }).documents).toEqual(['privacy-policy', added.id]);
    }
  });

  it("keeps a colleague's change outside the project (a README) in the merge commit", async () => {
    const { annDir, bobDir } = await team('readme');
    await fs.writeFile(path.join(bobDir, 'README.md'), 'How we work.\n');
    await git.add({ fs: nodeFs, dir: bobDir, filepath: 'README.md' });
    await git.commit({ fs: nodeFs, dir: bobDir, message: 'Readme', author: { name: 'Bob', email: 'bob@example.com' } });
    expect(await syncProject(bobDir, bob)).toMatchObject({ status: 'synced', sent: 1 });
    await edit(annDir, { 'Collect one.': 'Collect one, by Ann.' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', merged: true });
    const head = await git.resolveRef({ fs: nodeFs, dir: annDir, ref: 'HEAD' });
    const readme = await git.readBlob({ fs: nodeFs, dir: annDir, oid: head, filepath: 'README.md' });
    expect(Buffer.from(readme.blob).toString('utf8')).toBe('How we work.\n');
    const doc = await git.readBlob({ fs: nodeFs, dir: annDir, oid: head, filepath: DOC });
    expect(Buffer.from(doc.blob).toString('utf8')).toBe(policyText({ 'Collect one.': 'Collect one, by Ann.' }));
    // Only project files are written into a folder; the README stays in the repository.
    expect(nodeFs.existsSync(path.join(annDir, 'README.md'))).toBe(false);
  });

  it('brings a version saved by one person to the other', async () => {
    const { annDir, bobDir } = await team('versions');
    await edit(annDir, { 'Collect two.': 'Collect two, approved.' });
    await ProjectHistory.for(annDir).saveVersion({ name: 'Approved 2026', note: '', kind: 'substantive', author: 'Ann' });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', versionsSent: 1 });
    await syncProject(bobDir, bob);
    const versions = await ProjectHistory.for(bobDir).listVersions();
    expect(versions.map((v) => v.name)).toEqual(['Approved 2026']);
    expect(await ProjectHistory.for(bobDir).readFileAt(versions[0]!, DOC)).toBe(policyText({ 'Collect two.': 'Collect two, approved.' }));
  });

  it("never moves a version: the same name saved by both stays each one's, and is said to be kept here", async () => {
    const { annDir, bobDir } = await team('same-name');
    await edit(annDir, { 'Collect one.': 'Ann approved this.' });
    await ProjectHistory.for(annDir).saveVersion({ name: 'Approved', note: '', kind: 'editorial', author: 'Ann' });
    await edit(bobDir, { 'Share one.': 'Bob approved this.' });
    await ProjectHistory.for(bobDir).saveVersion({ name: 'Approved', note: '', kind: 'editorial', author: 'Bob' });
    const [bobsTagName] = await git.listTags({ fs: nodeFs, dir: bobDir });
    const bobsTag = await git.resolveRef({ fs: nodeFs, dir: bobDir, ref: `refs/tags/${bobsTagName}`, depth: 1 });
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', versionsSent: 1 });
    const outcome = await syncProject(bobDir, bob);
    expect(outcome).toMatchObject({ status: 'synced', merged: true, versionsSent: 0 });
    expect(outcome.status === 'synced' && outcome.versionsKeptHere?.length).toBe(1);
    const [tag] = await git.listTags({ fs: nodeFs, dir: bobDir });
    expect(await git.resolveRef({ fs: nodeFs, dir: bobDir, ref: `refs/tags/${tag}`, depth: 1 })).toBe(bobsTag);
    expect((await ProjectHistory.for(bobDir).listVersions()).map((v) => v.author)).toEqual(['Bob']);
  });

  it('says offline when the server is down, and syncs later', async () => {
    const { annDir, bobDir } = await team('offline');
    await edit(annDir, { 'Collect one.': 'Written while the server was away.' });
    await env.server.stop();
    try {
      await expect(syncProject(annDir, ann)).rejects.toThrow(/cannot be reached/);
      expect(await syncStatus(annDir)).toMatchObject({ state: 'offline' });
    } finally {
      await env.server.start();
    }
    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', sent: 1 });
    expect(await syncStatus(annDir)).toEqual({ state: 'up-to-date' });
    await syncProject(bobDir, bob);
    expect(await read(bobDir)).toBe(policyText({ 'Collect one.': 'Written while the server was away.' }));
  });

  it('says in one sentence that a wrong password was refused', async () => {
    const { annDir } = await team('refused');
    const error = await syncProject(annDir, { ...ann, credentials: { username: 'ann', password: 'wrong' } }).catch((e: Error) => e);
    expect((error as Error).message).toBe(`The server at ${env.server.url} refused the user name or password.`);
    expect(await syncStatus(annDir)).toEqual({ state: 'needs-attention', message: (error as Error).message });
  });

  it('refuses a remote address with a password in it, and keeps none in .git/config', async () => {
    const { annDir } = await team('in-url');
    const withPassword = env.server.url.replace('http://', 'http://ann:secret-a@') + '/in-url.git';
    await expect(syncProject(annDir, { ...ann, remoteUrl: withPassword })).rejects.toThrow(/user name or password in it/);
    expect(await fs.readFile(path.join(annDir, '.git', 'config'), 'utf8')).not.toContain('secret-a');
  });
});
