import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumberingStyle } from '../model/document';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { NOTE_TEXTS, format4Policy } from './format4-test-documents';

/**
 * Independent readers of the format 4 exports: LibreOffice prints our DOCX (its tables, its headings with and without
 * numbers, its footnotes at the foot of the page), python-docx reads its tables and heading styles, pandoc reads our
 * DOCX and our Markdown (as GFM) back, and tidy reads our HTML. Each is skipped, the reason in its name, where its
 * program is missing.
 */
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_LIBREOFFICE = has('soffice', ['--version']) && has('pdftotext', ['-v']);
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);
const HAS_PANDOC = has('pandoc', ['--version']);
const HAS_TIDY = has('tidy', ['-v']);
const INSPECT = path.resolve(__dirname, 'fixtures/inspect_tables.py');
const VARIABLES = { company_name: 'Northwind' };

const work = mkdtempSync(path.join(tmpdir(), 'policywright-format4-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function docxFile(name: string, style: NumberingStyle): Promise<string> {
  const file = path.join(work, `${name}.docx`);
  writeFileSync(file, await exportDocx(format4Policy(style), { variables: VARIABLES }));
  return file;
}

/** The cells of the retention table as every reader should see them (a footnote mark aside), row by row. */
const RETENTION_CELLS = [
  ['Data', 'Kept for'],
  ['Account data of Northwind', 'As B says'],
  ['Logs | audit', '30 days'],
  ['Backups', 'One year\nthen erased'],
];
const PLAIN_CELLS = [
  ['Alpha', 'Beta'],
  ['Gamma', 'Delta'],
];

describe.skipIf(!HAS_LIBREOFFICE)('LibreOffice prints the DOCX export of tables, unnumbered headings and footnotes (needs soffice and pdftotext)', () => {
  const pages: Record<string, string[]> = {};
  beforeAll(async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
    try {
      const files = [await docxFile('letters', 'letter-decimal'), await docxFile('articles', 'article-section')];
      const convert = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (convert.status !== 0) throw new Error(`soffice failed (${convert.status}): ${convert.stderr}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const name of ['letters', 'articles']) {
      // -layout: a footnote's number stays on the line before its text, in its order (without it, pdftotext may gather
      // the numbers after the texts).
      const text = spawnSync('pdftotext', ['-layout', path.join(work, `${name}.pdf`), '-'], { encoding: 'utf8' });
      if (text.status !== 0) throw new Error(`pdftotext could not read ${name}.pdf: ${text.stderr}`);
      // pdftotext ends each page with a form feed; the body starts on the page after the table of contents.
      pages[name] = text.stdout.split('\f');
    }
  }, 180_000);

  const body = (name: string) => (pages[name] ?? []).slice(1).join('\f');

  it('numbers the headings itself, skipping those that take none, in two styles', () => {
    const lines = body('letters').split('\n').map((line) => line.trim());
    expect(lines).toContain('Summary');
    expect(lines).toContain('Contact us');
    // LibreOffice writes the number and the heading apart (a tab between them): A., then Definitions.
    expect(body('letters')).toMatch(/A\.\s+Definitions[\s\S]*1\.\s+Scope[\s\S]*Contact us[\s\S]*B\.\s+Your rights/);
    expect(body('letters')).not.toMatch(/[A-C]\.\s+(Summary|Contact us)/);
    // "Section 1.01" as Word writes it (legal numbering); LibreOffice before 7.5 writes "Section I.01" (tdf#150408, see
    // docx-libreoffice.oracle.test.ts): what matters here is that "Contact us" took no number and shifted none.
    expect(body('articles')).toMatch(/Article I\s+Definitions[\s\S]*Section (1|I)\.01\s+Scope[\s\S]*Contact us[\s\S]*Article II\s+Your rights/);
  });

  it('shows the caption and then the cells of each table in reading order', () => {
    const text = body('letters');
    const words = ['Retention periods', ...RETENTION_CELLS.flat().flatMap((cell) => cell.split('\n')), ...PLAIN_CELLS.flat()];
    let at = -1;
    for (const word of words) {
      const next = text.indexOf(word, at + 1);
      expect(next, `"${word}" after what came before`).toBeGreaterThan(at);
      at = next;
    }
  });

  it('puts each footnote at the foot of its page, numbered in reading order, after the text', () => {
    const text = body('letters');
    const foot = text.slice(text.lastIndexOf('Delta'));
    const notes = [NOTE_TEXTS['n-bravo0002'], NOTE_TEXTS['n-charlie03'], NOTE_TEXTS['n-alpha0001']];
    const places = notes.map((note) => foot.indexOf(note));
    expect(places.every((place) => place > 0)).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    // Each note's number stands right before its text.
    notes.forEach((note, index) => expect(foot).toMatch(new RegExp(`${index + 1}\\s+${note.slice(0, 10)}`)));
    // The marks in the text carry the same numbers.
    expect(text).toMatch(/what we do\s*1\./);
    expect(text).toMatch(/30 days\s*2/);
    expect(text).toMatch(/Contact us\s*3\./);
  });
});

interface TableInspection {
  tables: Array<{ before: { style: string; text: string } | null; rows: string[][]; header: boolean[]; cellStyles: string[] }>;
  headings: Array<{ style: string; text: string; numId: number | null }>;
}

describe.skipIf(!HAS_PYTHON_DOCX)('python-docx reads the DOCX export of tables and unnumbered headings (needs python3 with python-docx)', () => {
  let inspection: TableInspection;
  beforeAll(async () => {
    const result = spawnSync('/usr/bin/python3', [INSPECT, await docxFile('python', 'decimal')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python-docx could not read the export:\n${result.stderr}`);
    inspection = JSON.parse(result.stdout) as TableInspection;
  });

  it('sees both tables, their rows and cells, and only the first row of the first repeated as a header row', () => {
    const [retention, plain] = inspection.tables;
    expect(inspection.tables).toHaveLength(2);
    // python-docx reads a field's cached result: the reference shows the number Policywright wrote (decimal: 2).
    expect(retention?.rows).toEqual(RETENTION_CELLS.map((row) => row.map((cell) => cell.replace('As B says', 'As 2 says'))));
    expect(retention?.header).toEqual([true, false, false, false]);
    expect(retention?.before).toEqual({ style: 'Caption', text: 'Retention periods' });
    expect(retention?.cellStyles).toEqual(['Table Heading', 'Table Text']);
    expect(plain?.rows).toEqual(PLAIN_CELLS);
    expect(plain?.header).toEqual([false, false]);
  });

  it('sees the unnumbered headings in their Heading style with numbering switched off, the others in the heading list', () => {
    expect(inspection.headings.map((heading) => [heading.style, heading.text, heading.numId === 0])).toEqual([
      ['Heading 1', 'Summary', true],
      ['Heading 1', 'Definitions', false],
      ['Heading 2', 'Scope', false],
      ['Heading 1', 'Contact us', true],
      ['Heading 1', 'Your rights', false],
    ]);
    const listed = inspection.headings.filter((heading) => heading.numId !== 0).map((heading) => heading.numId);
    expect(new Set(listed).size).toBe(1);
  });
});

/** pandoc's JSON AST, as far as these tests read it. */
type Node = { t: string; c?: unknown } | unknown[] | string | number | null;

/** The text of a piece of pandoc's AST: its Str, spaces and breaks, without footnotes' text. */
function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node === null || typeof node !== 'object') return '';
  const { t, c } = node as { t: string; c?: unknown };
  if (t === 'Str') return String(c);
  if (t === 'Space' || t === 'SoftBreak') return ' ';
  if (t === 'LineBreak') return '\n';
  if (t === 'Note' || t === 'RawInline') return '';
  return textOf(c);
}

