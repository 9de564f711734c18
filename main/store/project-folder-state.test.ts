import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { Project, blankDocument } from './project';
import { removeLeftoverTemporaryFiles } from './project-folder-state';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-folder-state-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('what a project folder holds when it opens', () => {
  it('removes the temporary files of saves a crash interrupted, but not a save in flight nor anything else', async () => {
    const dir = path.join(tmp, 'p');
    await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
    const old = new Date(Date.now() - 5 * 60_000);
    const leftovers = [path.join(dir, 'documents', '.privacy-policy.policy.json.0123456789ab.tmp'), path.join(dir, '.policywright.json.abcdefabcdef.tmp')];
    const inFlight = path.join(dir, 'documents', '.privacy-policy.policy.json.ffffffffffff.tmp');
    const mine = [path.join(dir, 'documents', '.notes.tmp'), path.join(dir, 'documents', 'draft.0123456789ab.tmp')];
    for (const file of [...leftovers, ...mine, inFlight]) await fs.writeFile(file, 'x');
    for (const file of [...leftovers, ...mine]) await fs.utimes(file, old, old);

    await Project.open(dir);
    for (const file of leftovers) expect(await fs.stat(file).catch(() => null)).toBeNull();
    for (const file of [...mine, inFlight]) expect(await fs.readFile(file, 'utf8')).toBe('x');
    expect(await removeLeftoverTemporaryFiles(dir)).toBe(0);
  });

  it('copies the project’s own files, and only those, into a new folder and opens the copy', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
    await fs.mkdir(path.join(dir, 'clauses'));
    await fs.writeFile(path.join(dir, 'clauses', 'retention.clause.json'), '{"kept": true}');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not the project’s');
    await fs.writeFile(path.join(dir, 'documents', 'stray.policy.json'), 'unlisted');
    const copy = await project.copyTo(path.join(tmp, 'copy'));
    expect(copy.readOnly).toBeNull();
    expect((await copy.info()).documents).toEqual([{ id: 'privacy-policy', title: 'Privacy Policy' }]);
    expect(await fs.readFile(path.join(copy.dir, 'documents', 'privacy-policy.policy.json'), 'utf8')).toBe(serializeDocument(await project.loadDocument('privacy-policy')));
    expect(await fs.readFile(path.join(copy.dir, 'clauses', 'retention.clause.json'), 'utf8')).toBe('{"kept": true}');
    expect((await fs.readdir(copy.dir)).sort()).toEqual(['clauses', 'documents', 'policywright.json']);
    expect(await fs.readdir(path.join(copy.dir, 'documents'))).toEqual(['privacy-policy.policy.json']);
  });

  it('refuses to copy into a folder that is not empty, in one sentence, and writes nothing there', async () => {
    const project = await Project.create(path.join(tmp, 'p'), 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
    const target = path.join(tmp, 'full');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'mine.txt'), 'mine');
    await expect(project.copyTo(target)).rejects.toThrow(`Cannot copy the project into ${target}: the folder is not empty. Choose an empty or new folder.`);
    expect(await fs.readdir(target)).toEqual(['mine.txt']);
  });
});
