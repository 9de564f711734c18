import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument, importDocumentWithReport, reportLines, type ImportReport } from './index';
import { figures, measure, missing, type Expected, type Figures, type Found } from './fixtures/shapes/measure';

/*
 * The import shapes fixture set (issue 18; fixtures/shapes/make-fixtures.py writes it): each policy as python-docx
 * writes it, as LibreOffice saves it again, as Markdown and as HTML, imported and compared with what its author wrote —
 * headings (level, title, the number the app shows), list items, tables, dates and version, and the words, as a
 * multiset. The last test prints the figures of the whole set.
 */

const NAMES = ['letters-summary', 'word-toc', 'bold-runins', 'google-toc-clauses', 'plain-headings-runins', 'list-runins', 'heading-title', 'lists-tables'] as const;
const FORMATS = ['docx', 'lo.docx', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

const read = (file: string) => new Uint8Array(readFileSync(new URL(`./fixtures/shapes/${file}`, import.meta.url)));
const expectedOf = (name: string): Expected => JSON.parse(new TextDecoder().decode(read(`${name}.expected.json`))) as Expected;

let counter = 0;
const imported = new Map<string, Promise<Found>>();
function importOf(name: string, format: Format): Promise<Found> {
  const file = `${name}.${format}`;
  let found = imported.get(file);
  if (!found) {
    found = importDocument(file, read(file), { newId: () => `s-shape${String(++counter).padStart(4, '0')}` }).then(measure);
    imported.set(file, found);
  }
  return found;
}

for (const name of NAMES) {
  describe(name, () => {
    const expected = expectedOf(name);
    for (const format of FORMATS) {
      describe(format, () => {
        it('title, dates and version', async () => {
          const found = await importOf(name, format);
          const pick = (d: Expected | Found) => ({ title: d.title, effectiveDate: d.effectiveDate, lastUpdated: d.lastUpdated, versionLabel: d.versionLabel, numbering: d.numbering });
          expect(pick(found)).toEqual(pick(expected));
        });
        it('headings: levels, titles and numbers', async () => {
          expect((await importOf(name, format)).headings).toEqual(expected.headings);
        });
        it('list items', async () => {
          expect((await importOf(name, format)).lists).toEqual(expected.lists);
        });
        it('tables', async () => {
          expect((await importOf(name, format)).tables).toEqual(expected.tables);
        });
        it('words: none lost, none added', async () => {
          const found = await importOf(name, format);
          expect({ lost: missing(expected.words, found.words), added: missing(found.words, expected.words) }).toEqual({ lost: [], added: [] });
        });
      });
    }
  });
}

describe('the figures of the fixture set', () => {
  it('are printed for the record (headings, numbers, words, tables, dates)', async () => {
    const rows: Array<{ file: string } & Figures> = [];
    for (const name of NAMES) for (const format of FORMATS) rows.push({ file: `${name}.${format}`, ...figures(expectedOf(name), await importOf(name, format)) });
    const total = rows.reduce<Figures>((sum, row) => {
      const out = { ...sum };
      for (const k of Object.keys(sum) as Array<keyof Figures>) out[k] += row[k];
      return out;
    }, { headingsExpected: 0, headingsFound: 0, falseHeadings: 0, numbersMatching: 0, wordsExpected: 0, wordsLost: 0, wordsAdded: 0, tablesExpected: 0, tablesKept: 0, datesExpected: 0, datesRecovered: 0 });
    const line = (file: string, f: Figures) =>
      `${file.padEnd(28)} ${`${f.headingsFound}/${f.headingsExpected}`.padStart(9)} ${String(f.falseHeadings).padStart(6)} ${`${f.numbersMatching}/${f.headingsExpected}`.padStart(9)} ${`${f.wordsLost}/${f.wordsAdded}`.padStart(11)} ${`${f.tablesKept}/${f.tablesExpected}`.padStart(7)} ${`${f.datesRecovered}/${f.datesExpected}`.padStart(6)}`;
    const table = [
      `${'fixture'.padEnd(28)} ${'headings'.padStart(9)} ${'false'.padStart(6)} ${'numbers'.padStart(9)} ${'words -/+'.padStart(11)} ${'tables'.padStart(7)} ${'dates'.padStart(6)}`,
      ...rows.map((r) => line(r.file, r)),
      line(`ALL (${total.wordsExpected} words)`, total),
    ].join('\n');
    console.log(`Import shapes fixture set (issue 18)\n${table}`);
    // The figures are what they are; what must hold is that every fixture was imported and measured.
    expect(rows).toHaveLength(NAMES.length * FORMATS.length);
  });
});

describe('the import report', () => {
  const reportOf = async (file: string) => (await importDocumentWithReport(file, read(file))).report;

  it('names the unnumbered headings, the dates taken and the version', async () => {
    const report = await reportOf('letters-summary.docx');
    expect(report?.headings).toEqual({ found: 10, typedNumbers: 9, unnumbered: ['Summary'], runIn: 0, guessed: false });
    expect(report?.dates).toEqual([
      { field: 'effectiveDate', value: '2024-03-01', from: 'Effective date: 1 March 2024' },
      { field: 'versionLabel', value: '3.2', from: 'Version 3.2' },
    ]);
    expect(reportLines(report as ImportReport)[0]).toBe('10 headings found: 9 with typed numbers, 1 without a number (“Summary”).');
  });

  it('says a typed contents page was dropped, with its heading', async () => {
    expect((await reportOf('word-toc.md'))?.contents).toEqual({ entries: 7, title: 'Table of Contents' });
    // Word's own contents page ("toc N" styles) is left out by the DOCX reader itself, and still reported.
    expect((await reportOf('word-toc.docx'))?.contents).toEqual({ entries: 7, title: null });
    expect((await reportOf('bold-runins.docx'))?.contents).toEqual({ entries: 4, title: 'Contents' });
    expect((await reportOf('google-toc-clauses.html'))?.contents).toEqual({ entries: 3, title: null });
  });

  it('counts run-in subheadings and takes a month-only date as the first of the month', async () => {
    const clauses = await reportOf('google-toc-clauses.docx');
    expect(clauses?.headings.runIn).toBe(4);
    expect(clauses?.dates).toContainEqual({ field: 'lastUpdated', value: '2024-03-01', from: 'Updated: March 2024', monthOnly: true });
    expect(reportLines(clauses as ImportReport)).toContain('Last updated 2024-03-01 taken from “Updated: March 2024” (it names no day: the first of the month).');
  });

  it('lists a date line standing in the text and a number that fits no section as not placed', async () => {
    const text = 'Privacy Notice\n\n1. Scope\n\nThis notice covers the website.\n\nEffective date: 1 May 2024\n\n2. Contact\n\nWrite to us.\n\n7. Extra things we do\n\nMore text here.';
    const { report } = await importDocumentWithReport('notice.txt', new TextEncoder().encode(text));
    expect(report?.unplaced.map((u) => u.text)).toEqual(['Effective date: 1 May 2024', '7. Extra things we do']);
  });
});
