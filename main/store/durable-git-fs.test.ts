import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableGitFs, nodeDiskIo, type DiskIo } from './durable-git-fs';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-durable-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The real file system, recording each call that changes the disk or makes it durable. */
function recording(calls: string[]): DiskIo {
  const name = (file: unknown) => path.relative(dir, String(file)).replace(/[0-9a-f]{12}/, 'X') || '.';
  return {
    ...nodeDiskIo,
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await nodeDiskIo.open(file, flags, mode);
      calls.push(`open ${name(file)} ${flags}`);
      return {
        writeFile: async (data: string | Uint8Array) => {
          calls.push(`write ${name(file)}`);
          await handle.writeFile(data);
        },
        sync: async () => {
          calls.push(`fsync ${name(file)}`);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    }) as DiskIo['open'],
    rename: async (from, to) => {
      calls.push(`rename ${name(from)} ${name(to)}`);
      await nodeDiskIo.rename(from, to);
    },
    mkdir: async (folder) => {
      calls.push(`mkdir ${name(folder)}`);
      return nodeDiskIo.mkdir(folder);
    },
  };
}

function looseObject(content: string): { oid: string; bytes: Buffer } {
  const raw = Buffer.concat([Buffer.from(`blob ${Buffer.byteLength(content)}\0`), Buffer.from(content)]);
  return { oid: createHash('sha1').update(raw).digest('hex'), bytes: deflateSync(raw) };
}

describe('durableGitFs', () => {
  it('writes through a temporary file: write, fsync, rename, fsync of the folder; a new folder is fsynced into its parent', async () => {
    const calls: string[] = [];
    const { promises } = durableGitFs(recording(calls));
    await promises.mkdir(path.join(dir, 'refs'));
    await promises.writeFile(path.join(dir, 'refs', 'main'), 'abc\n', 'utf8');
    expect(calls).toEqual([
      'mkdir refs',
      'open . r',
      'fsync .',
      'open refs/.main.X.tmp wx',
      'write refs/.main.X.tmp',
      'fsync refs/.main.X.tmp',
      'rename refs/.main.X.tmp refs/main',
      'open refs r',
      'fsync refs',
    ]);
    expect(await fs.readFile(path.join(dir, 'refs', 'main'), 'utf8')).toBe('abc\n');
    expect(await fs.readdir(path.join(dir, 'refs'))).toEqual(['main']);
  });

  it('takes an empty or garbled loose object for absent, and a whole one for present', async () => {
    const { promises } = durableGitFs();
    const { oid, bytes } = looseObject('hello');
    const file = path.join(dir, 'objects', oid.slice(0, 2), oid.slice(2));
    await fs.mkdir(path.dirname(file), { recursive: true });
    for (const damaged of [Buffer.alloc(0), bytes.subarray(0, 5), Buffer.from('garbage')]) {
      await fs.writeFile(file, damaged);
      await expect(promises.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    }
    await fs.writeFile(file, bytes);
    expect((await promises.stat(file) as { isFile(): boolean }).isFile()).toBe(true);
    // Whole bytes under another object's name are damaged too.
    const other = path.join(dir, 'objects', oid.slice(0, 2), `${oid.slice(2, -1)}${oid.endsWith('0') ? '1' : '0'}`);
    await fs.writeFile(other, bytes);
    await expect(promises.stat(other)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('hides leftover temporary files from git', async () => {
    const { promises } = durableGitFs();
    for (const name of ['main', '.main.0123456789ab.tmp', 'tmp_obj_abcdef']) await fs.writeFile(path.join(dir, name), 'x');
    expect(await promises.readdir(dir)).toEqual(['main']);
  });
});
