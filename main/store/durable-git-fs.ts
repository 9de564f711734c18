import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { PromiseFsClient } from 'isomorphic-git';
import { replaceFile, syncDirectory, type SaveFs } from './atomic-write';
import { checkGitPath, guarded, readGitFile } from './git-folder-guard';
import { isWholeLooseObject } from './loose-object';

/**
 * The file operations under the git layer. Node's fs/promises has them all; tests hand in a layer that fails or
 * "loses power" at any one of them.
 */
export interface DiskIo extends SaveFs {
  readFile: typeof fs.readFile;
  stat: typeof fs.stat;
  lstat: typeof fs.lstat;
  readdir: (dir: string) => Promise<string[]>;
  readlink: typeof fs.readlink;
  symlink: typeof fs.symlink;
  mkdir: (dir: string) => Promise<unknown>;
  unlink: typeof fs.unlink;
  rmdir: (dir: string) => Promise<void>;
  chmod: typeof fs.chmod;
}

/** The disk itself, never through a link or into a pipe inside a .git folder (git-folder-guard.ts). */
export const nodeDiskIo: DiskIo = {
  open: guarded(fs.open),
  rename: async (from, to) => {
    await Promise.all([checkGitPath(String(from)), checkGitPath(String(to))]);
    return fs.rename(from, to);
  },
  rm: guarded(fs.rm),
  readFile: readGitFile as typeof fs.readFile,
  stat: fs.stat,
  lstat: fs.lstat,
  readdir: guarded((dir: string) => fs.readdir(dir)),
  readlink: fs.readlink,
  symlink: fs.symlink,
  mkdir: guarded((dir: string) => fs.mkdir(dir)),
  unlink: guarded(fs.unlink),
  rmdir: guarded((dir: string) => fs.rmdir(dir)),
  chmod: fs.chmod,
};

/** What isomorphic-git reads and writes through where no durable layer is needed: the same guards, Node's calls. */
export const guardedGitFs: GitFs = {
  promises: {
    readFile: readGitFile,
    writeFile: guarded(fs.writeFile),
    unlink: guarded(fs.unlink),
    readdir: guarded(fs.readdir),
    mkdir: guarded(fs.mkdir),
    rmdir: guarded(fs.rmdir),
    stat: fs.stat,
    lstat: fs.lstat,
    readlink: fs.readlink,
    symlink: fs.symlink,
    chmod: fs.chmod,
  },
} as unknown as GitFs;

/** What isomorphic-git takes as `fs`: an object whose `promises` holds the calls its FileSystem wrapper makes. */
export type GitFs = PromiseFsClient;

const LOOSE_OBJECT = /[\\/]objects[\\/]([0-9a-f]{2})[\\/]([0-9a-f]{38})$/;
// Git's own name for a loose object being written, which `git fsck` and `git gc` know to ignore or clean up.
export const OBJECT_TEMP = /^tmp_obj_/;
// A dot name is skipped by git when it lists refs, so a leftover temporary file is never taken for a tag or branch.
export const OTHER_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * A file system for isomorphic-git that makes each of its writes atomic and durable, and never trusts a damaged
 * object. isomorphic-git writes objects, refs and the index in place and skips an object file that already exists,
 * so a crash or a full disk used to leave empty files that later saves reused. Here every write goes to a temporary
 * file that is fsynced and renamed over its target, and the folder is fsynced so the rename survives power loss; a
 * new folder is fsynced into its parent; and a loose object that is empty or does not inflate and hash to its name
 * counts as absent, so the next save of the same content writes it again.
 */
export function durableGitFs(io: DiskIo = nodeDiskIo): GitFs {
  const promises = {
    readFile: (file: string, options?: unknown) => io.readFile(file, options as never),
    writeFile: (file: string, data: string | Uint8Array, options?: unknown) => durableWrite(io, file, data, modeOf(options)),
    mkdir: async (dir: string) => {
      await io.mkdir(dir);
      await syncDirectory(io, path.dirname(dir));
    },
    rmdir: async (dir: string) => {
      await io.rmdir(dir);
      await syncDirectory(io, path.dirname(dir));
    },
    unlink: async (file: string) => {
      await io.unlink(file);
      await syncDirectory(io, path.dirname(file));
    },
    readdir: async (dir: string) => (await io.readdir(dir)).filter((name) => !OBJECT_TEMP.test(name) && !OTHER_TEMP.test(name)),
    stat: async (file: string) => {
      const stats = await io.stat(file);
      if (LOOSE_OBJECT.test(file) && stats.isFile() && !(await isWholeObjectFile(io, file, stats))) {
        throw Object.assign(new Error(`damaged object ${file}`), { code: 'ENOENT' });
      }
      return stats;
    },
    lstat: (file: string) => io.lstat(file),
    readlink: (file: string, options?: unknown) => io.readlink(file, options as never),
    symlink: (target: string, file: string) => io.symlink(target, file),
    chmod: (file: string, mode: number) => io.chmod(file, mode),
  };
  return { promises } as unknown as GitFs;
}

function modeOf(options: unknown): number {
  const mode = (options as { mode?: unknown } | null | undefined)?.mode;
  return typeof mode === 'number' ? mode : 0o644;
}

/** Temporary file in the target's folder, fsync, rename over the target, fsync the folder (atomic-write.ts). */
export function durableWrite(io: DiskIo, target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  // Git's own tools clean up a loose object's temporary file by this name.
  return replaceFile(target, data, io, mode, LOOSE_OBJECT.test(target) ? (hex) => `tmp_obj_${hex}` : undefined);
}

export { syncDirectory };

type Stamped = Awaited<ReturnType<typeof fs.stat>>;

/**
 * Objects found whole, by file and stamp: an object file is never changed in place by git, so a file with the same
 * size, time and inode as one checked before is not read again; a rewritten one is.
 */
const verified = new Map<string, string>();

/** The stamp of an object file found whole in this process, to keep beside the version index (./version-index). */
export function wholeStampOf(file: string): string | undefined {
  return verified.get(file);
}

/** An object file found whole before, by a stamp kept in the version index: a file with that stamp is not read again. */
export function rememberWhole(file: string, stamp: string): void {
  if (!verified.has(file) && verified.size < 100_000) verified.set(file, stamp);
}

/** Whether a loose object file inflates and hashes to the id its path names. */
export async function isWholeObjectFile(io: DiskIo, file: string, stats: Stamped): Promise<boolean> {
  const stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  if (verified.get(file) === stamp) return true;
  const match = LOOSE_OBJECT.exec(file);
  if (!match) return false;
  const bytes = stats.size === 0 ? null : await io.readFile(file).catch(() => null);
  if (!bytes || !isWholeLooseObject(bytes as Uint8Array, `${match[1]}${match[2]}`)) {
    verified.delete(file);
    return false;
  }
  if (verified.size > 100_000) verified.clear();
  verified.set(file, stamp);
  return true;
}
