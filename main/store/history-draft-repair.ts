import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { isWholeObjectFile, nodeDiskIo } from './durable-git-fs';
import { projectFilesOnDisk, type Repo } from './history-git';
import { blobId } from './loose-object';

/**
 * Rebuilds damaged or missing loose objects from the project's files on disk: a version whose document is still the
 * draft (the same bytes, so the same blob id) gets its content back. Writing goes through the repository's durable
 * layer, which takes a damaged object file for absent and replaces it whole. Returns how many objects were rewritten.
 */
export async function rewriteObjectsFromDraft(repo: Repo): Promise<number> {
  const projectDir = path.join(repo.git.dir, ...repo.project.split('/').filter(Boolean));
  let rewritten = 0;
  for (const file of await projectFilesOnDisk(projectDir)) {
    const bytes = await fs.readFile(path.join(projectDir, file)).catch(() => null);
    if (!bytes) continue;
    const oid = blobId(bytes);
    const objectFile = path.join(repo.git.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    const stats = await fs.lstat(objectFile).catch(() => null);
    if (stats ? await isWholeObjectFile(nodeDiskIo, objectFile, stats) : await isPacked(repo, oid)) continue;
    await git.writeBlob({ ...repo.git, blob: bytes });
    rewritten++;
  }
  return rewritten;
}

async function isPacked(repo: Repo, oid: string): Promise<boolean> {
  return git.readBlob({ ...repo.git, cache: {}, oid }).then(
    () => true,
    () => false,
  );
}
