import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type SaveFs } from './atomic-write';

let dir: string;
let target: string;
const OLD = 'old contents\nline two\n';
const NEW = `new contents ${'x'.repeat(100_000)}\n`;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-atomic-'));
  target = path.join(dir, 'doc.policy.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Step = 'open' | 'writeFile' | 'sync' | 'close' | 'rename' | 'none';

/** The real file system, except that `step` fails while writing the temporary file (never the folder's sync). */
function failingAt(step: Step, error: Error, calls: string[] = []): SaveFs {
  const open = (async (file: string, flags: string, mode?: number) => {
    const forTemp = flags === 'wx';
    if (forTemp && step === 'open') throw error;
    const handle = await fs.open(file, flags, mode);
    if (!forTemp) return handle;
    return new Proxy(handle, {
      get(real, prop) {
        if (prop === 'writeFile') {
          return async (data: string | Uint8Array) => {
            calls.push('writeFile');
            if (step !== 'writeFile') return real.writeFile(data);
            // Fail half way, as a full disk would: part of the data is already in the temporary file.
            await real.writeFile(data.slice(0, Math.floor(data.length / 2)));
            throw error;
          };
        }
        if (prop === 'sync') {
          return async () => {
            calls.push('sync');
            if (step === 'sync') throw error;
            return real.sync();
          };
        }
        if (prop === 'close') {
          return async () => {
            calls.push('close');
            await real.close();
            if (step === 'close') throw error;
          };
        }
        const value: unknown = Reflect.get(real, prop, real);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
      },
    });
  }) as unknown as typeof fs.open;
  const rename = (async (from: string, to: string) => {
    calls.push('rename');
    if (step === 'rename') throw error;
    return fs.rename(from, to);
  }) as typeof fs.rename;
  return { open, rename, rm: fs.rm };
}

describe('writeFileAtomic', () => {
  it('creates a file that did not exist', async () => {
    await writeFileAtomic(target, NEW);
    expect(await fs.readFile(target, 'utf8')).toBe(NEW);
    expect(await fs.readdir(dir)).toEqual(['doc.policy.json']);
  });

  it('replaces an existing file in full and leaves no temporary file', async () => {
    await fs.writeFile(target, OLD);
    await writeFileAtomic(target, NEW);
    expect(await fs.readFile(target, 'utf8')).toBe(NEW);
    expect(await fs.readdir(dir)).toEqual(['doc.policy.json']);
  });

  it('writes bytes as given', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0xfe, 10]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await fs.readFile(target))).toEqual(bytes);
  });

  it('writes a shorter file over a longer one without leaving a tail', async () => {
    await fs.writeFile(target, NEW);
    await writeFileAtomic(target, 'short');
    expect(await fs.readFile(target, 'utf8')).toBe('short');
  });

  it('writes through the real steps in order: write, sync, close, rename', async () => {
    const calls: string[] = [];
    await writeFileAtomic(target, NEW, failingAt('none', new Error('unused'), calls));
    expect(calls).toEqual(['writeFile', 'sync', 'close', 'rename']);
    expect(await fs.readFile(target, 'utf8')).toBe(NEW);
  });

  it.each<Step>(['open', 'writeFile', 'sync', 'close', 'rename'])(
    'a failure at %s leaves the old file byte for byte, and no temporary file',
    async (step) => {
      await fs.writeFile(target, OLD);
      const before = await fs.readFile(target);
      const error = Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' });
      await expect(writeFileAtomic(target, NEW, failingAt(step, error))).rejects.toMatchObject({ cause: error });
      expect(Buffer.compare(await fs.readFile(target), before)).toBe(0);
      expect(await fs.readdir(dir)).toEqual(['doc.policy.json']);
    },
  );

  it.each<Step>(['open', 'writeFile', 'sync', 'close', 'rename'])('a failure at %s creates no file where there was none', async (step) => {
    await expect(writeFileAtomic(target, NEW, failingAt(step, new Error('injected')))).rejects.toMatchObject({ cause: new Error('injected') });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it.each<Step>(['writeFile', 'sync'])('closes the temporary file when %s fails', async (step) => {
    const calls: string[] = [];
    await expect(writeFileAtomic(target, NEW, failingAt(step, new Error('injected'), calls))).rejects.toMatchObject({ cause: new Error('injected') });
    expect(calls).toContain('close');
    expect(calls).not.toContain('rename');
  });

  it('does not retry a failed rename on this system, and still leaves the old file', async () => {
    await fs.writeFile(target, OLD);
    const calls: string[] = [];
    const busy = Object.assign(new Error('resource busy'), { code: process.platform === 'win32' ? 'ENOSPC' : 'EBUSY' });
    await expect(writeFileAtomic(target, NEW, failingAt('rename', busy, calls))).rejects.toMatchObject({ cause: busy });
    expect(calls.filter((c) => c === 'rename')).toHaveLength(1);
    expect(await fs.readFile(target, 'utf8')).toBe(OLD);
    expect(await fs.readdir(dir)).toEqual(['doc.policy.json']);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    const missing = path.join(dir, 'no-such-folder', 'x.json');
    await expect(writeFileAtomic(missing, NEW)).rejects.toMatchObject({ cause: { code: 'ENOENT' } });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('leaves one whole version when two saves race', async () => {
    await fs.writeFile(target, OLD);
    const a = `A${'a'.repeat(50_000)}`;
    const b = `B${'b'.repeat(70_000)}`;
    await Promise.all([writeFileAtomic(target, a), writeFileAtomic(target, b)]);
    expect([a, b]).toContain(await fs.readFile(target, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['doc.policy.json']);
  });
});
