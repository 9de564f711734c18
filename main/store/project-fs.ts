import * as fs from 'node:fs/promises';
import { constants, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { WriteFailure, writeFileAtomic } from './atomic-write';
import { describeFsFailure, describeWriteFailure } from './describe-fs-error';
import { UserError } from './errors';
import { NotUtf8Error, decodeUtf8 } from './utf8';

/**
 * The one way into and out of a folder someone else may have made (a project, a team library): every path is a path
 * inside it, no link is followed, and only regular files of bounded size are read, as strict UTF-8. A shared folder
 * can hold links (they survive `git clone` and archives), named pipes and devices; none of them may make the app
 * read or write elsewhere, hang, or fill memory.
 *
 * The rule for links is the simplest one: every symbolic link (or Windows junction) inside the folder is refused,
 * whether it points outside or to another place inside, and whether it stands for a folder or a file.
 */

const MiB = 1024 * 1024;

/** The most Policywright reads of each file; the 100,000-word policy in the benchmarks is under 3 MiB. */
export const SIZE_LIMITS = {
  document: 64 * MiB,
  clause: 4 * MiB,
  variables: 4 * MiB,
  /** checks.json: ten thousand dismissals with long reasons fit in 4 MiB. */
  checks: 4 * MiB,
  manifest: 1 * MiB,
  workflow: 1 * MiB,
  settings: 1 * MiB,
  /**
   * A journal entry holds a whole document (at most MAX_JOURNAL_CHARS, 48 Mi characters, of up to 3 bytes each) after
   * a line of what it is about; an entry written before this format held it escaped in JSON, quotes taking two.
   */
  journal: 192 * MiB,
} as const;

// O_NOFOLLOW refuses a link put in place after the lstat; O_NONBLOCK keeps a pipe put there from blocking the open.
// Windows has neither flag; its lstat check stands alone there.
/** Opens a file to read without following a link at its name or waiting on a pipe. */
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** How a folder's messages speak of it. */
export interface FolderWords {
  /** "the project" */
  readonly it: string;
  /** "a project folder" */
  readonly kind: string;
}

export const PROJECT_WORDS: FolderWords = { it: 'the project', kind: 'a project folder' };

export class ConfinedFolder {
  readonly root: string;

  /** `root` itself is what the person chose (through a link if they like); only what is inside it is checked. */
  constructor(
    root: string,
    private readonly words: FolderWords = PROJECT_WORDS,
  ) {
    this.root = path.resolve(root);
  }

  /** The absolute path of an entry named by its path inside the folder (forward slashes); '' is the folder itself. */
  pathOf(relative: string): string {
    return path.join(this.root, ...segmentsOf(relative));
  }

  /**
   * The entry's lstat when it is a regular file within `limit` bytes, reached through real folders only; null when it,
   * or a folder on the way, does not exist. Anything else is refused in one sentence naming the entry.
   */
  async inspectFile(relative: string, limit: number): Promise<Stats | null> {
    const segments = segmentsOf(relative);
    if (!(await this.foldersExist(segments.slice(0, -1)))) return null;
    const stats = await this.lstat(segments);
    if (!stats) return null;
    await this.requireFile(relative, stats);
    if (stats.size > limit) throw new UserError(tooBig(relative, stats.size, limit));
    return stats;
  }

  /** A file's text and the stats of what was read; null when it does not exist. */
  async readText(relative: string, limit: number): Promise<{ text: string; stats: Stats } | null> {
    const read = await this.readBytes(relative, limit);
    return read && { text: textOf(relative, read.bytes), stats: read.stats };
  }

  /** A file's bytes, as they are, and the stats of what was read; null when it does not exist. */
  async readBytes(relative: string, limit: number): Promise<{ bytes: Buffer; stats: Stats } | null> {
    const expected = await this.inspectFile(relative, limit);
    if (!expected) return null;
    return readBoundedBytes(this.pathOf(relative), relative, limit, expected, this.words);
  }

  /**
   * The entries of a real folder inside this one (with '' the folder itself); null when it does not exist. The
   * entries are as they are on disk: judge each with `refusalOf` before reading it.
   */
  async list(relative: string): Promise<Dirent[] | null> {
    const segments = segmentsOf(relative);
    if (!(await this.foldersExist(segments))) return null;
    try {
      return await fs.readdir(this.pathOf(relative), { withFileTypes: true });
    } catch (error) {
      if (isAbsent(error)) return null;
      throw new UserError(describeFsFailure(this.nameOf(relative), error, 'read'));
    }
  }

  /** Why an entry found in a listing may not be read, in one sentence; null for a regular file. */
  async refusalOf(relative: string, entry: Dirent | Stats): Promise<string | null> {
    if (entry.isFile()) return null;
    if (entry.isSymbolicLink()) return this.linkProblem(relative);
    return notAFile(relative, entry, this.words);
  }

  /**
   * Replaces a file atomically, never through a link: every folder on the way must be a real folder of this one
   * (missing ones are made), and the file, if it exists, a regular file. The temporary file is made beside it with
   * O_EXCL, and the rename replaces the entry itself, so neither can be turned into a write elsewhere.
   */
  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const segments = segmentsOf(relative);
    if (segments.length === 0) throw new Error('a folder cannot be written as a file');
    await this.makeFolders(segments.slice(0, -1).join('/'));
    const existing = await this.lstat(segments);
    if (existing) await this.requireFile(relative, existing);
    try {
      await writeFileAtomic(this.pathOf(relative), data);
    } catch (error) {
      // Named by its path inside the folder, where the atomic write knows only the file's own name.
      const cause = error instanceof WriteFailure ? error.cause : error;
      throw new WriteFailure(describeWriteFailure(relative, cause), cause);
    }
  }

  /** Makes each missing folder along `relative`, one at a time, refusing any link or file in the way. */
  async makeFolders(relative: string): Promise<void> {
    const segments = segmentsOf(relative);
    for (let depth = 1; depth <= segments.length; depth++) {
      const upTo = segments.slice(0, depth);
      let stats = await this.lstat(upTo);
      if (!stats) {
        await fs.mkdir(this.pathOf(upTo.join('/'))).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw new WriteFailure(describeFsFailure(`The folder ${upTo.join('/')}`, error, 'made'), error);
        });
        stats = await this.lstat(upTo);
      }
      if (stats) await this.requireFolder(upTo.join('/'), stats);
    }
  }

  /** False when a folder on the way is missing; refuses one that is a link or not a folder. */
  private async foldersExist(segments: readonly string[]): Promise<boolean> {
    for (let depth = 1; depth <= segments.length; depth++) {
      const upTo = segments.slice(0, depth);
      const stats = await this.lstat(upTo);
      if (!stats) return false;
      await this.requireFolder(upTo.join('/'), stats);
    }
    return true;
  }

  private async requireFolder(relative: string, stats: Stats): Promise<void> {
    if (stats.isSymbolicLink()) throw new UserError(await this.linkProblem(relative));
    if (!stats.isDirectory()) throw new UserError(`${relative} is not a folder; Policywright expects a folder of that name in ${this.words.it}.`);
  }

  private async requireFile(relative: string, stats: Stats): Promise<void> {
    const refusal = await this.refusalOf(relative, stats);
    if (refusal) throw new UserError(refusal);
  }

  private async lstat(segments: readonly string[]): Promise<Stats | null> {
    const relative = segments.join('/');
    try {
      return await fs.lstat(this.pathOf(relative));
    } catch (error) {
      if (isAbsent(error)) return null;
      throw new UserError(describeFsFailure(this.nameOf(relative), error, 'read'));
    }
  }

  /** Reads the link itself, never what it points to, to say where it leads. */
  private async linkProblem(relative: string): Promise<string> {
    const full = this.pathOf(relative);
    const target = await fs.readlink(full).catch(() => null);
    const inside = target !== null && isInside(this.root, path.resolve(path.dirname(full), target));
    const where = inside ? `another place in ${this.words.it}` : `somewhere outside ${this.words.it}`;
    return `${relative} is a link to ${where}; Policywright does not follow links in ${this.words.kind}.`;
  }

  private nameOf(relative: string): string {
    return relative === '' ? this.root : relative;
  }
}

