import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { serializeClause } from '../../shared/clauses/serialize';
import { serializeDocument, serializeManifest } from '../../shared/format/serialize';
import { introPolicy } from '../../shared/testing/builders';
import { ProjectHistory } from './history';
import { Project } from './project';
import { writeVariables } from './variables';

/**
 * Builders for the hostile-project tests: a project folder as someone else might share it, beside an "outside" that
 * stands for the rest of the person's disk (their own files, another of their repositories), holding a canary text
 * that must never come back from the app, and whose every byte must stay as it was.
 */

/** Written into every outside file: if it shows in a reply, an export or a version, something read outside. */
export const CANARY = 'CANARY-7f3a9c-outside-the-project';

export interface Lab {
  /** The person's other files: canary files, a documents and a clauses folder, and another git repository. */
  readonly outside: string;
  readonly otherRepo: string;
  readonly project: string;
}

const clause = (id: string, text: string) =>
  serializeClause({
    format: 1,
    id,
    title: `Clause ${id}`,
    status: 'approved',
    version: 1,
    updated: '2026-11-20',
    tags: { topic: ['data'], jurisdiction: [] },
    blocks: [{ kind: 'paragraph', runs: [{ text }] }],
    history: [],
  });

/**
 * A clean project (two documents, a clause, variables, one saved version "v0") and the outside beside it. The
 * hostile part is added by a case.
 */
export async function makeLab(tmp: string): Promise<Lab> {
  const outside = path.join(tmp, 'outside');
  const otherRepo = path.join(outside, 'other-repo');
  await fs.mkdir(path.join(outside, 'documents'), { recursive: true });
  await fs.mkdir(path.join(outside, 'clauses'), { recursive: true });
  await fs.mkdir(path.join(outside, 'ssh'), { recursive: true });
  await fs.writeFile(path.join(outside, 'secret.txt'), `${CANARY}\n`);
  await fs.writeFile(path.join(outside, 'ssh', 'id_ed25519'), `-----BEGIN OPENSSH PRIVATE KEY----- ${CANARY}\n`);
  await fs.writeFile(path.join(outside, 'documents', 'privacy-policy.policy.json'), serializeDocument(introPolicy(`Stolen ${CANARY}`, CANARY)));
  await fs.writeFile(path.join(outside, 'clauses', 'stolen.clause.json'), clause('stolen', CANARY));
  await fs.writeFile(path.join(outside, 'variables.json'), `{\n  "format": 1,\n  "variables": {\n    "company_name": "${CANARY}"\n  }\n}\n`);
  await fs.writeFile(path.join(outside, 'policywright.json'), serializeManifest({ format: 1, name: CANARY, documents: ['privacy-policy'] }));
  // Named as a crashed save's temporary file, and old: what opening a project tidies away in its own folders.
  for (const folder of ['documents', 'clauses']) {
    const leftover = path.join(outside, folder, '.privacy-policy.policy.json.0123456789ab.tmp');
    await fs.writeFile(leftover, CANARY);
    await fs.utimes(leftover, new Date('2020-01-01'), new Date('2020-01-01'));
  }

  await fs.mkdir(otherRepo);
  await git.init({ fs: nodeFs, dir: otherRepo, defaultBranch: 'main' });
  await fs.writeFile(path.join(otherRepo, 'README.md'), `${CANARY}\n`);
  await git.add({ fs: nodeFs, dir: otherRepo, filepath: 'README.md' });
  const author = { name: 'Other', email: 'other@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
  await git.commit({ fs: nodeFs, dir: otherRepo, message: 'Mine', author });

  const project = path.join(tmp, 'project');
  await Project.create(project, 'Shared Policies', [
    { id: 'privacy-policy', doc: introPolicy('Privacy Policy', 'We collect little.') },
    { id: 'cookie-policy', doc: introPolicy('Cookie Policy', 'We use one cookie.') },
  ]);
  await fs.mkdir(path.join(project, 'clauses'));
  await fs.writeFile(path.join(project, 'clauses', 'retention.clause.json'), clause('retention', 'We keep data for 30 days.'));
  await writeVariables(project, { company_name: 'Acme Ltd' });
  await ProjectHistory.for(project).saveVersion({ name: 'v0', note: '', kind: 'editorial', author: 'Dana' });
  return { outside, otherRepo, project };
}

/** Replaces a project entry with a symbolic link to `target` (absolute, or relative to the link's folder). */
export async function linkInstead(entry: string, target: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true });
  await fs.symlink(target, entry);
}

export const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

/** Replaces a project entry with a named pipe that nothing ever writes to: a read that opens it waits forever. */
export async function fifoInstead(entry: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true });
  const made = spawnSync('mkfifo', [entry]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

/** Replaces a project entry with a listening Unix socket; the returned function closes it. */
export async function socketInstead(entry: string): Promise<() => Promise<void>> {
  await fs.rm(entry, { recursive: true, force: true });
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(entry, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Makes a file of `bytes` bytes that takes no room on disk (a sparse file, as `truncate -s` makes). */
export async function sparseInstead(entry: string, bytes: number): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true });
  const handle = await fs.open(entry, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

/**
 * Every entry under a folder with its kind and contents (a hash of a file's bytes, a link's target), and each file's
 * modification time: any write, new file, removal or change of a link shows as a difference.
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(dir, full);
      if (entry.isSymbolicLink()) out.set(relative, `link ${await fs.readlink(full)}`);
      else if (entry.isDirectory()) {
        out.set(relative, 'folder');
        await walk(full);
      } else if (entry.isFile()) {
        const stats = await fs.lstat(full);
        out.set(relative, `file ${createHash('sha256').update(await fs.readFile(full)).digest('hex')} ${stats.mtimeMs}`);
      } else out.set(relative, 'special');
    }
  };
  await walk(dir);
  return out;
}

/** Where a repository's branches and tags point, to show that nothing moved them. */
export async function refsOf(dir: string): Promise<string[]> {
  const refs = [`HEAD ${await git.resolveRef({ fs: nodeFs, dir, ref: 'HEAD' })}`];
  for (const branch of await git.listBranches({ fs: nodeFs, dir })) refs.push(`${branch} ${await git.resolveRef({ fs: nodeFs, dir, ref: branch })}`);
  for (const tag of await git.listTags({ fs: nodeFs, dir })) refs.push(`tag ${tag}`);
  return refs;
}

/** The text of every file of every commit reachable from a repository's tags and HEAD, to look for the canary. */
export async function everythingCommitted(dir: string): Promise<string> {
  let all = '';
  const refs = ['HEAD', ...(await git.listTags({ fs: nodeFs, dir }))];
  for (const ref of refs) {
    const oid = await git.resolveRef({ fs: nodeFs, dir, ref }).catch(() => null);
    if (!oid) continue;
    for (const { oid: commit } of await git.log({ fs: nodeFs, dir, ref: oid })) {
      for (const file of await git.listFiles({ fs: nodeFs, dir, ref: commit })) {
        const { blob } = await git.readBlob({ fs: nodeFs, dir, oid: commit, filepath: file });
        all += `${file}\n${Buffer.from(blob).toString('latin1')}\n`;
      }
    }
  }
  return all;
}
