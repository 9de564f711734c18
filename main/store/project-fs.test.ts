import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../shared/testing/error-of';
import { UserError } from './errors';
import { ConfinedFolder, readBounded } from './project-fs';
import { fifoInstead, hasMkfifo } from './hostile-projects';
import { RecentProjects } from './recent';
import { AppSettings } from './settings';

let tmp: string;
let root: string;
let outside: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-project-fs-'));
  root = path.join(tmp, 'project');
  outside = path.join(tmp, 'outside');
  await fs.mkdir(path.join(root, 'documents'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'secret.txt'), 'secret');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('ConfinedFolder reads', () => {
  it('reads a regular file within its limit, drops a byte-order mark, and says null for what is absent', async () => {
    await fs.writeFile(path.join(root, 'documents', 'a.txt'), '\ufeffhello');
    const folder = new ConfinedFolder(root);
    expect((await folder.readText('documents/a.txt', 100))?.text).toBe('hello');
    expect(await folder.readText('documents/none.txt', 100)).toBeNull();
    expect(await folder.readText('nowhere/none.txt', 100)).toBeNull();
  });

  it('reads a file of exactly the limit and refuses one byte more, naming the file and both sizes', async () => {
    const folder = new ConfinedFolder(root);
    await fs.writeFile(path.join(root, 'a.json'), 'x'.repeat(2048));
    expect((await folder.readText('a.json', 2048))?.text).toHaveLength(2048);
    const error = await errorOf(folder.readText('a.json', 2047));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('a.json is 2 KiB, over the 2 KiB Policywright reads for such a file; it was not opened.');
  });

  it('refuses a path that could leave the folder, as a programming error', () => {
    const folder = new ConfinedFolder(root);
    for (const bad of ['../outside/secret.txt', 'documents/../../x', '/etc/passwd', 'a//b', 'a\\..\\b']) {
      expect(() => folder.pathOf(bad), bad).toThrow(/is not a path inside the folder/);
    }
  });

  it.skipIf(!posix)('names a link and never reads what it points to', async () => {
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'documents', 'a.txt'));
    const error = await errorOf(new ConfinedFolder(root).readText('documents/a.txt', 100));
    expect(error.message).toBe('documents/a.txt is a link to somewhere outside the project; Policywright does not follow links in a project folder.');
  });

  it.skipIf(!posix)('opens without following a link even when it was not there when inspected (O_NOFOLLOW)', async () => {
    const file = path.join(root, 'a.txt');
    await fs.symlink(path.join(outside, 'secret.txt'), file);
    const error = await errorOf(readBounded(file, 'a.txt', 100, null));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('a.txt is a link; Policywright does not follow links in a project folder.');
  });

  it.skipIf(!hasMkfifo)('opens a named pipe without waiting for a writer (O_NONBLOCK), and refuses it (needs mkfifo)', async () => {
    const file = path.join(root, 'pipe.json');
    await fifoInstead(file);
    // No lstat first: the open itself must not block, as it would if the pipe were swapped in after the check.
    const error = await errorOf(readBounded(file, 'pipe.json', 100, null));
    expect(error.message).toBe('pipe.json is a named pipe, not a file; Policywright reads only ordinary files in a project folder.');
  });

  it('refuses a file that is not the one inspected (swapped in between)', async () => {
    await fs.writeFile(path.join(root, 'a.txt'), 'a');
    await fs.writeFile(path.join(root, 'b.txt'), 'b');
    const other = await fs.lstat(path.join(root, 'b.txt'));
    const error = await errorOf(readBounded(path.join(root, 'a.txt'), 'a.txt', 100, other));
    expect(error.message).toBe('a.txt changed while it was being read; try again.');
  });

  it('names a file that is not UTF-8 with the offset and line of its first bad byte', async () => {
    await fs.writeFile(path.join(root, 'a.json'), Buffer.from('{\n"name": "Soci\u00e9t\u00e9"}', 'latin1'));
    const error = await errorOf(new ConfinedFolder(root).readText('a.json', 100));
    expect(error.message).toBe('a.json is not UTF-8 text: the byte at offset 15 (line 2) is not part of a valid character; save it as UTF-8.');
  });
});

