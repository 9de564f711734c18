import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { durableWrite, type DiskIo } from './durable-git-fs';
import { gitDirOf } from './history-head';
import type { Repo } from './history-git';

/**
 * Git's index (the staging area) is only a cache of the next commit, but isomorphic-git refuses to work with one that
 * is empty or fails its checksum, as an earlier crash could leave it. Such an index is rebuilt from HEAD's tree, as
 * `git reset` would: staged work is lost, which is why it happens only when the index cannot be read at all.
 * Returns whether it was rebuilt.
 */
export async function ensureReadableIndex(repo: Repo, io: DiskIo, head: string | null): Promise<boolean> {
  const file = path.join(gitDirOf(repo), 'index');
  let bytes: Buffer;
  try {
    bytes = (await io.readFile(file)) as Buffer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (isReadableIndex(bytes)) return false;
  const entries = head ? await blobsOf(repo, (await git.readCommit({ ...repo.git, oid: head })).commit.tree, '') : [];
  await durableWrite(io, file, indexOf(entries));
  return true;
}

function isReadableIndex(bytes: Buffer): boolean {
  if (bytes.length < 32 || bytes.toString('latin1', 0, 4) !== 'DIRC') return false;
  const version = bytes.readUInt32BE(4);
  if (version !== 2 && version !== 3) return false;
  const body = bytes.subarray(0, bytes.length - 20);
  return createHash('sha1').update(body).digest('hex') === bytes.subarray(bytes.length - 20).toString('hex');
}

interface IndexEntry {
  path: string;
  oid: string;
  mode: number;
}

async function blobsOf(repo: Repo, tree: string, prefix: string): Promise<IndexEntry[]> {
  const found: IndexEntry[] = [];
  for (const entry of (await git.readTree({ ...repo.git, oid: tree })).tree) {
    const full = `${prefix}${entry.path}`;
    if (entry.type === 'tree') found.push(...(await blobsOf(repo, entry.oid, `${full}/`)));
    else found.push({ path: full, oid: entry.oid, mode: parseInt(entry.mode, 8) });
  }
  return found;
}

/**
 * A version 2 index with no file times or sizes: git and isomorphic-git then compare each file's content with its
 * blob, finding unchanged files unchanged.
 */
function indexOf(entries: IndexEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(sorted.length, 8);
  parts.push(header);
  for (const entry of sorted) {
    const name = Buffer.from(entry.path);
    const length = 62 + name.length;
    const padded = Math.ceil((length + 1) / 8) * 8;
    const bytes = Buffer.alloc(padded);
    bytes.writeUInt32BE(entry.mode, 24);
    Buffer.from(entry.oid, 'hex').copy(bytes, 40);
    bytes.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(bytes, 62);
    parts.push(bytes);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
