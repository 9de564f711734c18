import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../shared/compare/report';
import type { PolicyDocument } from '../../shared/model/document';
import { cli } from './test-cli';

let tmp: string;
let project: string;
const documentFile = () => path.join(project, 'documents', 'privacy-policy.policy.json');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-diff-'));
  project = path.join(tmp, 'policies');
  expect((await cli('new', project)).code).toBe(0);
  const doc = JSON.parse(await fs.readFile(documentFile(), 'utf8')) as PolicyDocument;
  doc.blocks = [
    { kind: 'heading', id: 's-intro00001', level: 1, runs: [{ text: 'Introduction' }] },
    { kind: 'paragraph', runs: [{ text: 'We build analytics software for businesses.' }] },
    { kind: 'heading', id: 's-retain0001', level: 1, runs: [{ text: 'Retention' }] },
    { kind: 'paragraph', runs: [{ text: 'We keep account data for six years after the account closes.' }] },
    { kind: 'heading', id: 's-contact001', level: 1, runs: [{ text: 'Contact' }] },
    { kind: 'paragraph', runs: [{ text: 'Write to privacy@example.com.' }] },
  ];
  await writeDocument(doc);
  expect((await cli('version', project, '--name', 'Published 2026-01', '--author', 'Tester')).code).toBe(0);
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});


async function writeDocument(doc: PolicyDocument): Promise<void> {
  await fs.writeFile(documentFile(), `${JSON.stringify(doc)}\n`);
}

async function editDraft(): Promise<void> {
  const doc = JSON.parse(await fs.readFile(documentFile(), 'utf8')) as PolicyDocument;
  // Retention moves to the end and says seven years; the introduction gains a sentence.
  const [intro, introBody, retention, retentionBody, contact, contactBody] = doc.blocks;
  doc.blocks = [intro!, { ...introBody!, runs: [{ text: 'We build analytics software for businesses. We are based in Bristol.' }] }, contact!, contactBody!, retention!, { ...retentionBody!, runs: [{ text: 'We keep account data for seven years after the account closes.' }] }];
  await writeDocument(doc);
}

describe('policywright diff', () => {
  it('finds no change between a version and an unedited draft, or a file and itself', async () => {
    const json = await cli('diff', `${project}@Published 2026-01`, project, '--to', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as JsonReport;
    expect(report.summary).toEqual({ unchanged: 3, changed: 0, added: 0, deleted: 0, moved: 0, wordsInserted: 0, wordsDeleted: 0 });
    const markdown = path.join(tmp, 'emailed.md');
    await fs.writeFile(markdown, '# Terms\n\n## Scope\n\nThese terms apply.\n');
    const same = await cli('diff', markdown, markdown, '--to', 'json');
    expect((JSON.parse(same.out) as JsonReport).summary).toMatchObject({ changed: 0, added: 0, deleted: 0, moved: 0 });
  });

  it('reports sections with their status, old and new numbers and word changes as JSON', async () => {
    await editDraft();
    const { out, code } = await cli('diff', `${project}@Published 2026-01`, project, '--to', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as JsonReport;
    // Contact and Retention swapped places: the shorter section (Contact) is the one said to move.
    expect(report.summary).toEqual({ unchanged: 0, changed: 2, added: 0, deleted: 0, moved: 1, wordsInserted: 6, wordsDeleted: 1 });
    expect(report.sections.map((s) => [s.title, s.status, s.oldNumber, s.newNumber, s.renumbered])).toEqual([
      ['Introduction', 'changed', '1', '1', false],
      ['Contact', 'moved', '3', '2', true],
      ['Retention', 'changed', '2', '3', true],
    ]);
    expect(report.sections[0]?.changes).toEqual([{ op: 'insert', text: ' We are based in Bristol.' }]);
    expect(report.sections[2]?.changes).toEqual([
      { op: 'delete', text: 'six' },
      { op: 'insert', text: 'seven' },
    ]);
  });

  it('prints a summary and one line per change as text', async () => {
    await editDraft();
    const { out } = await cli('diff', `${project}@Published 2026-01`, project);
    expect(out).toContain('Version “Published 2026-01” → Current draft');
    expect(out).toMatch(/2 changed, 0 added, 0 deleted, 1 moved, 0 unchanged; 6 words inserted, 1 deleted/);
    expect(out).toMatch(/moved\s+3 → 2 Contact\n/);
    expect(out).toMatch(/changed\s+1 Introduction \(\+5 −0 words\)/);
  });

  it('writes a Word redline whose changes accepted give the draft and rejected give the version', async () => {
    await editDraft();
    const out = path.join(tmp, 'redline.docx');
    const result = await cli('diff', `${project}@Published 2026-01`, project, '--to', 'docx', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Wrote .*redline\.docx/);
    let pandoc = true;
    try {
      execFileSync('pandoc', ['--version']);
    } catch {
      pandoc = false;
    }
    // pandoc is the reader that applies tracked changes here; `npm test` installs it, a bare checkout may lack it.
    if (!pandoc) return;
    const read = (mode: string) => execFileSync('pandoc', [`--track-changes=${mode}`, '-t', 'plain', '--wrap=none', out], { encoding: 'utf8' });
    expect(read('accept')).toContain('We keep account data for seven years after the account closes.');
    expect(read('accept')).toContain('We are based in Bristol.');
    expect(read('reject')).toContain('We keep account data for six years after the account closes.');
    expect(read('reject')).not.toContain('Bristol');
  });

  it('refuses what it cannot read in one line, with exit code 2', async () => {
    const missing = await cli('diff', `${project}@No such version`, project);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^policywright: There is no version "No such version".*\n$/);
    const oneArg = await cli('diff', project);
    expect(oneArg.code).toBe(2);
    const noOut = await cli('diff', project, project, '--to', 'docx');
    expect(noOut.err).toMatch(/--to docx needs --out/);
    const badFormat = await cli('diff', project, project, '--to', 'pdf');
    expect(badFormat.err).toMatch(/--to must be one of text, json, html, docx/);
  });

  it('export takes a version too: project@version', async () => {
    await editDraft();
    const out = path.join(tmp, 'published.md');
    const result = await cli('export', `${project}@Published 2026-01`, '--to', 'md', '--out', out);
    expect(result.code).toBe(0);
    const markdown = await fs.readFile(out, 'utf8');
    expect(markdown).toContain('We keep account data for six years');
    expect(markdown).not.toContain('Bristol');
  });
});
