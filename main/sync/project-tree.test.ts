import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repo } from '../store/history-git';
import { projectFilesOf, readProjectText } from './project-tree';

// Which files of a commit sync may write, judged from the commit alone (no server): the project's own files, and a
// refusal for anything that could lead a write elsewhere.
let dir: string;
let repo: Repo;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-tree-'));
  await git.init({ fs: nodeFs, dir, defaultBranch: 'main' });
  repo = { git: { fs: nodeFs, dir, cache: {} }, project: '' };
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Entry = [name: string, mode: string, content: string | Entry[]];
const who = { name: 'T', email: 't@example.com', timestamp: 0, timezoneOffset: 0 };

async function tree(entries: Entry[]): Promise<string> {
  const written: git.TreeEntry[] = [];
  for (const [name, mode, content] of entries) {
    const oid = typeof content === 'string' ? await git.writeBlob({ fs: nodeFs, dir, blob: Buffer.from(content) }) : await tree(content);
    written.push({ path: name, mode, oid, type: typeof content === 'string' ? 'blob' : 'tree' });
  }
  return git.writeTree({ fs: nodeFs, dir, tree: written });
}

const commitOf = async (entries: Entry[]) => git.writeCommit({ fs: nodeFs, dir, commit: { message: 'x\n', tree: await tree(entries), parent: [], author: who, committer: who } });

describe("a commit's project files", () => {
  it('lists the project files and leaves everything else (README, hidden files, other folders) out', async () => {
    const commit = await commitOf([
      ['policywright.json', '100644', '{}'],
      ['README.md', '100644', 'hi'],
      ['link-elsewhere', '120000', '/etc'],
      ['documents', '040000', [['privacy-policy.policy.json', '100644', '{}'], ['.DS_Store', '100644', 'x'], ['notes.txt', '120000', '/etc/passwd']]],
      ['clauses', '040000', [['gdpr', '040000', [['art-13.clause.json', '100644', '{}']]]]],
    ]);
    expect([...(await projectFilesOf(repo, commit)).keys()].sort()).toEqual(['clauses/gdpr/art-13.clause.json', 'documents/privacy-policy.policy.json', 'policywright.json']);
  });

  it('refuses a link, a submodule, or a link for a project folder, naming it', async () => {
    const link = await commitOf([['documents', '040000', [['privacy-policy.policy.json', '120000', '../../../etc/passwd']]]]);
    await expect(projectFilesOf(repo, link)).rejects.toThrow(/documents\/privacy-policy\.policy\.json as a link; Policywright refused to sync it/);
    const folderLink = await commitOf([['clauses', '120000', '/tmp']]);
    await expect(projectFilesOf(repo, folderLink)).rejects.toThrow(/holds clauses as a link/);
    const manifestLink = await commitOf([['policywright.json', '120000', '/etc/passwd']]);
    await expect(projectFilesOf(repo, manifestLink)).rejects.toThrow(/holds policywright\.json as a link/);
  });

  it('refuses a text over the size Policywright reads for that file, and one that is not UTF-8', async () => {
    const big = await git.writeBlob({ fs: nodeFs, dir, blob: Buffer.alloc(1024 * 1024 + 1, 32) });
    await expect(readProjectText(repo, 'policywright.json', big)).rejects.toThrow(/over what Policywright reads/);
    expect(await readProjectText(repo, 'documents/a.policy.json', big)).toHaveLength(1024 * 1024 + 1);
    const latin1 = await git.writeBlob({ fs: nodeFs, dir, blob: Buffer.from([0x7b, 0xe9, 0x7d]) });
    await expect(readProjectText(repo, 'policywright.json', latin1)).rejects.toThrow(/not UTF-8/);
  });
});
