import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument, type Table } from '../model/document';
import { importDocument } from './index';

/* GFM tables, footnotes, <sup> and <sub> in Markdown, as our export and other writers put them. */

async function imported(markdown: string): Promise<PolicyDocument> {
  let n = 0;
  const doc = await importDocument('policy.md', new TextEncoder().encode(markdown), { newId: () => `s-${String(++n).padStart(6, '0')}` });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

const grid = (table: Table | undefined) => table?.rows.map((row) => row.cells.map((cell) => cell.runs.map((run) => run.text).join('')));
const tableOf = (doc: PolicyDocument) => doc.blocks.find((b): b is Table => b.kind === 'table');

describe('tables', () => {
  it('a pipe table is a table, its head row the header; an italic paragraph right above it the caption', async () => {
    const doc = await imported('# Policy\n\n## 1. Retention\n\nWe keep records.\n\n*Table 1: Retention*\n\n| Record | Kept for |\n| --- | --- |\n| **Invoices** | 6 years<br>then deleted |\n| CVs | |\n\nAfter.\n');
    const table = tableOf(doc);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    expect(table?.header).toBe(true);
    expect(table?.caption).toEqual([{ text: 'Table 1: Retention' }]);
    expect(grid(table)).toEqual([['Record', 'Kept for'], ['Invoices', '6 years\nthen deleted'], ['CVs', '']]);
    expect(table?.rows[1]?.cells[0]?.runs).toEqual([{ text: 'Invoices', marks: ['bold'] }]);
  });

  it('an empty head row (our export of a table without a header row) is no row at all', async () => {
    const doc = await imported('# Policy\n\nText before the table.\n\n| | |\n| --- | --- |\n| a | b |\n| c | d |\n');
    expect(tableOf(doc)?.header).toBeUndefined();
    expect(tableOf(doc)?.caption).toBeUndefined();
    expect(grid(tableOf(doc))).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

describe('footnotes, superscript and subscript', () => {
  it('[^1] is a note mark holding its definition, which leaves the text', async () => {
    const doc = await imported('# Policy\n\nWe keep data[^1] for a while[^long].\n\n[^1]: As the *law* requires.\n[^long]: A note\\\n    on two lines.\n');
    expect(doc.blocks).toHaveLength(1);
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.map((run) => run.note ?? run.text)).toEqual(['We keep data', 'n-000001', ' for a while', 'n-000002', '.']);
    expect(doc.notes?.map((note) => note.runs)).toEqual([[{ text: 'As the ' }, { text: 'law', marks: ['italic'] }, { text: ' requires.' }], [{ text: 'A note on two lines.' }]]);
  });

  it('a definition no reference names stays text; <sup> and <sub> are marks', async () => {
    const doc = await imported('# Policy\n\nE = mc<sup>2</sup> and H<sub>2</sub>O.\n\n[^lonely]: Nobody points here.\n');
    expect(doc.notes).toBeUndefined();
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.filter((run) => run.marks).map((run) => [run.text, run.marks])).toEqual([['2', ['superscript']], ['2', ['subscript']]]);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? '' : b.runs.map((r) => r.text).join('')))).toContain('Nobody points here.');
  });
});
