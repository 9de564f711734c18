import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type NumberingStyle, type PolicyDocument } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { exportDocx } from './docx';
import { HOSTILE_TEXT, hostileDocument } from './fixtures/hostile';
import { prepareDocument } from './prepare';
import { policy } from '../testing/builders';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
const INSPECT = path.resolve(__dirname, 'fixtures/inspect_docx.py');
const sample = (name: string): PolicyDocument =>
  PolicyDocumentSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8')));

interface Level {
  ilvl: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  pStyle: string | null;
}
interface Inspection {
  paragraphs: Array<{ style: string; text: string; numbering: { numId: number; ilvl: number } | null }>;
  core: Record<string, string>;
  custom: Record<string, string>;
  levels: Record<string, Level[]>;
  links: string[];
  updateFields: boolean;
  tocField: boolean;
  sections: Array<{ headers: string[]; footers: string[]; footerXml: string }>;
}

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
/** python-docx reads every export here: without it there is nothing to check against. */
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);

const work = mkdtempSync(path.join(tmpdir(), 'policywright-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the export to a file and reads it back with python-docx, an implementation that owes nothing to ours. */
async function inspect(d: PolicyDocument): Promise<Inspection> {
  const bytes = await exportDocx(d);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  const result = spawnSync('/usr/bin/python3', [INSPECT, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python-docx could not read the export:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Inspection;
}

const levelsOf = (inspection: Inspection, numId: number | undefined) => inspection.levels[String(numId)] ?? [];

describe.skipIf(!HAS_PYTHON_DOCX)('exportDocx on the sample privacy policy (needs python3 with python-docx)', () => {
  const d = sample('privacy-policy');
  let docx: Inspection;
  beforeAll(async () => {
    docx = await inspect(d);
  });

  it('opens with the title and the document details in their own styles', () => {
    expect(docx.paragraphs.slice(0, 6).map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Privacy Policy'],
      ['Document Info', 'Effective date: 15 January 2026'],
      ['Document Info', 'Last updated: 2 November 2026'],
      ['Document Info', 'Version: 2.1'],
      ['Document Info', 'Owner: Legal & Compliance'],
      ['TOC Heading', 'Contents'],
    ]);
  });

  it('puts every heading in Heading 1…6 by depth, with its text only, bound to one list at its depth', () => {
    const headings = docx.paragraphs.filter((p) => p.style.startsWith('Heading'));
    const outline = outlineOf(d);
    expect(headings.map((p) => [p.style, p.text])).toEqual(outline.map((o) => [`Heading ${o.level}`, o.title]));
    expect(new Set(headings.map((p) => p.style))).toEqual(new Set(['Heading 1', 'Heading 2', 'Heading 3', 'Heading 4']));
    expect(headings.map((p) => p.numbering?.ilvl)).toEqual(outline.map((o) => o.level - 1));
    const numIds = new Set(headings.map((p) => p.numbering?.numId));
    expect(numIds.size).toBe(1);
    const levels = levelsOf(docx, [...numIds][0]);
    expect(levels.slice(0, 4).map((l) => [l.numFmt, l.lvlText, l.pStyle])).toEqual([
      ['decimal', '%1.', 'Heading1'],
      ['decimal', '%1.%2', 'Heading2'],
      ['decimal', '%1.%2.%3', 'Heading3'],
      ['decimal', '%1.%2.%3.%4', 'Heading4'],
    ]);
  });

  it('writes lists as List Paragraphs: one bullet list, and a list instance for every numbered run', () => {
    const items = docx.paragraphs.filter((p) => p.style === 'List Paragraph');
    expect(items).toHaveLength(d.blocks.filter((b) => b.kind === 'list-item').length);
    const bullets = items.filter((p) => levelsOf(docx, p.numbering?.numId)[0]?.numFmt === 'bullet');
    const numbered = items.filter((p) => levelsOf(docx, p.numbering?.numId)[0]?.numFmt === 'decimal');
    expect(bullets.length + numbered.length).toBe(items.length);
    expect(new Set(bullets.map((p) => p.numbering?.numId)).size).toBe(1);
    // Each numbered list of the sample follows a paragraph, so each is a list of its own that starts at 1.
    const numberedLists = prepareDocument(d).numberedSequences;
    expect(numberedLists).toBe(4);
    expect(new Set(numbered.map((p) => p.numbering?.numId)).size).toBe(numberedLists);
    expect(levelsOf(docx, numbered[0]?.numbering?.numId)[0]?.lvlText).toBe('%1.');
    expect(bullets.some((p) => p.numbering?.ilvl === 1)).toBe(true);
  });

  it('carries the document properties, a TOC field refreshed on opening, and the header and footer', () => {
    expect(docx.core).toMatchObject({
      title: 'Privacy Policy',
      subject: 'Privacy Policy',
      author: 'Legal & Compliance',
      last_modified_by: 'Policywright',
      comments: 'Version 2.1, effective 15 January 2026, last updated 2 November 2026.',
      keywords: 'policy, version 2.1',
    });
    expect(docx.custom).toEqual({
      Version: '2.1',
      'Effective date': '2026-01-15',
      'Last updated': '2026-11-02',
      Owner: 'Legal & Compliance',
      Numbering: 'decimal',
    });
    expect(docx.tocField).toBe(true);
    expect(docx.updateFields).toBe(true);
    expect(docx.sections[0]?.headers).toEqual(['Privacy Policy']);
    expect(docx.sections[0]?.footers).toEqual(['Page  of ']);
    expect(docx.sections[0]?.footerXml).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('links only to http, https and mailto addresses', () => {
    expect(docx.links.length).toBeGreaterThan(3);
    for (const link of docx.links) expect(link).toMatch(/^(https?:|mailto:)/);
  });
});

describe.skipIf(!HAS_PYTHON_DOCX)('exportDocx numbering definitions in every style (needs python3 with python-docx)', () => {
  const tos = sample('terms-of-service');
  const cases: Array<[NumberingStyle, Array<[string, string, boolean]>]> = [
    ['decimal', [['decimal', '%1.', false], ['decimal', '%1.%2', false], ['decimal', '%1.%2.%3', false]]],
    ['letter-decimal', [['upperLetter', '%1.', false], ['decimal', '%2.', false], ['decimal', '%2.%3', false]]],
    // isLgl: the article number is written as a decimal inside the section number ("Section 1.01", not "I.01").
    ['article-section', [['upperRoman', 'Article %1', false], ['decimalZero', 'Section %1.%2', true], ['lowerLetter', '(%3)', false], ['lowerRoman', '(%4)', false]]],
    ['section-sign', [['decimal', '§ %1', false], ['decimal', '§ %1.%2', false], ['decimal', '§ %1.%2.%3', false]]],
  ];
  it.each(cases)('%s', async (style, expected) => {
    const docx = await inspect({ ...tos, numbering: style });
    const heading = docx.paragraphs.find((p) => p.style === 'Heading 1');
    const levels = levelsOf(docx, heading?.numbering?.numId);
    expect(levels.slice(0, expected.length).map((l) => [l.numFmt, l.lvlText, l.isLgl])).toEqual(expected);
    expect(docx.paragraphs.filter((p) => p.style.startsWith('Heading')).every((p) => p.numbering !== null)).toBe(true);
  });
});

describe.skipIf(!HAS_PYTHON_DOCX)('exportDocx with hostile input (needs python3 with python-docx)', () => {
  it('writes a file python-docx opens, with the text and without the control characters', async () => {
    const docx = await inspect(hostileDocument());
    const all = docx.paragraphs.map((p) => p.text).join('\n');
    // eslint-disable-next-line no-control-regex -- looking for exactly these
    expect(all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    for (const line of HOSTILE_TEXT) expect(all).toContain(line);
    expect(docx.paragraphs[0]?.text).toBe('</title><script>alert("title")</script>"><img src=x onerror=alert(0)> Bell Title');
    expect(docx.core.title).toBe(docx.paragraphs[0]?.text);
    expect(docx.core.author).toBe("O'Brien & <Partners>");
    expect(all).toContain('vertical\ntab, form\nfeed, nul, lone \uFFFD surrogate');
    expect(all).toContain('click me or me or this or data');
    expect(docx.links).toEqual(['https://example.com/?q=%22%3E%3Cscript%3Ealert(7)%3C/script%3E']);
  });

  it('exports a document without blocks, details or headings', async () => {
    const empty = policy([], { title: 'Empty' });
    const docx = await inspect(empty);
    expect(docx.paragraphs.map((p) => [p.style, p.text])).toEqual([['Title', 'Empty']]);
    expect(docx.tocField).toBe(false);
    expect(docx.core).toMatchObject({ title: 'Empty', author: 'Policywright', comments: '' });
    expect(docx.custom).toEqual({ Numbering: 'decimal' });
  });
});
