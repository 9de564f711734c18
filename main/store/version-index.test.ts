import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectHistory } from './history';
import { Project } from './project';
import { privacyPolicyWith } from '../../shared/testing/builders';

/** The version index: a listing after the first opens no git object of a version listed before. */

let tmp: string;
let dir: string;
let project: Project;

const INDEX = () => path.join(dir, '.git', 'policywright', 'versions.json');
const save = (name: string) => ProjectHistory.for(dir).saveVersion({ name, note: '', kind: 'editorial', author: 'Dana' });
const names = (versions: { name: string }[]) => versions.map((v) => v.name);

async function edit(text: string): Promise<void> {
  await project.saveDocument('privacy-policy', privacyPolicyWith(text), (await project.readDocument('privacy-policy')).stamp);
}

/** Damages the commit object a version's tag points at, as a failing disk would: the version no longer reads back. */
async function loseCommitOf(commit: string): Promise<void> {
  await fs.writeFile(path.join(dir, '.git', 'objects', commit.slice(0, 2), commit.slice(2)), 'garbage');
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-version-index-'));
  dir = path.join(tmp, 'acme');
  project = await Project.create(dir, 'Acme', [{ id: 'privacy-policy', doc: privacyPolicyWith('First wording.') }]);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the version index', () => {
  it('lists versions read before without opening their objects, and a deep listing still finds one damaged', async () => {
    const v1 = await save('v1');
    await edit('Second wording.');
    await save('v2');
    expect(names(await ProjectHistory.for(dir).listVersions())).toEqual(['v2', 'v1']);
    expect(JSON.parse(await fs.readFile(INDEX(), 'utf8')).entries).toBeTypeOf('object');

    await loseCommitOf(v1.commit);
    // The quick listing answers from the index; the deep one reads every object and names the damaged version.
    expect(names(await ProjectHistory.for(dir).listVersions())).toEqual(['v2', 'v1']);
    const deep = await ProjectHistory.for(dir).listVersionsWithProblems();
    expect(names(deep.versions)).toEqual(['v2']);
    expect(deep.problems[0]).toMatch(/"v1".*damaged/);
    // Found damaged once, it stays out of the quick listing too.
    expect(names(await ProjectHistory.for(dir).listVersions())).toEqual(['v2']);
  });

  it('reads every version in full where the index is missing or cut short', async () => {
    const v1 = await save('v1');
    await edit('Second wording.');
    await save('v2');
    await ProjectHistory.for(dir).listVersions();
    await fs.writeFile(INDEX(), '{"format":1,"entr');
    await loseCommitOf(v1.commit);
    expect(names(await ProjectHistory.for(dir).listVersions())).toEqual(['v2']);
  });

  it('reads again from git an entry whose fields are not what a version holds (the index came with the folder)', async () => {
    await save('v0');
    await ProjectHistory.for(dir).listVersions();
    const data = JSON.parse(await fs.readFile(INDEX(), 'utf8')) as { entries: Record<string, { version: Record<string, unknown> }> };
    const [entry] = Object.values(data.entries);
    if (!entry) throw new Error('the listing wrote no index entry');
    Object.assign(entry.version, { note: { evil: 1 }, author: ['x'], kind: 'ceremonial', commit: 'HEAD' });
    await fs.writeFile(INDEX(), JSON.stringify(data));
    const [listed] = await ProjectHistory.for(dir).listVersions();
    expect(listed).toMatchObject({ name: 'v0', note: '', author: 'Dana', kind: 'editorial' });
    expect(listed?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('finds a version by its name without reading the others', async () => {
    const v1 = await save('v1');
    await edit('Second wording.');
    await save('v2');
    await loseCommitOf(v1.commit);
    // No listing: v1's lost commit is never opened on the way to v2.
    expect((await ProjectHistory.for(dir).findVersion('V2')).name).toBe('v2');
    await expect(ProjectHistory.for(dir).findVersion('v1')).rejects.toThrow(/"v1" .* is damaged/);
  });

  it('forgets a tag that is gone', async () => {
    await save('v1');
    await edit('Second wording.');
    await save('v2');
    await ProjectHistory.for(dir).listVersions();
    await git.deleteTag({ fs: nodeFs, dir, ref: 'v1' });
    expect(names(await ProjectHistory.for(dir).listVersions())).toEqual(['v2']);
    expect(Object.values(JSON.parse(await fs.readFile(INDEX(), 'utf8')).entries).map((e) => (e as { tag: string }).tag)).toEqual(['v2']);
  });
});
