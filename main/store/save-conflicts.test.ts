import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../shared/model/document';
import { serializeDocument } from '../../shared/format/serialize';
import { UserError } from './errors';
import { Project, blankDocument } from './project';

let tmp: string;
let dir: string;
let file: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-conflicts-'));
  dir = path.join(tmp, 'p');
  file = path.join(dir, 'documents', 'privacy-policy.policy.json');
  await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function titled(title: string): PolicyDocument {
  return { ...blankDocument(title), blocks: [{ kind: 'paragraph', runs: [{ text: title }] }] };
}

async function failureOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('a save names the file it was based on', () => {
  it('saves over the file it read, and the next save is based on what it wrote', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    const first = await project.saveDocument('privacy-policy', titled('One'), stamp);
    expect(first.stamp).not.toBe(stamp);
    const second = await project.saveDocument('privacy-policy', titled('Two'), first.stamp);
    expect((await Project.open(dir).then((p) => p.readDocument('privacy-policy'))).stamp).toBe(second.stamp);
    expect(await fs.readFile(file, 'utf8')).toBe(serializeDocument(titled('Two')));
  });

  it('refuses to overwrite a change made outside (another program, a git pull) and leaves it byte for byte', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    const theirs = serializeDocument(titled('Changed by a colleague'));
    await fs.writeFile(file, theirs);
    const error = await failureOf(project.saveDocument('privacy-policy', titled('Mine'), stamp));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('documents/privacy-policy.policy.json was changed outside this window since it was opened here, so it was not saved over.');
    expect(await fs.readFile(file, 'utf8')).toBe(theirs);
  });

  it('sees a change that keeps the size and the modification time (an older file checked out again)', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    const before = await fs.stat(file);
    const same = (await fs.readFile(file, 'utf8')).replace('Introduction', 'Introductio!');
    await fs.writeFile(file, same);
    await fs.utimes(file, before.atime, before.mtime);
    expect((await project.checkDocument('privacy-policy', stamp)).state).toBe('changed');
    expect((await failureOf(project.saveDocument('privacy-policy', titled('Mine'), stamp))).code).toBe('conflict');
    expect(await fs.readFile(file, 'utf8')).toBe(same);
  });

  it('does not write a document deleted outside back to life unless told to (base null)', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    await fs.rm(file);
    expect(await project.checkDocument('privacy-policy', stamp)).toEqual({ state: 'missing', stamp: null });
    const error = await failureOf(project.saveDocument('privacy-policy', titled('Mine'), stamp));
    expect(error.code).toBe('missing');
    expect(await fs.stat(file).catch(() => null)).toBeNull();
    const saved = await project.saveDocument('privacy-policy', titled('Mine'), null);
    expect((await project.checkDocument('privacy-policy', saved.stamp)).state).toBe('unchanged');
  });

  it('lets only one of two windows that read the same file save over it; the other is told', async () => {
    const [a, b] = [await Project.open(dir), await Project.open(dir)];
    const { stamp } = await a.readDocument('privacy-policy');
    const results = await Promise.allSettled([a.saveDocument('privacy-policy', titled('A'), stamp), b.saveDocument('privacy-policy', titled('B'), stamp)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((refused?.reason as UserError).code).toBe('conflict');
    const winner = results[0]?.status === 'fulfilled' ? 'A' : 'B';
    expect(await fs.readFile(file, 'utf8')).toBe(serializeDocument(titled(winner)));
  });

  it('says what a check sees: unchanged, changed with the new stamp, missing', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    expect(await project.checkDocument('privacy-policy', stamp)).toEqual({ state: 'unchanged', stamp });
    await fs.writeFile(file, serializeDocument(titled('Outside')));
    const check = await project.checkDocument('privacy-policy', stamp);
    expect(check.state).toBe('changed');
    expect(check.stamp).toBe((await project.readDocument('privacy-policy')).stamp);
    await fs.rm(dir, { recursive: true });
    expect((await project.checkDocument('privacy-policy', stamp)).state).toBe('missing');
  });

  it('names the file and the cause in one sentence when the folder is gone, and keeps no temporary file', async () => {
    const project = await Project.open(dir);
    const { stamp } = await project.readDocument('privacy-policy');
    await fs.rm(dir, { recursive: true });
    const error = await failureOf(project.saveDocument('privacy-policy', titled('Mine'), stamp));
    expect(error.code).toBe('missing');
    expect(error.message).not.toMatch(/ENOENT|\.tmp|errno/);
  });
});