/** Every node of a kind, in document order. */
function nodesOf(node: unknown, kind: string, out: Array<{ t: string; c?: unknown }> = []): Array<{ t: string; c?: unknown }> {
  if (Array.isArray(node)) for (const child of node) nodesOf(child, kind, out);
  else if (node !== null && typeof node === 'object') {
    const typed = node as { t?: string; c?: unknown; blocks?: unknown };
    if (typed.t === kind) out.push(typed as { t: string; c?: unknown });
    if ('c' in typed) nodesOf(typed.c, kind, out);
    if ('blocks' in typed) nodesOf(typed.blocks, kind, out);
  }
  return out;
}

/** A pandoc table's head rows and body rows, as cell texts (pandoc 2.10 and later: Table attr caption specs head bodies foot). */
function tableRows(table: { c?: unknown }): { head: string[][]; body: string[][] } {
  const [, , , head, bodies] = table.c as [unknown, unknown, unknown, [unknown, unknown[]], Array<[unknown, unknown, unknown[], unknown[]]>];
  const cells = (row: unknown) => ((row as [unknown, unknown[]])[1] ?? []).map((cell) => textOf((cell as unknown[])[4]).trim());
  return { head: head[1].map(cells), body: bodies.flatMap((part) => [...part[2], ...part[3]].map(cells)) };
}

