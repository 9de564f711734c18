import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument, type Table } from '../../model/document';
import { numberSections } from '../../numbering/number';
import { importDocx } from '../docx';
import { readWordml } from './read';

/*
 * What the WordprocessingML reader keeps beyond mammoth (issue 18): tables with their header row and caption, notes
 * as footnotes, superscript and subscript, the numbers Word draws on list items, and headings Word leaves unnumbered.
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const STYLES = `${HEAD}<w:styles ${W}>${[['Normal', 'Normal'], ['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['Caption', 'caption'], ['FootnoteText', 'footnote text']]
  .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
  .join('')}</w:styles>`;

const lvl = (ilvl: number, format: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="%${ilvl + 1}."/></w:lvl>`;
// 1: decimal then lower letters; 2: the same definition again, restarting at 3 by lvlOverride; 5: headings, decimal
const NUMBERING = `${HEAD}<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal')}${lvl(1, 'lowerLetter')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal')}${lvl(1, 'decimal')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>';

function docx(body: string, footnotes = ''): Uint8Array {
  const rels = `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdN" Type="${REL}/numbering" Target="numbering.xml"/>` +
    (footnotes ? `<Relationship Id="rIdF" Type="${REL}/footnotes" Target="footnotes.xml"/>` : '');
  return zipSync({
    '[Content_Types].xml': strToU8(`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    '_rels/.rels': strToU8(`${HEAD}<Relationships ${RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`${HEAD}<Relationships ${RELS}>${rels}</Relationships>`),
    'word/styles.xml': strToU8(STYLES),
    'word/numbering.xml': strToU8(NUMBERING),
    ...(footnotes ? { 'word/footnotes.xml': strToU8(`${HEAD}<w:footnotes ${W}>${footnotes}</w:footnotes>`) } : {}),
    'word/document.xml': strToU8(`${HEAD}<w:document ${W}><w:body>${p(r('A Policy'), style('Title'))}${body}</w:body></w:document>`),
  });
}

const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (content: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const tc = (content: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;

async function imported(bytes: Uint8Array): Promise<PolicyDocument> {
  let n = 0;
  const doc = await importDocx(bytes, { fileName: 'shapes.docx', newId: () => `s-${String(++n).padStart(6, '0')}` });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

const grid = (table: Table | undefined) => table?.rows.map((row) => row.cells.map((cell) => cell.runs.map((run) => run.text).join('')));
const tableOf = (doc: PolicyDocument) => doc.blocks.find((b): b is Table => b.kind === 'table');

describe('tables', () => {
  it('a table stays a table: the row Word repeats on each page is its header, a Caption paragraph before it its caption', async () => {
    const table = `<w:tbl><w:tblGrid/><w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p(r('Record', '<w:b/>')))}${tc(p(r('Kept for')))}</w:tr>` +
      `<w:tr>${tc(p(r('Invoices')) + p(r('and receipts')))}${tc(p(r('6 years')))}</w:tr></w:tbl>`;
    const doc = await imported(docx(p(r('Retention'), style('Heading1')) + p(r('Table 1: Retention periods'), style('Caption')) + table + p(r('After.'))));
    const found = tableOf(doc);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'table', 'paragraph']);
    expect(found?.header).toBe(true);
    expect(found?.caption).toEqual([{ text: 'Table 1: Retention periods' }]);
    expect(grid(found)).toEqual([['Record', 'Kept for'], ['Invoices\nand receipts', '6 years']]);
    expect(found?.rows[0]?.cells[0]?.runs).toEqual([{ text: 'Record', marks: ['bold'] }]);
  });

  it('without w:tblHeader there is no header row; a caption after the table is its caption too', async () => {
    const doc = await imported(docx(`<w:tbl><w:tr>${tc(p(r('A')))}${tc(p(r('B')))}</w:tr></w:tbl>` + p(r('Table 2: Letters'), style('Caption'))));
    expect(tableOf(doc)?.header).toBeUndefined();
    expect(tableOf(doc)?.caption).toEqual([{ text: 'Table 2: Letters' }]);
  });

  it('a file left to mammoth (a symbol in it) keeps its tables, header row, caption and notes the same way', async () => {
    const notes = `<w:footnote w:id="1">${p(r('Kept for audits.'))}</w:footnote>`;
    const table = `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p(r('Record')))}${tc(p(r('Kept for')))}</w:tr><w:tr>${tc(p(r('Invoices') + '<w:r><w:footnoteReference w:id="1"/></w:r>'))}${tc(p(r('6 years')))}</w:tr></w:tbl>`;
    const symbol = '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>';
    const bytes = docx(p(r('Retention') + symbol) + p(r('Table 1: Retention periods'), style('Caption')) + table + p(r('After.')), notes);
    expect(() => readWordml(textOf(bytes))).toThrow();
    const found = tableOf(await imported(bytes));
    expect(found?.header).toBe(true);
    expect(found?.caption).toEqual([{ text: 'Table 1: Retention periods' }]);
    expect(grid(found)?.map((row) => row.map((cell) => cell.replace(/\{\{note:n-[a-z0-9]+\}\}/, '[note]')))).toEqual([['Record', 'Kept for'], ['Invoices[note]', '6 years']]);
  });

  it('merged cells keep the grid rectangular: a span gives empty cells after, a continued vertical merge an empty cell; a nested table is text', async () => {
    const body = '<w:tbl>' +
      `<w:tr>${tc(p(r('Kind')), '<w:vMerge w:val="restart"/>')}${tc(p(r('Two wide')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p(r('b')))}${tc(`<w:tbl><w:tr>${tc(p(r('inner')))}${tc(p(r('cells')))}</w:tr></w:tbl>${p('')}`)}</w:tr></w:tbl>`;
    expect(grid(tableOf(await imported(docx(body))))).toEqual([['Kind', 'Two wide', ''], ['', 'b', 'inner\ncells']]);
  });
});

describe('footnotes, superscript and subscript', () => {
  it('a footnote reference is a note run where it stands, the note its text', async () => {
    const notes = `<w:footnote w:id="1">${p('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>' + r(' As the law requires.'), style('FootnoteText'))}</w:footnote>`;
    const ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>';
    const doc = await imported(docx(p(r('We keep data') + ref + r(' for six years.')), notes));
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.map((run) => run.note ?? run.text)).toEqual(['We keep data', doc.notes?.[0]?.id, ' for six years.']);
    expect(doc.notes?.map((note) => note.runs)).toEqual([[{ text: 'As the law requires.' }]]);
  });

  it('w:vertAlign makes superscript and subscript marks', async () => {
    const doc = await imported(docx(p(r('E=mc') + r('2', '<w:vertAlign w:val="superscript"/>') + r(' and H') + r('2', '<w:b/><w:vertAlign w:val="subscript"/>') + r('O.'))));
    const runs = doc.blocks[0]?.kind === 'paragraph' ? doc.blocks[0].runs : [];
    expect(runs.filter((run) => run.marks).map((run) => [run.text, run.marks])).toEqual([['2', ['superscript']], ['2', ['bold', 'subscript']]]);
  });
});

describe('Word numbering', () => {
  it('list items carry the numbers Word draws: "6." then "a." to "c." under it, then "7."', () => {
    const items = ['one', 'two', 'three', 'four', 'five', 'six'].map((t) => p(r(`item ${t} of the list, as a sentence.`), num(1, 0))).join('') +
      ['a', 'b', 'c'].map((t) => p(r(`part ${t} of six, as a sentence.`), num(1, 1))).join('') + p(r('item seven, as a sentence.'), num(1, 0));
    const raw = readWordml(textOf(docx(items)));
    expect(raw.paragraphs.filter((q) => q.list).map((q) => [q.list?.indent, q.list?.path])).toEqual([
      [0, [1]], [0, [2]], [0, [3]], [0, [4]], [0, [5]], [0, [6]], [1, [6, 1]], [1, [6, 2]], [1, [6, 3]], [0, [7]],
    ]);
  });

  it('a policy whose sections are Word list items (no Heading style): "6." then "a." to "c." under it, then "7."', async () => {
    const section = (n: number) => p(r(`Section ${['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'][n - 1]}`, '<w:b/>'), num(5, 0)) + p(r(`The text of section ${n}, in a sentence.`));
    const body = [1, 2, 3, 4, 5, 6].map(section).join('') +
      ['a', 'b', 'c'].map((t) => p(r(`Part ${t.toUpperCase()}`, '<w:b/>'), num(5, 1)) + p(r(`The text of part ${t}, in a sentence.`))).join('') + section(7);
    const doc = await imported(docx(body));
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(numberSections(headings, doc.numbering).map((n, i) => `${n.label} ${headings[i]?.runs.map((run) => run.text).join('')}`)).toEqual([
      '1. Section One', '2. Section Two', '3. Section Three', '4. Section Four', '5. Section Five', '6. Section Six',
      '6.1 Part A', '6.2 Part B', '6.3 Part C', '7. Section Seven',
    ]);
  });

  it('a list sharing a definition continues it, one with a start override starts there, a bullet level has no number', () => {
    const body = p(r('first, a sentence.'), num(1, 0)) + p(r('A paragraph between.')) + p(r('second, a sentence.'), num(1, 0)) + p(r('restarted, a sentence.'), num(2, 0)) + p(r('next, a sentence.'), num(2, 0));
    const raw = readWordml(textOf(docx(body)));
    expect(raw.paragraphs.filter((q) => q.list).map((q) => q.list?.path)).toEqual([[1], [2], [3], [4]]);
  });

  it('a heading whose numbering is switched off, among numbered headings, takes no number', async () => {
    const body = p(r('Scope'), style('Heading1') + num(5, 0)) + p(r('Text.')) + p(r('Summary'), style('Heading1') + num(0, 0)) + p(r('Text.')) + p(r('Data'), style('Heading1') + num(5, 0)) + p(r('Text.'));
    const doc = await imported(docx(body));
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => h.unnumbered ?? false)).toEqual([false, true, false]);
    expect(numberSections(headings, doc.numbering).map((n) => n.label)).toEqual(['1.', '', '2.']);
  });

  it('headings without any Word numbering are all numbered by the app', async () => {
    const doc = await imported(docx(p(r('Scope'), style('Heading1')) + p(r('Text.')) + p(r('Data'), style('Heading1')) + p(r('Text.'))));
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((h) => h.unnumbered ?? false)).toEqual([false, false]);
  });
});

function textOf(bytes: Uint8Array): (name: string) => string | undefined {
  const files = unzipSync(bytes);
  return (name) => (files[name] ? strFromU8(files[name] as Uint8Array) : undefined);
}
