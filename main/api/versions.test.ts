import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDocument, ProjectInfo, Reply, VersionSummary } from '../../shared/api/contract';
import type { Comparison } from '../../shared/compare/types';
import type { PolicyDocument } from '../../shared/model/document';
import { chromiumPdf } from '../export/pdf';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { textBlock } from '../../shared/testing/text-block';

let tmp: string;
let handlers: Handlers;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-versions-api-'));
  handlers = createHandlers(
    { version: 'test', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' },
    new Workspace(),
  );
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

// The project the last createProject made: every other call names it, as the app's project client does.
let current = '';

function inCurrent(method: string, input: object): object {
  return method === 'createProject' ? input : { project: current, ...input };
}

async function call<T>(method: string, input: object): Promise<T> {
  const reply: Reply<unknown> = await dispatch(handlers, method, inCurrent(method, input));
  if (!reply.ok) throw new Error(reply.error.message);
  if (method === 'createProject') current = (reply.value as ProjectInfo).path;
  return reply.value as T;
}

async function failure(method: string, input: object): Promise<string> {
  const reply: Reply<unknown> = await dispatch(handlers, method, inCurrent(method, input));
  if (reply.ok) throw new Error(`expected ${method} to fail`);
  return reply.error.message;
}

describe('versions and compare through the API', () => {
  it('saves a version, compares it with the edited draft, restores it and exports both redlines', async () => {
    const project = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'p'), name: 'P', sample: true });
    const documentId = 'privacy-policy';
    expect(project.documents.map((d) => d.id)).toContain(documentId);

    const saved = await call<VersionSummary>('saveVersion', { documentId, name: '2026-02 GDPR update', note: 'Art. 13 wording', kind: 'substantive', author: 'Dana Reviewer' });
    expect(saved).toMatchObject({ name: '2026-02 GDPR update', kind: 'substantive', author: 'Dana Reviewer', note: 'Art. 13 wording' });
    expect(saved.documentIds).toContain(documentId);

    const { document: draft, stamp } = await call<LoadedDocument>('loadDocument', { documentId });
    const edited = structuredClone(draft);
    const body = edited.blocks.findIndex((b) => b.kind === 'paragraph' && b.runs.some((r) => r.text.length > 20));
    const target = textBlock(edited.blocks[body]);
    target.runs = [...target.runs, { text: ' We review this policy every year.' }];
    await call('saveDocument', { documentId, document: edited, base: stamp });

    const comparison = await call<Comparison>('compareDocuments', {
      old: { kind: 'version', documentId, version: '2026-02 GDPR update' },
      new: { kind: 'draft', documentId },
    });
    expect(comparison.old.label).toBe('Version “2026-02 GDPR update”');
    expect(comparison.new.label).toBe('Current draft');
    expect(comparison.summary).toMatchObject({ changed: 1, added: 0, deleted: 0, moved: 0, wordsInserted: 6, wordsDeleted: 0 });

    const restored = await call<PolicyDocument>('loadVersion', { documentId, version: '2026-02 GDPR update' });
    expect(restored).toEqual(draft);

    const html = await call<{ fileName: string; base64: string }>('exportComparison', {
      old: { kind: 'version', documentId, version: '2026-02 GDPR update' },
      new: { kind: 'draft', documentId },
      format: 'html',
    });
    expect(html.fileName).toMatch(/-redline\.html$/);
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain('We review this policy every year.');
    const docx = await call<{ fileName: string; base64: string }>('exportComparison', {
      old: { kind: 'version', documentId, version: '2026-02 GDPR update' },
      new: { kind: 'draft', documentId },
      format: 'docx',
    });
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const versions = await call<VersionSummary[]>('listVersions', { documentId });
    expect(versions.map((v) => v.name)).toEqual(['2026-02 GDPR update']);
  });

  it('compares a file from outside with a draft', async () => {
    await call<ProjectInfo>('createProject', { path: path.join(tmp, 'q'), name: 'Q', sample: false });
    const markdown = '# Privacy Policy\n\n## Introduction\n\nWe respect your privacy.\n';
    const comparison = await call<Comparison>('compareDocuments', {
      old: { kind: 'file', fileName: 'emailed.md', base64: Buffer.from(markdown).toString('base64') },
      new: { kind: 'draft', documentId: 'privacy-policy' },
    });
    expect(comparison.old.label).toBe('emailed.md');
    expect(comparison.rows.length).toBeGreaterThan(0);
  });

  it('says so when a version or document does not exist', async () => {
    await call<ProjectInfo>('createProject', { path: path.join(tmp, 'r'), name: 'R', sample: false });
    expect(await failure('loadVersion', { documentId: 'privacy-policy', version: 'nope' })).toMatch(/no saved versions|no version "nope"/);
    expect(await failure('saveVersion', { documentId: 'ghost', name: 'v1', kind: 'editorial', author: 'A' })).toMatch(/no document "ghost"/);
    expect(await failure('saveVersion', { documentId: 'privacy-policy', name: ' ', kind: 'editorial', author: 'A' })).toMatch(/version name/);
  });

  it('compares variable values, not placeholders: a version keeps the values it was saved with', async () => {
    await call<ProjectInfo>('createProject', { path: path.join(tmp, 'v'), name: 'V', sample: true });
    const documentId = 'privacy-policy';
    await call('saveVersion', { documentId, name: 'Before the age change', kind: 'substantive', author: 'A' });
    const { variables } = await call<{ variables: Record<string, string> }>('getVariables', {});
    await call('saveVariables', { variables: { ...variables, minimum_age: '13' } });
    const comparison = await call<Comparison>('compareDocuments', {
      old: { kind: 'version', documentId, version: 'Before the age change' },
      new: { kind: 'draft', documentId },
    });
    // minimum_age stands twice in the sample's privacy policy.
    expect(comparison.summary).toMatchObject({ wordsInserted: 2, wordsDeleted: 2 });
    const changes = comparison.rows.flatMap((row) => ('redline' in row && row.redline ? row.redline.flatMap((b) => b.runs) : []));
    expect(changes.filter((run) => run.op === 'delete').map((run) => run.text)).toEqual(['16', '16']);
    expect(changes.filter((run) => run.op === 'insert').map((run) => run.text)).toEqual(['13', '13']);
    expect(JSON.stringify(comparison)).not.toContain('{{minimum_age}}');
  });

  it('checks a version for unfilled variables with the values it was saved with', async () => {
    await call<ProjectInfo>('createProject', { path: path.join(tmp, 'w'), name: 'W', sample: true });
    const documentId = 'privacy-policy';
    await call('saveVersion', { documentId, name: 'Filled', kind: 'editorial', author: 'A' });
    const { variables } = await call<{ variables: Record<string, string> }>('getVariables', {});
    await call('saveVariables', { variables: { ...variables, minimum_age: '' } });
    const draft = await call<{ unfilled: Array<{ name: string }> }>('checkExport', { documentId });
    expect(draft.unfilled.map((u) => u.name)).toContain('minimum_age');
    const version = await call<{ unfilled: Array<{ name: string }> }>('checkExport', { documentId, version: 'Filled' });
    expect(version.unfilled).toEqual([]);
  });
});

describe('a damaged version through the API', () => {
  it('is named in one sentence while the other versions stay listed and the draft still saves', async () => {
    await call<ProjectInfo>('createProject', { path: path.join(tmp, 'd'), name: 'D', sample: true });
    const documentId = 'privacy-policy';
    await call('saveVersion', { documentId, name: 'First', kind: 'editorial', author: 'A' });
    await call('saveVersion', { documentId, name: 'Second', kind: 'editorial', author: 'A' });
    const tags = path.join(current, '.git', 'refs', 'tags');
    const [first] = (await fs.readdir(tags)).filter((t) => t.toLowerCase().includes('first'));
    await fs.writeFile(path.join(tags, first as string), '');

    expect((await call<VersionSummary[]>('listVersions', { documentId })).map((v) => v.name)).toEqual(['Second']);
    const { problems } = await call<{ problems: string[] }>('listVersionProblems', {});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The version saved as the git tag "first"/i);
    expect(problems[0]).not.toMatch(/\n|Error:|ENOENT/);
    const { document, stamp } = await call<LoadedDocument>('loadDocument', { documentId });
    await call('saveDocument', { documentId, document: { ...document, versionLabel: 'after damage' }, base: stamp });
  });
});