/**
 * Reads at most `limit` bytes of a regular file, opened without following a link or waiting on a pipe, and checks that
 * what was opened is what was inspected (`expected`), so nothing swapped in between is read.
 */
export async function readBounded(
  file: string,
  name: string,
  limit: number,
  expected: Stats | null,
  words: FolderWords = PROJECT_WORDS,
): Promise<{ text: string; stats: Stats }> {
  const { bytes, stats } = await readBoundedBytes(file, name, limit, expected, words);
  return { text: textOf(name, bytes), stats };
}

/** The text of a file's bytes as strict UTF-8, or one sentence naming the file and its first bad byte. */
export function textOf(name: string, bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    throw new UserError(
      `${name} is not UTF-8 text: the byte at offset ${error.offset} (line ${error.line}) is not part of a valid character; save it as UTF-8.`,
    );
  }
}

async function readBoundedBytes(
  file: string,
  name: string,
  limit: number,
  expected: Stats | null,
  words: FolderWords,
): Promise<{ bytes: Buffer; stats: Stats }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new UserError(`${name} is a link; Policywright does not follow links in ${words.kind}.`);
    }
    throw new UserError(describeFsFailure(name, error, 'read'));
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UserError(notAFile(name, stats, words));
    if (expected && (stats.ino !== expected.ino || stats.dev !== expected.dev)) {
      throw new UserError(`${name} changed while it was being read; try again.`);
    }
    if (stats.size > limit) throw new UserError(tooBig(name, stats.size, limit));
    const bytes = await readAtMost(handle, limit + 1, stats.size);
    // The file grew after the size was taken.
    if (bytes.length > limit) throw new UserError(tooBig(name, bytes.length, limit));
    return { bytes, stats };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(describeFsFailure(name, error, 'read'));
  } finally {
    // What was read is whole; a failure to close a handle only read from changes nothing.
    await handle.close().catch(() => undefined);
  }
}

