import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { policy } from '../../shared/testing/builders';
import { Project } from '../store/project';
import { cloneProject } from './clone';
import { syncProject, type SyncOptions } from './sync-engine';
import { HAS_HTTP_BACKEND, useTestGitServer } from './test-git-server';

// A server (or whoever controls it) sends a repository made to write outside the project: each is refused whole,
// and nothing is written, neither outside nor inside the folder.
const env = useTestGitServer('pw-hostile-', { ann: 'secret-a' });

const ann: SyncOptions = { credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' };
const who = { name: 'Mallory', email: 'm@example.com', timestamp: 1_767_225_600, timezoneOffset: 0 };
const MANIFEST = '{\n  "format": 1,\n  "name": "Policies",\n  "documents": ["privacy-policy"]\n}\n';

type Entry = { name: string; mode: string; text?: string; tree?: Entry[] };

/** Writes a tree straight into the server's bare repository, as a hostile server would hold it. */
async function writeTree(gitdir: string, entries: Entry[]): Promise<string> {
  const tree: git.TreeEntry[] = [];
  for (const entry of entries) {
    if (entry.tree) tree.push({ path: entry.name, mode: '040000', type: 'tree', oid: await writeTree(gitdir, entry.tree) });
    else tree.push({ path: entry.name, mode: entry.mode, type: 'blob', oid: await git.writeBlob({ fs: nodeFs, gitdir, blob: Buffer.from(entry.text ?? '') }) });
  }
  return git.writeTree({ fs: nodeFs, gitdir, tree });
}

/** A server repository whose branch is a commit of `entries` on top of a good project; the good one shared by Ann. */
async function hostileServer(name: string, entries: Entry[]): Promise<{ url: string; annDir: string; outside: string }> {
  const url = await env.server.createRepo(`${name}.git`);
  const annDir = path.join(env.tmp, name, 'project');
  await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  await syncProject(annDir, { ...ann, remoteUrl: url });
  const gitdir = path.join(env.tmp, 'server', `${name}.git`);
  const parent = await git.resolveRef({ fs: nodeFs, gitdir, ref: 'refs/heads/main' });
  const commit = await git.writeCommit({ fs: nodeFs, gitdir, commit: { message: 'hostile\n', tree: await writeTree(gitdir, entries), parent: [parent], author: who, committer: who } });
  await git.writeRef({ fs: nodeFs, gitdir, ref: 'refs/heads/main', value: commit, force: true });
  return { url, annDir, outside: path.join(env.tmp, name, 'outside') };
}

const cases: Array<[string, (outside: string) => Entry[], RegExp]> = [
  ['a document that is a link out of the folder', (outside) => [
    { name: 'policywright.json', mode: '100644', text: MANIFEST },
    { name: 'documents', mode: '040000', tree: [{ name: 'privacy-policy.policy.json', mode: '120000', text: outside }] },
  ], /documents\/privacy-policy\.policy\.json as a link/],
  ['the documents folder as a link', (outside) => [
    { name: 'policywright.json', mode: '100644', text: MANIFEST },
    { name: 'documents', mode: '120000', text: outside },
  ], /documents as a link/],
  ['an entry named ..', () => [
    { name: 'policywright.json', mode: '100644', text: MANIFEST },
    { name: '..', mode: '040000', tree: [{ name: 'outside', mode: '100644', text: 'escaped' }] },
  ], /an entry named "\.\."/],
  ['a project file over its size limit', () => [{ name: 'policywright.json', mode: '100644', text: `${MANIFEST}${' '.repeat(1024 * 1024 + 1)}` }], /over what Policywright reads/],
];

describe.skipIf(!HAS_HTTP_BACKEND)('a hostile server repository (needs git http-backend)', () => {
  it.each(cases)('refuses %s on sync and on clone, and writes nothing', async (label, entries, refusal) => {
    const name = label.replace(/[^a-z]+/g, '-');
    const { url, annDir, outside } = await hostileServer(name, entries(path.join(env.tmp, name, 'outside')));
    const before = await fs.readFile(path.join(annDir, 'policywright.json'), 'utf8');
    const head = await git.resolveRef({ fs: nodeFs, dir: annDir, ref: 'HEAD' });

    await expect(syncProject(annDir, ann)).rejects.toThrow(refusal);
    expect(await fs.readFile(path.join(annDir, 'policywright.json'), 'utf8')).toBe(before);
    expect(await git.resolveRef({ fs: nodeFs, dir: annDir, ref: 'HEAD' })).toBe(head);
    expect(nodeFs.existsSync(outside)).toBe(false);
    expect(nodeFs.lstatSync(path.join(annDir, 'documents')).isDirectory()).toBe(true);

    const cloneDir = path.join(env.tmp, name, 'clone');
    await expect(cloneProject(url, cloneDir, ann.credentials)).rejects.toThrow(refusal);
    expect(nodeFs.existsSync(cloneDir)).toBe(false);
    expect(nodeFs.existsSync(outside)).toBe(false);
  });
});