describe('ConfinedFolder writes', () => {
  it('makes missing folders one at a time and writes a regular file in them', async () => {
    const folder = new ConfinedFolder(root);
    await folder.write('clauses/new.clause.json', '{}');
    expect(await fs.readFile(path.join(root, 'clauses', 'new.clause.json'), 'utf8')).toBe('{}');
    expect((await fs.lstat(path.join(root, 'clauses'))).isDirectory()).toBe(true);
  });

  it.skipIf(!posix)('never writes through a linked folder or over a linked file, and leaves the outside as it was', async () => {
    const folder = new ConfinedFolder(root);
    await fs.rm(path.join(root, 'documents'), { recursive: true });
    await fs.symlink(outside, path.join(root, 'documents'));
    const throughFolder = await errorOf(folder.write('documents/secret.txt', 'overwritten'));
    expect(throughFolder.message).toBe('documents is a link to somewhere outside the project; Policywright does not follow links in a project folder.');
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'variables.json'));
    const overLink = await errorOf(folder.write('variables.json', 'overwritten'));
    expect(overLink.message).toMatch(/^variables\.json is a link/);
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    expect(await fs.readdir(outside)).toEqual(['secret.txt']);
    expect((await fs.lstat(path.join(root, 'variables.json'))).isSymbolicLink()).toBe(true);
  });

  it('names a failed write in one sentence, without the system error code', async () => {
    const folder = new ConfinedFolder(root);
    await fs.mkdir(path.join(root, 'documents', 'a.txt'));
    const error = await errorOf(folder.write('documents/a.txt', 'x'));
    expect(error.message).toBe('documents/a.txt is a folder, not a file; Policywright reads only ordinary files in a project folder.');
    expect(error.message).not.toMatch(/E[A-Z]{3,}/);
  });
});

describe("the app's own settings files", () => {
  it.skipIf(!posix)('are not read through a link, and a save replaces the link rather than write through it', async () => {
    const home = path.join(tmp, 'home');
    await fs.mkdir(home);
    const elsewhere = path.join(outside, 'recent.json');
    const list = `${JSON.stringify({ projects: [{ name: 'Elsewhere', path: '/elsewhere', openedAt: '2026-01-01T00:00:00.000Z' }] })}\n`;
    await fs.writeFile(elsewhere, list);
    await fs.symlink(elsewhere, path.join(home, 'recent-projects.json'));
    const recent = RecentProjects.in(home);
    expect(await recent.list()).toEqual([]);
    await recent.remember({ name: 'Mine', path: '/mine' });
    expect(await fs.readFile(elsewhere, 'utf8')).toBe(list);
    expect((await fs.lstat(path.join(home, 'recent-projects.json'))).isFile()).toBe(true);
    expect((await recent.list()).map((p) => p.name)).toEqual(['Mine']);
  });

  it.skipIf(!hasMkfifo)('do not hang on a named pipe: the settings read as empty (needs mkfifo)', async () => {
    const home = path.join(tmp, 'home');
    await fs.mkdir(home);
    await fifoInstead(path.join(home, 'settings.json'));
    await fifoInstead(path.join(home, 'recent-projects.json'));
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: null, identity: null });
    expect(await RecentProjects.in(home).list()).toEqual([]);
  });

  it('do not read a settings file over 1 MiB', async () => {
    const home = path.join(tmp, 'home');
    await fs.mkdir(home);
    await fs.writeFile(path.join(home, 'settings.json'), `{"teamLibrary": "/team", "pad": "${'x'.repeat(1024 * 1024)}"}`);
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: null, identity: null });
    await fs.writeFile(path.join(home, 'settings.json'), '{"teamLibrary": "/team"}');
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: '/team', identity: null });
  });
});
