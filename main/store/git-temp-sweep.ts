import * as path from 'node:path';
import { OBJECT_TEMP, OTHER_TEMP, type DiskIo } from './durable-git-fs';

/** Old enough that no save still writing it can be alive (a save writes and renames its file within seconds). */
const STALE_MS = 10 * 60 * 1000;
const swept = new Set<string>();

/**
 * Removes the temporary files that saves killed mid-way left in a repository (durable-git-fs writes every file as a
 * temporary one first), once per repository per launch. Best effort: what cannot be removed stays, hidden from git.
 */
export async function sweepTemporaryFiles(gitdir: string, io: DiskIo, now = Date.now()): Promise<number> {
  if (swept.has(gitdir)) return 0;
  swept.add(gitdir);
  const list = (dir: string) => io.readdir(dir).catch(() => [] as string[]);
  const folders = [gitdir, path.join(gitdir, 'refs', 'heads')];
  const tags = path.join(gitdir, 'refs', 'tags');
  folders.push(tags, ...(await list(tags)).filter((name) => !name.includes('.')).map((name) => path.join(tags, name)));
  const objects = path.join(gitdir, 'objects');
  folders.push(...(await list(objects)).filter((name) => /^[0-9a-f]{2}$/.test(name)).map((name) => path.join(objects, name)));
  let removed = 0;
  for (const folder of folders) {
    for (const name of await list(folder)) {
      if (!OBJECT_TEMP.test(name) && !OTHER_TEMP.test(name)) continue;
      const file = path.join(folder, name);
      const stats = await io.lstat(file).catch(() => null);
      if (!stats?.isFile() || now - stats.mtimeMs < STALE_MS) continue;
      if (await io.unlink(file).then(() => true, () => false)) removed++;
    }
  }
  return removed;
}