function pandocJson(input: string | { file: string }, from: string): Node {
  const args = ['-f', from, '-t', 'json', ...(typeof input === 'string' ? [] : [input.file])];
  const result = spawnSync('pandoc', args, { encoding: 'utf8', ...(typeof input === 'string' ? { input } : {}) });
  if (result.status !== 0) throw new Error(`pandoc could not read the export: ${result.stderr}`);
  return JSON.parse(result.stdout) as Node;
}

describe.skipIf(!HAS_PANDOC)('pandoc reads the DOCX export of tables and footnotes (needs pandoc)', () => {
  let ast: Node;
  beforeAll(async () => {
    ast = pandocJson({ file: await docxFile('pandoc', 'letter-decimal') }, 'docx');
  });

  it('reads both tables, the first with its header row', () => {
    const tables = nodesOf(ast, 'Table').map(tableRows);
    expect(tables).toHaveLength(2);
    expect(tables[0]?.head).toEqual([RETENTION_CELLS[0]]);
    expect(tables[0]?.body).toEqual(RETENTION_CELLS.slice(1));
    expect(tables[1]?.head.filter((row) => row.some((cell) => cell !== ''))).toEqual([]);
    expect(tables[1]?.body).toEqual(PLAIN_CELLS);
  });

  it('reads the footnotes as notes, in reading order, one in a table cell', () => {
    const notes = nodesOf(ast, 'Note').map((note) => textOf(note.c).trim());
    expect(notes).toEqual([NOTE_TEXTS['n-bravo0002'], NOTE_TEXTS['n-charlie03'], NOTE_TEXTS['n-alpha0001']]);
  });
});

describe.skipIf(!HAS_PANDOC)('pandoc reads the Markdown export as GFM (needs pandoc)', () => {
  const ast = HAS_PANDOC ? pandocJson(exportMarkdown(format4Policy(), { variables: VARIABLES }), 'gfm') : null;

  it('reads both pipe tables: the first with its header row, the second without one', () => {
    const tables = nodesOf(ast, 'Table').map(tableRows);
    expect(tables).toHaveLength(2);
    expect(tables[0]?.head).toEqual([RETENTION_CELLS[0]]);
    // A cell's line break is <br>, raw HTML to pandoc; its words are all there.
    expect(tables[0]?.body).toEqual(RETENTION_CELLS.slice(1).map((row) => row.map((cell) => cell.replace('As B says', 'As 2 says').replace('\n', ''))));
    expect(tables[1]?.head.flat().every((cell) => cell === '')).toBe(true);
    expect(tables[1]?.body).toEqual(PLAIN_CELLS);
  });

  it('reads the footnotes in reading order', () => {
    expect(nodesOf(ast, 'Note').map((note) => textOf(note.c).trim())).toEqual([NOTE_TEXTS['n-bravo0002'], NOTE_TEXTS['n-charlie03'], NOTE_TEXTS['n-alpha0001']]);
  });

  it('reads the headings: those without a number as written, the others with theirs', () => {
    expect(nodesOf(ast, 'Header').map((header) => textOf((header.c as unknown[])[2]).trim())).toEqual([
      'Format Four Policy',
      'Summary',
      '1. Definitions',
      '1.1 Scope',
      'Contact us',
      '2. Your rights',
    ]);
  });
});

describe.skipIf(!HAS_TIDY)('tidy reads the HTML export of tables and footnotes (needs tidy)', () => {
  const tidy = (html: string) => {
    const file = path.join(work, `t${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, html);
    const result = spawnSync('tidy', ['-q', '-e', file], { encoding: 'utf8' });
    return { status: result.status, report: `${result.stdout}${result.stderr}` };
  };

  it('finds nothing wrong with a standalone page', () => {
    expect(tidy(exportHtml(format4Policy(), { variables: VARIABLES }))).toEqual({ status: 0, report: '' });
  });

  it('finds nothing wrong with the fragment in a page around it', () => {
    const fragment = exportHtml(format4Policy(), { fragment: true });
    const page = `<!doctype html>\n<html lang="en">\n<head>\n<title>CMS</title>\n</head>\n<body>\n<h1>Policy</h1>\n${fragment}</body>\n</html>\n`;
    expect(tidy(page)).toEqual({ status: 0, report: '' });
  });
});
