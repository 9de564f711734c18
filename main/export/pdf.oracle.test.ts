import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument, TableRow } from '../../shared/model/document';
import { NOTE_TEXTS, RETENTION_TABLE, format4Policy } from '../../shared/export/format4-test-documents';
import { chromiumPdf, findChromium } from './pdf';
import { renderExport } from './render';

/**
 * The PDF export is Chromium printing the HTML export: pdftotext reads the print back. A table long enough to run
 * over several pages repeats its header row on each, its cells stay in reading order, and the footnotes follow the
 * text, numbered as their marks.
 */
const HAS_TOOLS = findChromium() !== null && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

const work = mkdtempSync(path.join(tmpdir(), 'policywright-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ROWS = 90;
function longTableDocument(): PolicyDocument {
  const d = format4Policy();
  const extra: TableRow[] = Array.from({ length: ROWS }, (_, i) => ({ cells: [{ runs: [{ text: `Record ${i + 1}` }] }, { runs: [{ text: `${i + 1} days` }] }] }));
  return { ...d, blocks: d.blocks.map((block) => (block === RETENTION_TABLE ? { ...RETENTION_TABLE, rows: [...RETENTION_TABLE.rows, ...extra] } : block)) };
}

describe.skipIf(!HAS_TOOLS)('the PDF export of tables and footnotes (needs Chromium and pdftotext)', () => {
  let pages: string[] = [];
  beforeAll(async () => {
    const { bytes } = await renderExport(longTableDocument(), 'pdf', { pdf: chromiumPdf, variables: { company_name: 'Northwind' } });
    const file = path.join(work, 'policy.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (text.status !== 0) throw new Error(`pdftotext could not read the PDF: ${text.stderr}`);
    pages = text.stdout.split('\f').filter((page) => page.trim() !== '');
  }, 120_000);

  it('repeats the header row at the top of every page the table runs onto', () => {
    const withRows = pages.filter((page) => /Record \d+/.test(page));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toMatch(/Data\s+Kept for/);
  });

  it('keeps the rows in order, none lost', () => {
    const records = pages.join('\n').match(/Record \d+/g) ?? [];
    expect(records).toEqual(Array.from({ length: ROWS }, (_, i) => `Record ${i + 1}`));
  });

  it('writes the footnotes after the text, in the order of their marks', () => {
    const text = pages.join('\n');
    const places = [NOTE_TEXTS['n-bravo0002'], NOTE_TEXTS['n-charlie03'], NOTE_TEXTS['n-alpha0001']].map((note) => text.indexOf(note));
    expect(places.every((place) => place > text.lastIndexOf('Delta'))).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });
});
