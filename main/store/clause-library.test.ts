import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textToRuns } from '../../shared/model/variables';
import type { ClauseEdit } from '../../shared/clauses/schema';
import { loadLibrary, readLibraryFolder, saveClause } from './clause-library';
import { librarySeed, starterLibraryDir } from './starter';
import { Project, blankDocument } from './project';
import { readVariables, writeVariables } from './variables';
import { UserError } from './errors';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-clauses-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function edit(id: string, text: string, status: ClauseEdit['status'] = 'approved'): ClauseEdit {
  return { id, title: id.replace(/-/g, ' '), status, tags: { topic: ['t'], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: textToRuns(text) }] };
}

describe('clause library folders', () => {
  it('loads around a broken file, listing it with its name and the reason', async () => {
    const dir = path.join(tmp, 'clauses');
    await saveClause(dir, edit('good', 'Fine text.'), true, '2026-11-20');
    await fs.writeFile(path.join(dir, 'bad-json.clause.json'), '{ "format": 1,');
    await fs.writeFile(path.join(dir, 'bad-status.clause.json'), (await fs.readFile(path.join(dir, 'good.clause.json'), 'utf8')).replace('"id": "good"', '"id": "bad-status"').replace('"approved"', '"final"'));
    await fs.writeFile(path.join(dir, 'renamed.clause.json'), await fs.readFile(path.join(dir, 'good.clause.json'), 'utf8'));
    await fs.writeFile(path.join(dir, 'README.md'), 'not a clause');
    const { clauses, broken } = await readLibraryFolder(dir, 'project');
    expect(clauses.map((c) => c.id)).toEqual(['good']);
    expect(broken).toEqual([
      { source: 'project', file: 'bad-json.clause.json', problem: expect.stringMatching(/^line 1, column \d+: is not valid JSON/) },
      { source: 'project', file: 'bad-status.clause.json', problem: expect.stringMatching(/^status /) },
      { source: 'project', file: 'renamed.clause.json', problem: 'id is "good" but the file is named for "renamed"; rename one to match' },
    ]);
  });

  it('lists both sources, marks where each clause comes from, and reports placeholders with no variable', async () => {
    const project = path.join(tmp, 'project');
    const team = path.join(tmp, 'team');
    await saveClause(project, edit('contact', 'Mail {{contact_email}}.'), true, '2026-11-20');
    await saveClause(team, edit('contact', 'Team wording for {{company_name}}.'), true, '2026-11-20');
    const lib = await loadLibrary(project, team, { contact_email: '' });
    expect(lib.clauses.map((c) => [c.source, c.id, c.undefinedVariables])).toEqual([
      ['project', 'contact', []],
      ['team', 'contact', ['company_name']],
    ]);
    expect(lib.team).toEqual({ path: team });
    const missing = await loadLibrary(project, path.join(tmp, 'unplugged'), {});
    expect(missing.team?.problem).toMatch(/cannot be found/);
    expect(missing.clauses).toHaveLength(1);
  });

  it('saves new versions of an approved clause and keeps the earlier ones on disk, and refuses a taken id', async () => {
    const dir = path.join(tmp, 'clauses');
    await saveClause(dir, edit('retention', 'We keep data for 30 days.'), true, '2026-11-01');
    const v2 = await saveClause(dir, edit('retention', 'We keep data for 90 days.'), false, '2026-11-20');
    expect(v2.version).toBe(2);
    const text = await fs.readFile(path.join(dir, 'retention.clause.json'), 'utf8');
    expect(text).toContain('"version": 2,');
    expect(text).toContain('"history": [');
    expect(text).toContain('30 days');
    await expect(saveClause(dir, edit('retention', 'x'), true, '2026-11-20')).rejects.toBeInstanceOf(UserError);
    await expect(saveClause(dir, edit('gone', 'x'), false, '2026-11-20')).rejects.toThrow(/no longer in the library/);
  });
});

describe('new projects', () => {
  it('get the starter library of at least 15 clauses, 5 or more with variables, each variable defined', async () => {
    const starter = await readLibraryFolder(starterLibraryDir(), 'project');
    expect(starter.broken).toEqual([]);
    expect(starter.clauses.length).toBeGreaterThanOrEqual(15);
    const withVariables = starter.clauses.filter((c) => c.blocks.some((b) => b.runs.some((r) => r.variable)));
    expect(withVariables.length).toBeGreaterThanOrEqual(5);
    const dir = path.join(tmp, 'new');
    await Project.create(dir, 'New', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }], await librarySeed(false));
    const values = await readVariables(dir);
    expect(Object.values(values).every((v) => v === '')).toBe(true);
    const lib = await loadLibrary(path.join(dir, 'clauses'), null, values);
    expect(lib.clauses).toHaveLength(starter.clauses.length);
    expect(lib.clauses.every((c) => c.undefinedVariables.length === 0)).toBe(true);
  });

  it('made from the sample take its filled-in variables, and the sample uses starter clauses', async () => {
    const seed = await librarySeed(true);
    expect(seed.variables.company_name).toBe('Northwind Analytics Ltd.');
    const sample = await Project.open(path.resolve(__dirname, '../../assets/sample-project'));
    const doc = await sample.loadDocument('privacy-policy');
    const used = new Set(doc.blocks.flatMap((b) => (b.clause ? [b.clause.id] : [])));
    expect(used.size).toBeGreaterThanOrEqual(3);
    // The sample's library is the starter library, file for file.
    for (const file of await fs.readdir(starterLibraryDir())) {
      expect(await fs.readFile(path.join(sample.dir, 'clauses', file), 'utf8')).toBe(await fs.readFile(path.join(starterLibraryDir(), file), 'utf8'));
    }
  });

  it('write variables alphabetically, one a line', async () => {
    await writeVariables(tmp, { z_last: 'z', a_first: 'a' });
    expect(await fs.readFile(path.join(tmp, 'variables.json'), 'utf8')).toBe('{\n  "format": 1,\n  "variables": {\n    "a_first": "a",\n    "z_last": "z"\n  }\n}\n');
  });
});
