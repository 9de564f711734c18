import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument, type Table } from '../model/document';
import { numberSections } from '../numbering/number';
import type { RawDocument, RawParagraph, RawRun } from './raw';
import { recoverStructure } from './structure';

/* Tables, footnotes and headings without a number, as structure recovery receives them from any reader. */

function recover(paragraphs: RawParagraph[], format: RawDocument['format'] = 'html'): PolicyDocument {
  let n = 0;
  const doc = recoverStructure({ format, paragraphs }, { fileName: 'shapes.html', newId: () => `s-${String(++n).padStart(6, '0')}` });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

const p = (text: string, hints: Omit<RawParagraph, 'runs'> = {}): RawParagraph => ({ runs: [{ text }], ...hints });
const cells = (...texts: string[]): RawRun[][] => texts.map((text) => (text === '' ? [] : [{ text }]));

describe('tables', () => {
  it('stand where the source has them, with their header row and caption, rows padded to the widest', () => {
    const doc = recover([
      p('Retention Policy', { headingLevel: 1 }),
      p('Scope', { headingLevel: 2 }),
      p('We keep records as follows.'),
      { runs: [], table: { header: true, caption: [{ text: 'Table 1 — Retention' }], rows: [cells('Record', 'Kept for'), cells('Invoices', '6 years'), cells('CVs')] } },
      p('After the table, a sentence.'),
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table') as Table;
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    expect(table.header).toBe(true);
    expect(table.caption).toEqual([{ text: 'Table 1 — Retention' }]);
    expect(table.rows.map((row) => row.cells.map((cell) => cell.runs.map((r) => r.text).join('')))).toEqual([
      ['Record', 'Kept for'],
      ['Invoices', '6 years'],
      ['CVs', ''],
    ]);
  });

  it('a cell keeps its paragraphs apart by line breaks, its marks and links; an empty table is dropped', () => {
    const doc = recover([
      p('Title Here', { isTitle: true }),
      p('A sentence before, long enough to be text.'),
      { runs: [], table: { header: false, rows: [[[{ text: 'One', marks: ['bold'] }, { text: '\n' }, { text: 'two  lines' }], [{ text: 'site', link: 'https://example.com/' }]]] } },
      { runs: [], table: { header: true, rows: [cells('', ''), cells('')] } },
    ]);
    const tables = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.header).toBeUndefined();
    expect(tables[0]?.rows[0]?.cells.map((c) => c.runs)).toEqual([[{ text: 'One', marks: ['bold'] }, { text: '\ntwo lines' }], [{ text: 'site', link: 'https://example.com/' }]]);
  });

  it('a table does not end the typed numbers around it, nor count as a line of text for them', () => {
    const doc = recover([p('1. Scope'), p('Text of scope.'), { runs: [], table: { header: false, rows: [cells('2. Not a heading', 'x')] } }, p('2. Data'), p('Text of data.')], 'text');
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((h) => h.runs.map((r) => r.text).join(''));
    expect(headings).toEqual(['Scope', 'Data']);
  });
});

describe('footnotes', () => {
  it('a mark becomes a note run where it stands and the note joins the notes, in the order of the marks', () => {
    const second: RawRun[] = [{ text: 'Second  note.' }, { text: '\n' }, { text: 'More.' }];
    const doc = recover([
      p('Policy', { headingLevel: 1 }),
      p('Data', { headingLevel: 2 }),
      { runs: [{ text: 'We keep it' }, { text: '[2]', note: second }, { text: ' for a while.' }] },
      { runs: [], table: { header: false, rows: [[[{ text: 'Cell' }, { text: '1', note: [{ text: 'In a ' }, { text: 'cell', marks: ['italic'] }] }]]] } },
    ]);
    const paragraph = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(paragraph?.kind === 'paragraph' && paragraph.runs.map((r) => r.text)).toEqual(['We keep it', '{{note:n-000001}}', ' for a while.']);
    expect(doc.notes).toEqual([
      { id: 'n-000001', runs: [{ text: 'Second note. More.' }] },
      { id: 'n-000002', runs: [{ text: 'In a ' }, { text: 'cell', marks: ['italic'] }] },
    ]);
  });

  it('a note whose mark went with its line (the title) is not kept, and the title reads without it', () => {
    const doc = recover([{ runs: [{ text: 'Privacy Notice' }, { text: '*', note: [{ text: 'As amended.' }] }], isTitle: true }, p('Scope', { headingLevel: 2 }), p('Text.')]);
    expect(doc.title).toBe('Privacy Notice');
    expect(doc.notes).toBeUndefined();
  });
});

describe('headings that take no number', () => {
  const numbers = (doc: PolicyDocument) => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    const labels = numberSections(headings.map((h) => ({ level: h.level, unnumbered: h.unnumbered })), doc.numbering);
    return headings.map((h, i) => `${labels[i]?.label ?? ''}|${h.runs.map((r) => r.text).join('')}`);
  };

  it('the source says so (a Word heading with its numbering off)', () => {
    const doc = recover([p('Scope', { headingLevel: 1 }), p('Summary', { headingLevel: 1, unnumbered: true }), p('Data', { headingLevel: 1 })], 'docx');
    expect(numbers(doc)).toEqual(['1.|Scope', '|Summary', '2.|Data']);
  });

  it('a heading without a typed number among headings with one (our HTML and Markdown exports)', () => {
    const doc = recover([p('Policy', { headingLevel: 1 }), p('Summary', { headingLevel: 2 }), p('1. Scope', { headingLevel: 2 }), p('1.1 Who', { headingLevel: 3 }), p('Note on words', { headingLevel: 3 }), p('2. Data', { headingLevel: 2 })]);
    expect(numbers(doc)).toEqual(['|Summary', '1.|Scope', '1.1|Who', '|Note on words', '2.|Data']);
  });

  it('headings without any typed number are all numbered by the app, as before', () => {
    const doc = recover([p('Policy', { headingLevel: 1 }), p('Summary', { headingLevel: 2 }), p('Scope', { headingLevel: 2 })]);
    expect(numbers(doc)).toEqual(['1.|Summary', '2.|Scope']);
  });
});
