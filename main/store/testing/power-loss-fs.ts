import * as path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import type { DiskIo } from '../durable-git-fs';
import { seeded } from '../../../shared/testing/seeded-random';

/**
 * An in-memory file system that models what a power cut does to the page cache, as SQLite's crash tests and LazyFS
 * do. File data not yet fsynced, and folder changes (creates, renames, deletions) not yet made durable by an fsync of
 * their folder, may each be lost at the cut: a file's unsynced data is dropped, kept or garbled (truncated, zeroed or
 * emptied); a folder keeps its changes only up to some point in the order they were made (a rename is one change, as
 * journaling file systems make it). `cut()` stops every later call; `afterPowerCut(random)` is the disk a reboot finds.
 */

interface FileNode {
  kind: 'file';
  data: Buffer;
  durable: Buffer;
  ino: number;
  mtimeMs: number;
}

interface DirNode {
  kind: 'dir';
  entries: Map<string, Node>;
  durable: Map<string, Node>;
  /** Changes since the folder was last fsynced, oldest first; each is applied whole or not at all. */
  pending: Array<Array<[string, Node | null]>>;
  ino: number;
  mtimeMs: number;
}

type Node = FileNode | DirNode;

/** Shared by every instance, so a file's (size, time, inode) stamp never repeats: caches keyed by it stay honest. */
let clock = 0;
const tick = () => ++clock;

export class PowerCut extends Error {
  constructor() {
    super('power cut');
  }
}

