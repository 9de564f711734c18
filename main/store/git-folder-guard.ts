import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from './errors';
import { READ_FLAGS, notAFile, type FolderWords } from './project-fs';

/*
 * A project's .git folder comes with the folder, from whoever shared it. Its top (HEAD, config, refs, objects …) is
 * checked when the repository is found (history-git.ts, refuseWorktree); below that, any entry may be a link out of
 * the folder, a named pipe or a device: a read of a pipe never ends (four of them filled Node's file thread pool and
 * stopped every save), a device never stops giving bytes, and a write through a linked folder lands outside the
 * project. Every read and write the app makes in a .git folder goes through here (the disk layer under git, the file
 * system handed to isomorphic-git, the version index and the sync records).
 */

/** More than any file of a .git folder Policywright makes or reads (a team's whole history packed stays far below). */
export const GIT_FILE_LIMIT = 1024 * 1024 * 1024;

const GIT_WORDS: FolderWords = { it: 'the repository', kind: 'a .git folder' };

/**
 * The .git folder `file` is in, and its path inside it ('.git/refs/heads/main'); null for a file in no .git folder.
 * A path that climbs out with `..` below .git (a tag named `../../evil` in packed-refs) is refused, not resolved.
 */
function placeInGit(file: string): { root: string; inside: string[] } | null {
  const raw = file.split(/[\\/]/);
  const at = raw.indexOf('.git');
  if (at < 0 || at === raw.length - 1) return null;
  if (raw.slice(at + 1).some((part) => part === '..')) {
    throw new UserError(`${raw.slice(at).join('/')} is not a path inside the .git folder; Policywright reads and writes nothing outside it.`);
  }
  const parts = path.resolve(file).split(path.sep);
  const resolvedAt = parts.lastIndexOf('.git', parts.length - (raw.length - at));
  if (resolvedAt < 0) return null;
  return { root: parts.slice(0, resolvedAt).join(path.sep) || path.sep, inside: parts.slice(resolvedAt) };
}

/**
 * A file of a .git folder read whole, never through a link at its own name, never waiting on a pipe, and only when it
 * is a regular file of at most GIT_FILE_LIMIT bytes; any other file as fs.readFile reads it. A missing file rejects
 * with ENOENT, as fs.readFile does (isomorphic-git tells a missing object or ref by that code).
 */
export async function readGitFile(file: string, options?: unknown): Promise<Buffer | string> {
  const place = placeInGit(file);
  if (!place) return fs.readFile(file, options as never) as Promise<Buffer | string>;
  const name = place.inside.join('/');
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(name, 'is a link');
    throw error;
  }
  try {
    const stats = await handle.stat();
    // A folder read as a file: isomorphic-git, trying where a ref may be, takes EISDIR as "not here", as Node says it.
    if (stats.isDirectory()) throw Object.assign(new Error(`${name} is a folder`), { code: 'EISDIR' });
    if (!stats.isFile()) throw new UserError(notAFile(name, stats, GIT_WORDS));
    if (stats.size > GIT_FILE_LIMIT) throw new UserError(`${name} is over ${GIT_FILE_LIMIT / 1024 ** 3} GiB, more than a .git folder's file Policywright reads; it was not read.`);
    const bytes = await handle.readFile();
    const encoding = typeof options === 'string' ? options : (options as { encoding?: unknown } | undefined)?.encoding;
    return typeof encoding === 'string' ? bytes.toString(encoding as BufferEncoding) : bytes;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Refuses a write, a new folder, a removal or a listing at `file` when a folder on the way to it inside its .git
 * folder is a link or not a folder, or when `file` itself is a link or a special file; nothing to check outside a .git
 * folder. A missing folder on the way is no refusal: the operation itself then fails, as it would have.
 */
export async function checkGitPath(file: string): Promise<void> {
  const place = placeInGit(file);
  if (!place) return;
  let current = place.root;
  for (let depth = 0; depth < place.inside.length; depth++) {
    current = path.join(current, place.inside[depth] ?? '');
    const stats = await fs.lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (!stats) return;
    const name = place.inside.slice(0, depth + 1).join('/');
    if (stats.isSymbolicLink()) throw linkError(name, await whereLinkLeads(current, place.root));
    const last = depth === place.inside.length - 1;
    if (!last && !stats.isDirectory()) return;
    if (last && !stats.isFile() && !stats.isDirectory()) throw new UserError(notAFile(name, stats, GIT_WORDS));
  }
}

async function whereLinkLeads(link: string, root: string): Promise<string> {
  const target = await fs.readlink(link).catch(() => null);
  const relative = target === null ? '..' : path.relative(path.join(root, '.git'), path.resolve(path.dirname(link), target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)) ? 'is a link to another place in the repository' : 'is a link to somewhere outside the repository';
}

function linkError(name: string, what: string): UserError {
  return new UserError(`${name} ${what}; Policywright does not follow links in ${GIT_WORDS.kind}.`);
}

/** `operation` on `file`, once checkGitPath has found nothing on the way to it that leaves its .git folder. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation of the fs API, whatever its other arguments
export function guarded<F extends (file: string, ...rest: any[]) => Promise<unknown>>(operation: F): F {
  return (async (file: string, ...rest: unknown[]) => {
    await checkGitPath(file);
    return operation(file, ...rest);
  }) as F;
}
