import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy, v } from '../../shared/testing/builders';
import { Project } from '../store/project';
import { compareAt, compareInProject } from './compare';
import { DRAFT_LABEL, editionAt, editionsAt } from './editions';
import { editionToExport, exportEdition, unfilledIn } from './export';
import { createProject, importDocument } from './projects';
import { listVersions, loadVersion, saveVersion } from './versions';

/** The use cases the CLI and the API share, called as either of them calls them. */
let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-usecases-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const RETENTION = policy([h(1, 's-retain0001', 'Retention'), p('We keep data for ', v('retention_years'), ' years.')], { title: 'Retention Policy' });

describe('creating a project and importing a document', () => {
  it('makes a blank project with one privacy policy, and adds a document file of our own format to it', async () => {
    const project = await createProject(path.join(tmp, 'blank'), 'Blank', false);
    expect(project.documentIds).toEqual(['privacy-policy']);
    const file = path.join(tmp, 'retention.policy.json');
    await fs.writeFile(file, serializeDocument(RETENTION));
    const added = await importDocument(project, 'retention.policy.json', await fs.readFile(file));
    expect(added.title).toBe('Retention Policy');
    expect((await Project.open(project.dir)).documentIds).toEqual(['privacy-policy', added.id]);
  });

  it('imports Markdown through the importers', async () => {
    const project = await createProject(path.join(tmp, 'md'), 'Md', false);
    const added = await importDocument(project, 'notes.md', new TextEncoder().encode('# Notes\n\n## Scope\n\nText.\n'));
    expect((await project.loadDocument(added.id)).blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
  });

  it('names a damaged file of our own format by the path it was given', async () => {
    const project = await createProject(path.join(tmp, 'bad'), 'Bad', false);
    const where = path.join(tmp, 'broken.policy.json');
    await expect(importDocument(project, 'broken.policy.json', new TextEncoder().encode('{'), where)).rejects.toThrow(where);
  });
});

describe('reading an edition from what the CLI is given', () => {
  it('reads a project draft, a version of it and a loose file, each with its variables', async () => {
    const project = await createProject(path.join(tmp, 'sample'), 'Sample', true);
    const dir = project.dir;
    const [first] = project.documentIds;
    await saveVersion(dir, { name: 'v1', note: '', kind: 'editorial', author: 'Tester' });
    const draft = await editionAt(dir, first);
    expect(draft.label).toBe(DRAFT_LABEL);
    expect(Object.keys(draft.variables).length).toBeGreaterThan(0);
    const version = await editionAt(`${dir}@v1`, first);
    expect(version.label).toBe('Version “v1”');
    expect(version.doc).toEqual(draft.doc);
    const all = await editionsAt(dir, undefined);
    expect(all.map((e) => e.id)).toEqual(project.documentIds);
    const [atVersion] = await editionsAt(`${dir}@v1`, first);
    expect(atVersion?.id).toBe(first);
    const file = path.join(tmp, 'retention.policy.json');
    await fs.writeFile(file, serializeDocument(RETENTION));
    const [loose] = await editionsAt(file, undefined);
    expect([loose?.id, loose?.label, loose?.variables]).toEqual(['retention', 'retention.policy.json', {}]);
  });

  it('says in one sentence what a path is not', async () => {
    const missing = path.join(tmp, 'nowhere');
    await expect(editionsAt(missing, undefined)).rejects.toThrow(`${missing} does not exist.`);
    await expect(editionAt(missing, undefined)).rejects.toThrow(/is neither a file, a project folder, nor a project folder followed by @/);
    await expect(editionsAt(`${missing}@v1`, undefined)).rejects.toThrow(/is neither a file/);
    const project = await createProject(path.join(tmp, 'two'), 'Two', true);
    await expect(editionAt(project.dir, undefined)).rejects.toThrow(/has \d+ documents .*: say which with --document\./);
    await expect(editionsAt(project.dir, 'nope')).rejects.toThrow(/has no document "nope"; it has /);
  });
});

describe('export, versions and compare', () => {
  it('exports a version with the variables it was saved with, listing the unfilled ones first', async () => {
    const project = await createProject(path.join(tmp, 'p'), 'P', false);
    const summary = await project.addDocument(RETENTION);
    await saveVersion(project.dir, { name: 'Published', note: '', kind: 'substantive', author: 'Tester', documentId: summary.id });
    const versions = await listVersions(project.dir, summary.id);
    expect(versions.map((v) => v.name)).toEqual(['Published']);
    expect(await listVersions(project.dir, 'privacy-policy')).toHaveLength(1);
    expect(await loadVersion(project, summary.id, 'Published')).toEqual(RETENTION);
    const edition = await editionToExport(project, summary.id, 'Published');
    expect(unfilledIn(edition).map((v) => v.name)).toEqual(['retention_years']);
    const file = await exportEdition(edition, 'md', { pdf: () => Promise.reject(new Error('no PDF here')) });
    // Markdown escapes the brackets and the underscore of the visible placeholder.
    expect(new TextDecoder().decode(file.bytes)).toContain('We keep data for \\[retention\\_years\\] years.');
  });

  it('compares a version with the draft', async () => {
    const project = await createProject(path.join(tmp, 'c'), 'C', false);
    const summary = await project.addDocument(RETENTION);
    await saveVersion(project.dir, { name: 'One', note: '', kind: 'editorial', author: 'Tester' });
    const { stamp } = await project.readDocument(summary.id);
    await project.saveDocument(summary.id, policy([h(1, 's-retain0001', 'Retention'), p('We keep data for a year.')], { title: 'Retention Policy' }), stamp);
    const { comparison } = await compareAt(`${project.dir}@One`, project.dir, summary.id);
    expect(comparison.summary.changed).toBe(1);
  });
});

describe('comparing a draft with its own suggestions, as the window asks', () => {
  it('compares as if accepted unless a side asks for its text before the suggestions', async () => {
    const project = await createProject(path.join(tmp, 'suggested'), 'Suggested', false);
    const mark = { id: 'c-window001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
    const doc = policy([h(1, 's-intro00001', 'Intro'), p('We ', { text: 'never ', ins: mark }, 'sell data.')]);
    await project.saveDocument('privacy-policy', doc, (await project.readDocument('privacy-policy')).stamp);
    const draft = { kind: 'draft', documentId: 'privacy-policy' } as const;
    expect((await compareInProject(project, draft, draft)).summary.wordsInserted).toBe(0);
    expect((await compareInProject(project, { ...draft, text: 'original' }, draft)).summary.wordsInserted).toBe(1);
  });
});