function fail(code: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

function newDir(): DirNode {
  return { kind: 'dir', entries: new Map(), durable: new Map(), pending: [], ino: tick(), mtimeMs: tick() };
}

export class PowerLossFs {
  private root: DirNode = newDir();
  private dead = false;
  /** Mutating calls made so far; `cutAt` cuts the power at that one (before it takes effect). */
  mutations = 0;
  cutAt = Infinity;

  /** A fresh disk holding `files` (path → contents) durably. */
  static withFiles(files: Record<string, string | Uint8Array>): PowerLossFs {
    const disk = new PowerLossFs();
    for (const [file, contents] of Object.entries(files)) {
      let dir = disk.root;
      const parts = file.split('/').filter(Boolean);
      for (const part of parts.slice(0, -1)) {
        let next = dir.entries.get(part);
        if (!next) {
          next = newDir();
          dir.entries.set(part, next);
          dir.durable.set(part, next);
        }
        dir = next as DirNode;
      }
      const data = Buffer.from(contents);
      const node: FileNode = { kind: 'file', data, durable: data, ino: tick(), mtimeMs: tick() };
      dir.entries.set(parts.at(-1) as string, node);
      dir.durable.set(parts.at(-1) as string, node);
    }
    return disk;
  }

  cut(): void {
    this.dead = true;
  }

  /** A copy of the disk with everything on it durable, as after a clean shutdown. */
  settled(): PowerLossFs {
    return this.afterPowerCut(null);
  }

  /** The disk as a reboot would find it after a cut now. Every choice comes from `random` (seeded by the caller). */
  afterPowerCut(random: (() => number) | null): PowerLossFs {
    const copies = new Map<Node, Node>();
    const survive = (node: Node): Node => {
      const done = copies.get(node);
      if (done) return done;
      if (node.kind === 'file') {
        const data = random === null || node.data.equals(node.durable) ? node.data : survivingData(node, random);
        const copy: FileNode = { kind: 'file', data, durable: data, ino: tick(), mtimeMs: tick() };
        copies.set(node, copy);
        return copy;
      }
      const copy = newDir();
      copies.set(node, copy);
      const kept = new Map(node.durable);
      const applied = random === null ? node.pending.length : Math.floor(random() * (node.pending.length + 1));
      for (const change of node.pending.slice(0, applied)) {
        for (const [name, target] of change) {
          if (target) kept.set(name, target);
          else kept.delete(name);
        }
      }
      for (const [name, child] of kept) copy.entries.set(name, survive(child));
      copy.durable = new Map(copy.entries);
      return copy;
    };
    const disk = new PowerLossFs();
    disk.root = survive(this.root) as DirNode;
    return disk;
  }

  /** Every file, by path, with its current contents (for checks). */
  files(): Map<string, Buffer> {
    const found = new Map<string, Buffer>();
    const walk = (dir: DirNode, at: string) => {
      for (const [name, node] of dir.entries) {
        if (node.kind === 'file') found.set(`${at}/${name}`, node.data);
        else walk(node, `${at}/${name}`);
      }
    };
    walk(this.root, '');
    return found;
  }

  private mutate(): void {
    if (this.dead) throw new PowerCut();
    this.mutations++;
    if (this.mutations >= this.cutAt) {
      this.dead = true;
      throw new PowerCut();
    }
  }

  private alive(): void {
    if (this.dead) throw new PowerCut();
  }

  private lookup(file: string): Node | null {
    let node: Node = this.root;
    for (const part of path.posix.resolve(file).split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw fail('ENOTDIR', file);
      const next = node.entries.get(part);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  private parentOf(file: string): { dir: DirNode; name: string } {
    const resolved = path.posix.resolve(file);
    const dir = this.lookup(path.posix.dirname(resolved));
    if (!dir) throw fail('ENOENT', file);
    if (dir.kind !== 'dir') throw fail('ENOTDIR', file);
    return { dir, name: path.posix.basename(resolved) };
  }

  private change(dir: DirNode, changes: Array<[DirNode, string, Node | null]>): void {
    const byDir = new Map<DirNode, Array<[string, Node | null]>>();
    for (const [at, name, node] of changes) {
      if (node) at.entries.set(name, node);
      else at.entries.delete(name);
      at.mtimeMs = tick();
      byDir.set(at, [...(byDir.get(at) ?? []), [name, node]]);
    }
    void dir;
    for (const [at, list] of byDir) at.pending.push(list);
  }

  private get(file: string): Node {
    const node = this.lookup(file);
    if (!node) throw fail('ENOENT', file);
    return node;
  }

  /** The DiskIo (and SaveFs) the code under test is handed. */
  readonly io: DiskIo = {
    open: (async (file: string, flags: string) => {
      if (flags === 'r') {
        this.alive();
        const node = this.get(file);
        return this.handle(node) as unknown as FileHandle;
      }
      this.mutate();
      const { dir, name } = this.parentOf(file);
      const existing = dir.entries.get(name);
      if (existing && flags.includes('x')) throw fail('EEXIST', file);
      if (existing?.kind === 'dir') throw fail('EISDIR', file);
      let node = existing as FileNode | undefined;
      if (!node) {
        node = { kind: 'file', data: Buffer.alloc(0), durable: Buffer.alloc(0), ino: tick(), mtimeMs: tick() };
        this.change(dir, [[dir, name, node]]);
      } else if (flags.startsWith('w')) {
        node.data = Buffer.alloc(0);
        node.mtimeMs = tick();
      }
      return this.handle(node) as unknown as FileHandle;
    }) as DiskIo['open'],
    rename: async (from, to) => {
      this.mutate();
      const source = this.parentOf(String(from));
      const target = this.parentOf(String(to));
      const node = source.dir.entries.get(source.name);
      if (!node) throw fail('ENOENT', String(from));
      if (target.dir.entries.get(target.name)?.kind === 'dir') throw fail('EISDIR', String(to));
      this.change(target.dir, [
        [target.dir, target.name, node],
        [source.dir, source.name, null],
      ].filter(([, name], i) => i === 0 || source.dir !== target.dir || name !== target.name) as Array<[DirNode, string, Node | null]>);
    },
    rm: async (file, options) => {
      this.mutate();
      const { dir, name } = this.parentOf(String(file));
      if (!dir.entries.has(name)) {
        if ((options as { force?: boolean } | undefined)?.force) return;
        throw fail('ENOENT', String(file));
      }
      this.change(dir, [[dir, name, null]]);
    },
    readFile: (async (file: string, options?: unknown) => {
      this.alive();
      const node = this.get(String(file));
      if (node.kind === 'dir') throw fail('EISDIR', String(file));
      const encoding = typeof options === 'string' ? options : (options as { encoding?: string } | undefined)?.encoding;
      return encoding ? node.data.toString(encoding as BufferEncoding) : Buffer.from(node.data);
    }) as DiskIo['readFile'],
    stat: (async (file: string) => {
      this.alive();
      return statsOf(this.get(String(file)));
    }) as DiskIo['stat'],
    lstat: (async (file: string) => {
      this.alive();
      return statsOf(this.get(String(file)));
    }) as DiskIo['lstat'],
    readdir: async (dir) => {
      this.alive();
      const node = this.get(dir);
      if (node.kind !== 'dir') throw fail('ENOTDIR', dir);
      return [...node.entries.keys()].sort();
    },
    readlink: (async (file: string) => {
      this.alive();
      throw fail('EINVAL', String(file));
    }) as DiskIo['readlink'],
    symlink: async (_target, file) => {
      this.mutate();
      throw fail('EPERM', String(file));
    },
    mkdir: async (dir) => {
      this.mutate();
      const parent = this.parentOf(dir);
      if (parent.dir.entries.has(parent.name)) throw fail('EEXIST', dir);
      this.change(parent.dir, [[parent.dir, parent.name, newDir()]]);
    },
    unlink: async (file) => {
      this.mutate();
      const { dir, name } = this.parentOf(String(file));
      const node = dir.entries.get(name);
      if (!node) throw fail('ENOENT', String(file));
      if (node.kind === 'dir') throw fail('EISDIR', String(file));
      this.change(dir, [[dir, name, null]]);
    },
    rmdir: async (dir) => {
      this.mutate();
      const parent = this.parentOf(dir);
      const node = parent.dir.entries.get(parent.name);
      if (!node) throw fail('ENOENT', dir);
      if (node.kind !== 'dir') throw fail('ENOTDIR', dir);
      if (node.entries.size > 0) throw fail('ENOTEMPTY', dir);
      this.change(parent.dir, [[parent.dir, parent.name, null]]);
    },
    chmod: async () => {
      this.mutate();
    },
  };

  private handle(node: Node) {
    return {
      writeFile: async (data: string | Uint8Array) => {
        this.mutate();
        if (node.kind !== 'file') throw fail('EISDIR', 'handle');
        node.data = Buffer.concat([node.data, Buffer.from(data)]);
        node.mtimeMs = tick();
      },
      sync: async () => {
        this.mutate();
        if (node.kind === 'file') node.durable = node.data;
        else {
          node.durable = new Map(node.entries);
          node.pending = [];
        }
      },
      close: async () => undefined,
    };
  }
}

/** What a file that was not fsynced holds after the cut: the old data, the new, or a garbled mix. */
function survivingData(node: FileNode, random: () => number): Buffer {
  const choice = random();
  if (choice < 0.25) return node.durable;
  if (choice < 0.5) return node.data;
  if (choice < 0.65) return Buffer.alloc(0);
  if (choice < 0.8) return node.data.subarray(0, Math.floor(random() * node.data.length));
  const garbled = Buffer.from(node.data);
  const start = Math.floor(random() * garbled.length);
  garbled.fill(0, start, Math.min(garbled.length, start + 1 + Math.floor(random() * 4096)));
  return garbled;
}

function statsOf(node: Node) {
  const isFile = node.kind === 'file';
  const size = isFile ? node.data.length : 4096;
  return {
    isFile: () => isFile,
    isDirectory: () => !isFile,
    isSymbolicLink: () => false,
    size,
    mode: isFile ? 0o100644 : 0o40755,
    ino: node.ino,
    dev: 1,
    uid: 0,
    gid: 0,
    mtimeMs: node.mtimeMs,
    ctimeMs: node.mtimeMs,
    mtime: new Date(node.mtimeMs),
    ctime: new Date(node.mtimeMs),
  };
}

export { seeded };