/** A single file outside any project (the app's settings): a regular file, not a link, within `limit`; null if absent. */
export async function readRegularFile(file: string, limit: number): Promise<string | null> {
  const folder = new ConfinedFolder(path.dirname(file), { it: 'the settings folder', kind: "the app's settings folder" });
  return (await folder.readText(path.basename(file), limit))?.text ?? null;
}

async function readAtMost(handle: fs.FileHandle, cap: number, sizeHint: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.min(cap, sizeHint + 1));
  let total = 0;
  while (total < cap) {
    if (total === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2 + 4096));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buffer.subarray(0, total);
}

/**
 * The names along a path inside the folder. Callers build paths from checked ids, so a name that could leave the
 * folder is a bug, not a person's mistake.
 */
function segmentsOf(relative: string): string[] {
  if (relative === '') return [];
  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment) || path.isAbsolute(segment)) {
      throw new Error(`"${relative}" is not a path inside the folder`);
    }
  }
  return segments;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function notAFile(name: string, entry: Dirent | Stats, words: FolderWords): string {
  const what = entry.isFIFO()
    ? 'a named pipe'
    : entry.isCharacterDevice() || entry.isBlockDevice()
      ? 'a device'
      : entry.isSocket()
        ? 'a socket'
        : entry.isDirectory()
          ? 'a folder'
          : 'something other than a file';
  return `${name} is ${what}, not a file; Policywright reads only ordinary files in ${words.kind}.`;
}

function tooBig(name: string, size: number, limit: number): string {
  return `${name} is ${sizeText(size)}, over the ${sizeText(limit)} Policywright reads for such a file; it was not opened.`;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
