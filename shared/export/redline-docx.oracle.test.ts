import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import type { Comparison } from '../compare/types';
import type { Block, PolicyDocument } from '../model/document';
import { hostileDocument } from './fixtures/hostile';
import { exportRunLists, prepareDocument } from './prepare';
import { exportRedlineDocx } from './redline-docx';
import { CHECKED_SECTIONS, NEW_EDITION, OLD_EDITION, benchEditions, documentText, loadBenchGenerator } from './redline-test-documents';
import { h, li, p, policy } from '../testing/builders';

/**
 * The DOCX redline read back by three readers that owe nothing to the exporter: pandoc and LibreOffice accept and
 * reject every tracked change (the text must come out as the new and the old edition), python-docx parses the file.
 */

const INSPECT = path.resolve(__dirname, 'fixtures/inspect_docx.py');
const AUTHOR = 'Dana Reviewer';
const DATE = new Date('2026-11-02T10:30:00.000Z');
const LABELS = { oldLabel: 'Version 1.0', newLabel: 'Version 2.0' };

const work = mkdtempSync(path.join(tmpdir(), 'policywright-redline-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_PANDOC = has('pandoc', ['--version']);
const HAS_UNO = has('soffice', ['--version']) && has('/usr/bin/python3', ['-c', 'import uno']);
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);

const doc = (blocks: Block[], extra: Partial<PolicyDocument> = {}): PolicyDocument => policy(blocks, { title: 'Forms', ...extra });

/** Words that keep their text but change form: bullets become numbers, a section is promoted, a list restarts. */
const FORMS_OLD = doc([
  h(1, 's-alpha01', 'Alpha'), p('Intro.'), li('one', 'bullet'), li('two', 'bullet'),
  h(2, 's-beta001', 'Beta'), p('Beta text.'),
  h(1, 's-gamma01', 'Gamma'), p('Becomes a bullet.'), li('first', 'number'), li('second', 'number'), p('A gap.'), li('third', 'number'),
]);
const FORMS_NEW = doc([
  h(1, 's-alpha01', 'Alpha'), p('Intro.'), li('one', 'number'), li('two', 'number'),
  h(1, 's-beta001', 'Beta'), p('Beta text.'),
  h(1, 's-gamma01', 'Gamma'), li('Becomes a bullet.', 'bullet'), li('first', 'number'), li('second', 'number'), li('third', 'number'),
]);

/** A section deleted at the very end, and (swapped) one added there, with a preamble deleted (added) at the start. */
const ENDS_OLD = doc([p('Preamble.'), h(1, 's-alpha01', 'Alpha'), p('Alpha text.'), h(1, 's-omega01', 'Omega'), li('Last item.', 'number')]);
const ENDS_NEW = doc([h(1, 's-alpha01', 'Alpha'), p('Alpha text.')]);

const HOSTILE_OLD = hostileDocument();
const HOSTILE_NEW: PolicyDocument = {
  ...HOSTILE_OLD,
  title: `${HOSTILE_OLD.title} <b>2</b>`,
  blocks: [...HOSTILE_OLD.blocks.slice(0, 3), p('<script>alert("new")</script> & more'), ...HOSTILE_OLD.blocks.slice(4)],
};

interface Case {
  readonly old: PolicyDocument;
  readonly new: PolicyDocument;
  comparison: Comparison;
  file: string;
  bytes: Uint8Array;
}
const NAMES = ['policy', 'forms', 'deleted-at-end', 'added-at-end', 'hostile'] as const;
const CASES: Record<(typeof NAMES)[number], Case> = {
  policy: { old: OLD_EDITION, new: NEW_EDITION } as Case,
  forms: { old: FORMS_OLD, new: FORMS_NEW } as Case,
  'deleted-at-end': { old: ENDS_OLD, new: ENDS_NEW } as Case,
  'added-at-end': { old: ENDS_NEW, new: ENDS_OLD } as Case,
  hostile: { old: HOSTILE_OLD, new: HOSTILE_NEW } as Case,
};

beforeAll(async () => {
  for (const [name, c] of Object.entries(CASES)) {
    c.comparison = compareDocuments(c.old, c.new, LABELS);
    c.bytes = await exportRedlineDocx(c.comparison, { author: AUTHOR, date: DATE });
    c.file = path.join(work, `${name}.docx`);
    writeFileSync(c.file, c.bytes);
  }
});

async function part(c: Case, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(c.bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the package`);
  return file.async('string');
}

/** Words and punctuation in order: pandoc puts a space where it joins two paragraphs, and Word and LibreOffice do not. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------------

describe('exportRedlineDocx writes tracked changes', () => {
  it('marks every insertion and deletion with the author and the date, and turns on change tracking', async () => {
    const body = await part(CASES.policy, 'word/document.xml');
    const changes = [...body.matchAll(/<w:(ins|del) ([^>]*)>/g)];
    expect(changes.length).toBeGreaterThan(20);
    for (const [, , attributes] of changes) {
      expect(attributes).toContain(`w:author="${AUTHOR}"`);
      expect(attributes).toContain('w:date="2026-11-02T10:30:00Z"');
    }
    const ids = changes.map(([, , attributes]) => /w:id="(\d+)"/.exec(attributes ?? '')?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*>browser<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>device<\/w:t>/);
    // The moved section: inserted whole where it stands now, deleted whole where it stood.
    expect(body).toMatch(/<w:ins [^>]*><w:r><w:t[^>]*>We keep your data for seven years after you close your account\.<\/w:t>/);
    expect(body).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*>We keep your data for six years after you close your account\.<\/w:delText>/);
    expect(body.indexOf('seven years')).toBeLessThan(body.indexOf('six years'));
    // Paragraph marks: the split inserts one, the join deletes one, added and deleted sections carry theirs.
    expect(body).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins /);
    expect(body).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del /);
    expect(await part(CASES.policy, 'word/settings.xml')).toContain('<w:trackRevisions/>');
  });

  it('adds no text of its own to the body: no summary, no labels, no numbers', async () => {
    const body = await part(CASES.policy, 'word/document.xml');
    const text = [...body.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join(' ');
    expect(text).not.toMatch(/Moved|Summary|Version 1\.0|Changes to/);
    expect(text).not.toMatch(/\b\d+\.\d*\s+(Introduction|Retention|Sharing|Cookies)/);
  });

  it('tracks the change of title in the page header, and puts the summary in the document properties', async () => {
    const header = await part(CASES.policy, 'word/header1.xml');
    expect(header).toMatch(/<w:del [^>]*>.*Privacy Policy/);
    expect(header).toMatch(/<w:ins [^>]*>.*Privacy Notice/);
    const core = await part(CASES.policy, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Changes to Privacy Notice: Version 1.0 → Version 2.0</dc:title>');
    const s = CASES.policy.comparison.summary;
    expect(core).toContain(`${s.changed} sections changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved; ${s.wordsInserted} words inserted, ${s.wordsDeleted} deleted.`);
    const custom = await part(CASES.policy, 'docProps/custom.xml');
    expect(custom).toMatch(/name="Words inserted"[^>]*>\s*<vt:lpwstr>\d+</);
  });

  it('keeps a changed form as a formatting change (w:pPrChange) holding the old style and list', async () => {
    const body = await part(CASES.forms, 'word/document.xml');
    const changes = [...body.matchAll(/<w:pPrChange [^>]*>(.*?)<\/w:pPrChange>/g)].map((m) => m[1] ?? '');
    expect(changes.length).toBeGreaterThanOrEqual(4);
    // Beta was a Heading 2 at level 1 of the heading list.
    expect(changes.some((c) => c.includes('<w:pStyle w:val="Heading2"/>') && c.includes('<w:ilvl w:val="1"/>'))).toBe(true);
  });

  it('keeps the old level of a list item that was indented or outdented', async () => {
    // Word restores the whole old paragraph form on rejecting, list level included. LibreOffice 7.4 restores the list
    // and the style but not the level, which is why the forms LibreOffice reads below change no list's depth.
    const old = doc([h(1, 's-alpha01', 'Alpha'), li('one', 'number'), li('two', 'number', 1), li('three', 'number')]);
    const now = doc([h(1, 's-alpha01', 'Alpha'), li('one', 'number'), li('two', 'number'), li('three', 'number')]);
    const bytes = await exportRedlineDocx(compareDocuments(old, now, LABELS), { author: AUTHOR, date: DATE });
    const body = await part({ bytes } as Case, 'word/document.xml');
    const two = /<w:p>((?:(?!<\/w:p>).)*>two<\/w:t>)/.exec(body)?.[1] ?? '';
    expect(two).toMatch(/<w:numPr><w:ilvl w:val="0"\/>.*<w:pPrChange [^>]*><w:pPr><w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="1"\/>/);
  });

  it('refuses an invalid date rather than writing one Word cannot read', async () => {
    await expect(exportRedlineDocx(CASES.policy.comparison, { author: AUTHOR, date: new Date('nonsense') })).rejects.toThrow(/date/);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/** pandoc's reading as JSON, reduced to its text: Str nodes only, so ids, addresses and list markers stay out. */
function pandocText(file: string, mode: 'accept' | 'reject'): string {
  const result = spawnSync('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`pandoc could not read ${file}: ${result.stderr}`);
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const { t, c } = node as { t?: string; c?: unknown };
    if (t === 'Str' && typeof c === 'string') out.push(c);
    else if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') out.push(' ');
    else {
      walk(c ?? (node as { blocks?: unknown }).blocks);
      if (t === 'Para' || t === 'Plain' || t === 'Header') out.push('\n');
    }
  };
  walk(JSON.parse(result.stdout));
  return out.join('');
}

describe.skipIf(!HAS_PANDOC)('pandoc accepts and rejects the changes (needs pandoc)', () => {
  it.each(NAMES)('%s: accepting all gives the new text, rejecting all the old', (name) => {
    const c = CASES[name];
    expect(paragraphTokens(pandocText(c.file, 'accept'))).toEqual(paragraphTokens(blocksText(c.new)));
    expect(paragraphTokens(pandocText(c.file, 'reject'))).toEqual(paragraphTokens(blocksText(c.old)));
  });
});

/** The blocks' text as the exporters write it, a line each (a hostile document's control characters gone). */
function blocksText(d: PolicyDocument): string {
  const text = (runs: ReadonlyArray<{ text: string }>) => runs.map((run) => run.text).join('').replace(/\n/g, ' ');
  return prepareDocument(d)
    .blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => text(item.runs)) : exportRunLists(block).map(text)))
    .join('\n');
}

/**
 * Paragraph by paragraph, the tokens of each. pandoc leaves an empty paragraph where it joins two (LibreOffice and Word
 * do not), so empty paragraphs are left out on both sides.
 */
function paragraphTokens(text: string): string[][] {
  return text
    .split('\n')
    .map(tokens)
    .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------------

interface Inspection {
  paragraphs: Array<{ style: string; text: string; numbering: { numId: number; ilvl: number } | null }>;
  core: Record<string, string>;
  custom: Record<string, string>;
}

describe.skipIf(!HAS_PYTHON_DOCX)('python-docx reads the redline (needs python3 with python-docx)', () => {
  it('parses it: headings in Heading styles on the heading list, the properties, and the new text in its w:t', () => {
    const result = spawnSync('/usr/bin/python3', [INSPECT, CASES.policy.file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python-docx could not read the redline:\n${result.stderr}`);
    const docx = JSON.parse(result.stdout) as Inspection;
    const headings = docx.paragraphs.filter((para) => para.style.startsWith('Heading'));
    // Every heading of both editions is there: new ones, and deleted and moved-away ones.
    const all = CASES.policy.comparison.rows.length;
    expect(headings.length).toBe(all - 1); // the preamble has no heading
    expect(new Set(headings.map((para) => para.numbering?.numId)).size).toBe(1);
    expect(headings.find((para) => para.text === 'Information You Give Us')).toMatchObject({ style: 'Heading 2', numbering: { ilvl: 1 } });
    expect(docx.core.title).toBe('Changes to Privacy Notice: Version 1.0 → Version 2.0');
    expect(docx.core.author).toBe(AUTHOR);
    expect(docx.custom).toMatchObject({ 'Compared from': 'Version 1.0', 'Compared to': 'Version 2.0', 'Title changed': 'Privacy Policy → Privacy Notice' });
    // python-docx's text is w:t only: kept and inserted text, which is the new edition's.
    expect(tokens(docx.paragraphs.map((para) => para.text).join('\n'))).toEqual(tokens(documentText(NEW_EDITION)));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/**
 * LibreOffice, driven through its UNO API from Python: each file is opened and printed to PDF, then opened again and
 * every change accepted (Edit ▸ Track Changes ▸ Accept All), then again and every change rejected. The paragraphs,
 * their styles and the numbers LibreOffice gives them come back as JSON.
 */
const UNO_SCRIPT = String.raw`
import json, sys
import uno
from libreoffice_session import office, prop

profile, pipe, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
files = sys.argv[4:]
with office(profile, pipe) as (ctx, desktop):
    dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    out = {}
    for f in files:
        out[f] = {}
        for mode in ('open', 'accept', 'reject'):
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(f), '_blank', 0, (prop('Hidden', True),))
            if doc is None:
                raise SystemExit('LibreOffice could not open ' + f)
            result = {'redlines': doc.getRedlines().getCount()}
            if mode == 'open':
                pdf = outdir + '/' + f.split('/')[-1] + '.pdf'
                doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop('FilterName', 'writer_pdf_Export'),))
                result['pdf'] = pdf
            else:
                command = '.uno:AcceptAllTrackedChanges' if mode == 'accept' else '.uno:RejectAllTrackedChanges'
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
                result['redlinesAfter'] = doc.getRedlines().getCount()
            paragraphs = []
            e = doc.getText().createEnumeration()
            while e.hasMoreElements():
                el = e.nextElement()
                if el.supportsService('com.sun.star.text.Paragraph'):
                    paragraphs.append({'text': el.getString(), 'style': el.ParaStyleName, 'label': el.ListLabelString})
            result['paragraphs'] = paragraphs
            out[f][mode] = result
            doc.close(True)
    print(json.dumps(out, ensure_ascii=False))
`;

interface LoParagraph {
  text: string;
  style: string;
  label: string;
}
interface LoResult {
  redlines: number;
  redlinesAfter?: number;
  pdf?: string;
  paragraphs: LoParagraph[];
}

/** What LibreOffice should show of an edition: each block's text, its style, and the number it gives headings and numbered items. */
function expectedParagraphs(d: PolicyDocument): LoParagraph[] {
  const prepared = prepareDocument(d);
  return prepared.blocks.flatMap((block): LoParagraph[] => {
    const text = (runs: ReadonlyArray<{ text: string }>) => runs.map((run) => run.text).join('');
    switch (block.kind) {
      case 'heading':
        return [{ text: text(block.runs), style: `Heading ${block.depth}`, label: block.label }];
      case 'paragraph':
        return [{ text: text(block.runs), style: 'Standard', label: '' }];
      case 'list':
        return block.items.map((item) => ({ text: text(item.runs), style: 'List Paragraph', label: item.list === 'number' && item.depth === 0 ? `${item.ordinal}.` : '' }));
      case 'table':
        // The redline documents of this file hold no tables (redline-tables.oracle.test.ts reads those).
        throw new Error('a table in a redline test document');
    }
  });
}

describe.skipIf(!HAS_UNO)('LibreOffice opens the redline and accepts and rejects every change (needs soffice and its Python UNO bridge)', () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  let results: Record<string, Record<'open' | 'accept' | 'reject', LoResult>> = {};
  beforeAll(() => {
    const files = Object.values(CASES).map((c) => c.file);
    const run = spawnSync('/usr/bin/python3', ['-c', UNO_SCRIPT, profile, `policywright-${process.pid}-${Date.now()}`, work, ...files], {
      encoding: 'utf8',
      // libreoffice_session.py starts and stops LibreOffice for every oracle script.
      env: { ...process.env, PYTHONPATH: path.resolve(__dirname, 'fixtures') },
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`LibreOffice run failed (${run.status}): ${run.stderr}`);
    results = JSON.parse(run.stdout) as typeof results;
  }, 300_000);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  /** Headings and numbered items compared with their numbers; bullets' labels are their bullet, left out. */
  const shown = (paragraphs: LoParagraph[]) => paragraphs.map((para) => ({ ...para, label: /^\d/.test(para.label) ? para.label : '' }));

  it.each(NAMES)('%s: opens it with its changes, and prints it to PDF', (name) => {
    const open = results[CASES[name].file]?.open;
    expect(open?.redlines).toBeGreaterThan(0);
    const pdf = readFileSync(open?.pdf ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });

  it.each(NAMES)('%s: accepting all gives the new edition, numbered as it numbers itself', (name) => {
    const c = CASES[name];
    const accepted = results[c.file]?.accept;
    expect(accepted?.redlinesAfter).toBe(0);
    expect(shown(accepted?.paragraphs ?? [])).toEqual(expectedParagraphs(c.new));
  });

  it.each(NAMES)('%s: rejecting all gives the old edition, numbered as it numbered itself', (name) => {
    const c = CASES[name];
    const rejected = results[c.file]?.reject;
    expect(rejected?.redlinesAfter).toBe(0);
    expect(shown(rejected?.paragraphs ?? [])).toEqual(expectedParagraphs(c.old));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

// How long this takes on the whole bench document is measured by redline-timing.bench.test.ts (`npm run bench`).
describe(`exportRedlineDocx on the bench document's first ${CHECKED_SECTIONS} sections, edited as the bench edits it`, () => {
  let comparison: Comparison;
  let big: { old: PolicyDocument; new: PolicyDocument };
  let file = '';

  beforeAll(async () => {
    big = benchEditions(await loadBenchGenerator(), CHECKED_SECTIONS);
    comparison = compareDocuments(big.old, big.new, LABELS);
  }, 120_000);

  it('exports it, with sections moved, added and deleted', async () => {
    const s = comparison.summary;
    expect(s.moved).toBeGreaterThan(0);
    expect(s.added).toBeGreaterThan(0);
    expect(s.deleted).toBeGreaterThan(0);
    file = path.join(work, 'bench.docx');
    writeFileSync(file, await exportRedlineDocx(comparison, { author: AUTHOR, date: DATE }));
  }, 120_000);

  it.skipIf(!HAS_PANDOC)('reads back through pandoc as the new edition accepted and the old one rejected (needs pandoc)', () => {
    expect(file).not.toBe('');
    expect(paragraphTokens(pandocText(file, 'accept'))).toEqual(paragraphTokens(blocksText(big.new)));
    expect(paragraphTokens(pandocText(file, 'reject'))).toEqual(paragraphTokens(blocksText(big.old)));
  }, 120_000);
});
