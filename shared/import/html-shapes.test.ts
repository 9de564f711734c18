import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument, type Table } from '../model/document';
import { importHtml } from './html';

/* Tables, footnotes, superscript and subscript in HTML, in the shapes our export, pandoc, mammoth and sites write. */

function imported(body: string): PolicyDocument {
  let n = 0;
  const doc = importHtml(`<!doctype html><html><body><h1>Policy</h1>${body}</body></html>`, { fileName: 'page.html', newId: () => `s-${String(++n).padStart(6, '0')}` });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

const texts = (table: Table | undefined) => table?.rows.map((row) => row.cells.map((cell) => cell.runs.map((r) => r.text).join('')));
const tableOf = (doc: PolicyDocument) => doc.blocks.find((b): b is Table => b.kind === 'table');
const noteTexts = (doc: PolicyDocument) => (doc.notes ?? []).map((note) => note.runs.map((r) => r.text).join(''));

describe('tables', () => {
  it('<thead> makes the header row, <caption> the caption; rowspan and colspan leave empty cells', () => {
    const doc = imported(`<p>Before.</p><table><caption>Retention <i>periods</i></caption><thead><tr><th>Record</th><th>Kept</th><th>Why</th></tr></thead>
      <tbody><tr><td rowspan="2">Invoices</td><td colspan="2">6 years</td></tr><tr><td>B</td><td>C</td></tr></tbody></table><p>After.</p>`);
    const table = tableOf(doc);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(table?.header).toBe(true);
    expect(table?.caption).toEqual([{ text: 'Retention ' }, { text: 'periods', marks: ['italic'] }]);
    expect(texts(table)).toEqual([['Record', 'Kept', 'Why'], ['Invoices', '6 years', ''], ['', 'B', 'C']]);
  });

  it('a first row of <th> is a header row without <thead>; a table of <td> has none; a nested table is text of its cell', () => {
    const withTh = tableOf(imported('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'));
    expect(withTh?.header).toBe(true);
    const plain = tableOf(imported('<table><tr><td>A</td><td><p>B</p><p>second line</p><table><tr><td>inner</td></tr></table></td></tr></table>'));
    expect(plain?.header).toBeUndefined();
    expect(texts(plain)).toEqual([['A', 'B\nsecond line\ninner']]);
  });
});

describe('superscript and subscript', () => {
  it('are marks; the inner of the two wins', () => {
    const doc = imported('<p>E=mc<sup>2</sup>, H<sub>2</sub>O and <sup>up <sub>down</sub></sup>.</p>');
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.filter((r) => r.marks).map((r) => [r.text, r.marks])).toEqual([['2', ['superscript']], ['2', ['subscript']], ['up ', ['superscript']], ['down', ['subscript']]]);
  });
});

describe('footnotes', () => {
  it('pandoc and our export: a mark to an item of the notes list; the way back is left out', () => {
    const doc = imported(`<p>We keep data<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> safely.</p>
      <section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>As the <b>law</b> says.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`);
    expect(doc.blocks).toHaveLength(1);
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.map((r) => r.text)).toEqual(['We keep data', '{{note:n-000001}}', ' safely.']);
    expect(doc.notes).toEqual([{ id: 'n-000001', runs: [{ text: 'As the ' }, { text: 'law', marks: ['bold'] }, { text: ' says.' }] }]);
  });

  it('mammoth and sites: <sup><a href="#…">[1]</a></sup>; notes in a table cell; a list item no mark leads to stays an item', () => {
    const doc = imported(`<p>One<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><table><tr><td>Cell<sup><a href="#n2">2</a></sup></td></tr></table>
      <ol><li id="footnote-1"><p>First note. <a href="#footnote-ref-1">↑</a></p></li><li id="n2">Second note.</li><li id="n3">Not a note.</li></ol>`);
    expect(noteTexts(doc)).toEqual(['First note. ', 'Second note.'].map((t) => t.trim()));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'list-item']);
  });
});
