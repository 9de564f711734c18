import type { FileHandle } from 'node:fs/promises';
import { nodeDiskIo, type DiskIo } from '../durable-git-fs';

/**
 * What to do at the k-th mutating step (1-based): fail it with an errno (and, when `lasting`, every mutating step
 * after it, as a disk that stays full or read-only), or "crash" there and never run again.
 */
export type Fault = { step: number; code: string; lasting?: boolean } | { step: number; crash: true };

/** Thrown for a simulated crash: the process is gone, so every later call fails too. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

export interface FaultyIo {
  io: DiskIo;
  /** Mutating steps seen so far: open for writing, write, fsync, rename, mkdir, unlink, rmdir. */
  steps: () => number;
  /** Whether the planned fault was injected. */
  injected: () => boolean;
}

/**
 * The real file system with one fault planned at a mutating step. A failed or crashed write leaves half its data
 * behind, as a full disk or a killed process would.
 */
export function faultyIo(fault: Fault | null, base: DiskIo = nodeDiskIo): FaultyIo {
  let count = 0;
  let dead = false;
  let hit = false;
  const step = async () => {
    if (dead) throw new SimulatedCrash();
    count++;
    const lasting = fault && 'code' in fault && fault.lasting && count > fault.step;
    if (!fault || (count !== fault.step && !lasting)) return null;
    hit = true;
    if ('crash' in fault) {
      dead = true;
      return new SimulatedCrash();
    }
    return Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
  };
  const alive = () => {
    if (dead) throw new SimulatedCrash();
  };
  const mutating =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const error = await step();
      if (error) throw error;
      return call(...args);
    };
  const reading =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      alive();
      return call(...args);
    };

  const open = (async (file: string, flags: string, mode?: number) => {
    const forWriting = flags !== 'r';
    if (forWriting) {
      const error = await step();
      if (error) throw error;
    } else alive();
    const handle = await base.open(file, flags, mode);
    const wrapped = {
      writeFile: async (data: string | Uint8Array) => {
        const error = await step();
        if (!error) return handle.writeFile(data);
        await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1));
        throw error;
      },
      sync: async () => {
        const error = await step();
        if (error) throw error;
        return handle.sync();
      },
      close: () => handle.close(),
    };
    return wrapped as unknown as FileHandle;
  }) as DiskIo['open'];

  const io: DiskIo = {
    open,
    rename: mutating(base.rename),
    rm: mutating(base.rm),
    readFile: reading(base.readFile) as DiskIo['readFile'],
    stat: reading(base.stat) as DiskIo['stat'],
    lstat: reading(base.lstat) as DiskIo['lstat'],
    readdir: reading(base.readdir),
    readlink: reading(base.readlink) as DiskIo['readlink'],
    symlink: mutating(base.symlink),
    mkdir: mutating(base.mkdir),
    unlink: mutating(base.unlink),
    rmdir: mutating(base.rmdir),
    chmod: mutating(base.chmod),
  };
  return { io, steps: () => count, injected: () => hit };
}
