import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { notePlaceholder, type PolicyDocument } from '../../model/document';
import { isTextBlock } from '../../model/block-runs';
import { generatedDocx } from '../../testing/generated-docx';
import { withReview } from '../../testing/review-docx';
import { seeded } from '../../testing/seeded-random';
import { importDocx, readWithMammoth } from '../docx';
import { markDocument } from '../docx-review/mark-document';
import { referencesAsLinks } from '../reference-field';
import type { RawDocument } from '../raw';
import { recoverStructure } from '../structure';
import { NotMine } from './not-mine';
import { readWordml } from './read';

/*
 * The reader of wordml/ against the way it replaces — mammoth's HTML read by html.ts — on the same bytes: the
 * fixtures, the generated bench document, its reviewed copy, hand-made documents with each construct the reader
 * follows, and seeded random documents mixing them. Each must give the same policy, block for block and run for run,
 * or be NotMine (and then importDocx gives mammoth's result).
 */

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

function textOf(bytes: Uint8Array): (name: string) => string | undefined {
  const files = unzipSync(bytes);
  return (name) => (files[name] ? strFromU8(files[name] as Uint8Array).replace(/^\uFEFF/, '') : undefined);
}

function structured(raw: RawDocument): PolicyDocument {
  let n = 0;
  return recoverStructure(raw, { fileName: 'same.docx', newId: () => `s-${String(++n).padStart(6, '0')}` });
}

/**
 * What mammoth's HTML cannot say, taken out of our reading before the two are compared: the numbers Word draws on its
 * list items (mammoth restarts every list) and which headings Word leaves without a number. Each is tested on its own
 * in wordml-shapes.test.ts; everything else — tables, notes, superscript and subscript included — must be the same.
 */
function asMammothSees(raw: RawDocument): RawDocument {
  for (const paragraph of raw.paragraphs) {
    delete paragraph.list?.path;
    delete paragraph.unnumbered;
  }
  return raw;
}

/**
 * A table with merged cells as words in reading order: our reader puts a continued vertical merge's empty cell where
 * Word's grid has it (a span counted in grid columns), mammoth's HTML leaves it to a rowspan, which html.ts places in
 * the HTML table's grid. In the tables Word writes the two are one grid; in odd ones (a continued cell narrower than
 * the cell it continues, a continued cell under no cell) they differ, so these are compared by their cells' words.
 */
function mergedTablesAsWords(doc: PolicyDocument): unknown {
  return {
    ...doc,
    blocks: doc.blocks.map((block) =>
      block.kind !== 'table' ? block : { ...block, rows: block.rows.flatMap((row) => row.cells.map((cell) => cell.runs).filter((runs) => runs.length > 0)) },
    ),
  };
}

async function expectSameAsMammoth(bytes: Uint8Array, compare: (doc: PolicyDocument) => unknown = (doc) => doc): Promise<void> {
  const ours = structured(asMammothSees(readWordml(textOf(bytes))));
  const theirs = structured(await readWithMammoth(bytes, 'same.docx'));
  expect(compare(ours)).toEqual(compare(theirs));
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Styles as Word and LibreOffice name them, ids that do not say what they are, and one Strong character style.
const STYLES = `${HEAD}<w:styles ${W}>${[
  ['Normal', 'Normal'], ['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['berschrift3', 'heading 3'],
  ['Kop4', 'Heading 4'], ['Heading', 'Heading'], ['TOC1', 'toc 1'], ['TOCHeading', 'TOC Heading'], ['ListBullet', 'List Bullet'],
  ['ListNumber2', 'List Number 2'], ['FootnoteText', 'footnote text'], ['Quote', 'Quote'], ['Heading6', 'Not a heading'],
].map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`).join('')}` +
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style><w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/></w:style>' +
  '<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>';

const level = (ilvl: number, format: string, style = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:lvlText w:val="%1."/></w:lvl>`;
// 1: bullets, 2: decimal, 3: mixed with list styles, 4: linked to the numbering style Outline (so to 3)
const NUMBERING = `${HEAD}<w:numbering ${W}>` +
  `<w:abstractNum w:abstractNumId="0">${[0, 1, 2, 3, 4, 5, 6].map((i) => level(i, 'bullet')).join('')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1">${[0, 1, 2, 3, 4, 5, 6].map((i) => level(i, 'decimal')).join('')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="2">${level(0, 'decimal', 'ListNumber2')}${level(1, 'bullet', 'ListBullet')}${level(2, 'lowerLetter')}</w:abstractNum>` +
  '<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="Outline"/></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num></w:numbering>';

const LINKS = `<Relationship Id="rIdWeb" Type="${REL}/hyperlink" Target="https://example.com/a?b=1&amp;c=2" TargetMode="External"/>` +
  `<Relationship Id="rIdMail" Type="${REL}/hyperlink" Target="mailto:dpo@example.com" TargetMode="External"/>` +
  `<Relationship Id="rIdBad" Type="${REL}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>` +
  `<Relationship Id="rIdFile" Type="${REL}/hyperlink" Target="file:///etc/passwd" TargetMode="External"/>` +
  `<Relationship Id="rIdImg" Type="${REL}/image" Target="media/image1.png"/>`;

function wordDocx(body: string, { styles = true, numbering = true, footnotes = '', endnotes = '' } = {}): Uint8Array {
  const rels = [
    styles ? `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` : '',
    numbering ? `<Relationship Id="rIdN" Type="${REL}/numbering" Target="/word/numbering.xml"/>` : '',
    footnotes ? `<Relationship Id="rIdF" Type="${REL}/footnotes" Target="footnotes.xml"/>` : '',
    endnotes ? `<Relationship Id="rIdE" Type="${REL}/endnotes" Target="notes/endnotes.xml"/>` : '',
    LINKS,
  ].join('');
  const separators = (tag: string) => `<w:${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:${tag}>`;
  const notes: Record<string, Uint8Array> = {};
  // each notes part with its own relationships, where its links are found
  const noteRels = strToU8(`${HEAD}<Relationships ${RELS}>${LINKS}</Relationships>`);
  if (footnotes) {
    notes['word/footnotes.xml'] = strToU8(`${HEAD}<w:footnotes ${W}>${separators('footnote')}${footnotes}</w:footnotes>`);
    notes['word/_rels/footnotes.xml.rels'] = noteRels;
  }
  if (endnotes) {
    notes['word/notes/endnotes.xml'] = strToU8(`${HEAD}<w:endnotes ${W}>${separators('endnote')}${endnotes}</w:endnotes>`);
    notes['word/notes/_rels/endnotes.xml.rels'] = noteRels;
  }
  return zipSync({
    '[Content_Types].xml': strToU8(`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    '_rels/.rels': strToU8(`${HEAD}<Relationships ${RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`${HEAD}<Relationships ${RELS}>${rels}</Relationships>`),
    ...(styles ? { 'word/styles.xml': strToU8(STYLES) } : {}),
    ...(numbering ? { 'word/numbering.xml': strToU8(NUMBERING) } : {}),
    ...notes,
    // a title first, so that what the case is about is never taken for the title (which loses its marks)
    'word/document.xml': strToU8(`${HEAD}<w:document ${W}><w:body><w:p><w:r><w:t>A Policy</w:t></w:r></w:p>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`),
  });
}

const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;
const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${t(text)}</w:r>`;
const p = (content: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const field = (instr: string, shown: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${shown}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const image = '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="P"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

describe('the WordprocessingML reader gives what mammoth and the HTML reader gave', () => {
  it.each(['heading-styles.docx', 'libreoffice.docx', 'list-numbered-bold.docx', 'numbered-headings.docx', 'run-in.docx'])('the fixture %s', async (name) => {
    await expectSameAsMammoth(fixture(name));
  });

  it('the generated document, and the same returned with tracked changes and comments (marked as the review import marks it)', async () => {
    const plain = await generatedDocx(60);
    await expectSameAsMammoth(plain);
    const { bytes: reviewed } = await withReview(plain);
    const files = unzipSync(reviewed);
    const marked = markDocument(strFromU8(files['word/document.xml'] as Uint8Array)).xml;
    await expectSameAsMammoth(zipSync({ ...files, 'word/document.xml': strToU8(marked) }));
  });

  it.each([
    ['styles by name and by id, Title, a table of contents dropped', p(r('Contents'), style('TOCHeading')) + p(r('1 Scope'), style('TOC1')) + p(r('The Policy'), style('Title')) + p(r('Scope'), style('Heading1')) + p(r('Who'), style('berschrift3')) + p(r('Four'), style('Kop4')) + p(r('Pages heading'), style('Heading')) + p(r('Named otherwise'), style('Heading6')) + p(r('A quote.'), style('Quote')) + p(r('Unknown style.'), style('Nope'))],
    ['bold, italic, underline and their "off" values, the Strong style', p(r('On ', '<w:b/>') + r('off ', '<w:b w:val="0"/>') + r('false ', '<w:i w:val="false"/>') + r('off-word ', '<w:b w:val="off"/>') + r('u-bare ', '<w:u/>') + r('u-none ', '<w:u w:val="none"/>') + r('u-single ', '<w:u w:val="single"/>') + r('strong ', '<w:rStyle w:val="Strong"/>') + r('emph', '<w:rStyle w:val="Emph"/><w:i/>') + r(' and so on, in a sentence.'))],
    ['lists: numPr levels 0–6, list styles, a numbering style link, a heading with numbering', [0, 1, 2, 3, 4, 5, 6].map((i) => p(r(`bullet ${i}`), num(1, i)) + p(r(`number ${i}`), num(2, i))).join('') + p(r('by style'), style('ListNumber2')) + p(r('by style bullet'), style('ListBullet')) + p(r('linked'), num(4, 1)) + p(r('Numbered heading'), style('Heading2') + num(2, 0)) + p(r('no level'), '<w:numPr><w:numId w:val="2"/></w:numPr>') + p(r('unknown num'), num(9, 0)) + p(r('footnote style'), style('FootnoteText') + num(2, 0))],
    ['hyperlinks: external, mailto, anchors, refused schemes, and a HYPERLINK field', p(r('See ') + `<w:hyperlink r:id="rIdWeb">${r('the site', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` + r(', ') + `<w:hyperlink r:id="rIdMail">${r('mail')}</w:hyperlink>` + `<w:hyperlink w:anchor="_Toc1">${r(' anchor')}</w:hyperlink>` + `<w:hyperlink r:id="rIdWeb" w:anchor="part">${r(' fragment')}</w:hyperlink>` + `<w:hyperlink r:id="rIdBad">${r(' bad')}</w:hyperlink><w:hyperlink r:id="rIdFile">${r(' file')}</w:hyperlink><w:hyperlink>${r(' none')}</w:hyperlink>`) + p(r('Field: ') + field(' HYPERLINK "https://example.org/x" \\o "tip" ', r('field link', '<w:b/>')) + r(' after') + field(' PAGE ', r('3')))],
    ['tabs, breaks (in a paragraph, a heading, a list item, the title), hyphens, carriage returns, fldSimple', p(r('A') + '<w:r><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:br w:type="page"/><w:t>D</w:t><w:cr/><w:t>E</w:t><w:noBreakHyphen/><w:softHyphen/></w:r>') + p('<w:r><w:t>Head</w:t><w:br/><w:t>ing</w:t></w:r>', style('Heading1')) + p('<w:r><w:t>item</w:t><w:br/><w:t>two lines</w:t></w:r>', num(2, 0)) + p('<w:r><w:t>Title</w:t><w:br/><w:t>Two</w:t></w:r>', style('Title')) + p(`${r('Simple ')}<w:fldSimple w:instr=" PAGE ">${r('9')}</w:fldSimple>`)],
    ['tables: cells with paragraphs and lists, a deleted row, a header row', `<w:tbl><w:tblPr><w:tblStyle w:val="T"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr>${p(r('Head cell'))}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:trPr><w:tc>${p(r('deleted row'))}</w:tc></w:tr><w:tr><w:tc>${p(r('one'), num(1, 0))}${p(r('two'), num(1, 1))}</w:tc><w:tc>${p(r('Cell heading'), style('Heading2'))}</w:tc></w:tr></w:tbl>` + p(r('After the table'), num(1, 1))],
    ['vertically merged and spanning cells (a continued cell empty, what it holds dropped), in a content control, nested', `<w:tbl><w:tblGrid/><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p(r('Retention'))}</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p(r('Two wide'))}</w:tc><w:tc>${p(r('Last'))}</w:tc></w:tr><w:sdt><w:sdtContent><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p(r('continued, dropped'))}</w:tc><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr>${p(r('no cell started here: kept'))}</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p(r('under Two wide: kept'))}</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:tbl><w:tr><w:tc>${p(r('nested, dropped'))}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:sdtContent></w:sdt><w:tr><w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr>${p(r('odd span'))}</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p(r('after an odd span'))}</w:tc></w:tr></w:tbl>`],
    ['content controls, smart tags, custom XML, insertions, deletions, moves, bookmarks, comments, images', `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${p(r('In a control'))}</w:sdtContent></w:sdt>` + p(`<w:bookmarkStart w:id="0" w:name="b"/><w:smartTag w:uri="u" w:element="e">${r('smart')}</w:smartTag><w:customXml w:element="c">${r(' custom')}</w:customXml><w:ins w:id="1" w:author="A">${r(' inserted')}</w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>gone</w:delText></w:r></w:del><w:moveFrom w:id="3">${r(' moved away')}</w:moveFrom><w:moveTo w:id="4">${r(' moved here')}</w:moveTo><w:commentRangeStart w:id="5"/>${r(' commented')}<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>${image}<w:bookmarkEnd w:id="0"/><w:sdt><w:sdtContent>${r(' inline control')}</w:sdtContent></w:sdt>`) + p(r('hidden') + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>vanished</w:t></w:r><w:proofErr w:type="spellStart"/>' + r('ok') + '<w:ruby><w:rubyBase>' + r('base') + '</w:rubyBase></w:ruby><w:dir w:val="rtl">' + r('rtl') + '</w:dir>')],
    ['white space, entities, empty and blank paragraphs, a paragraph whose mark was deleted', p(r('  ', '<w:b/>') + r(' lead', '<w:b/>') + r('\t&amp;&lt;&gt;&quot;&apos;&#x2019;&#8212;')) + p('') + p(r('   ')) + p('<w:r><w:t/></w:r>') + p(r('joined '), '<w:rPr><w:del w:id="7" w:author="A"/></w:rPr>') + p(r('to this one'), style('Heading1')) + p(r('last, deleted mark'), '<w:rPr><w:del w:id="8" w:author="A"/></w:rPr>') + p(r('Real end.'))],
  ])('%s', async (what, body) => {
    await expectSameAsMammoth(wordDocx(body), what.startsWith('vertically merged') ? mergedTablesAsWords : undefined);
  });

  it('footnotes and endnotes: note runs holding the notes\' text (mammoth\'s list of notes read as notes), with headings, lists, breaks and tables in them', async () => {
    const fn = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const en = (id: number) => `<w:r><w:rPr><w:b/></w:rPr><w:endnoteReference w:id="${id}"/></w:r>`;
    const footnotes =
      `<w:footnote w:id="1">${p('<w:r><w:footnoteRef/></w:r>' + r(' The first note.'), style('FootnoteText'))}${p(r('Its second paragraph.'))}</w:footnote>` +
      `<w:footnote w:id="2">${p(r('A heading first'), style('Heading2'))}${p(r('then the item.'))}${p(r('a list in it'), num(1, 0))}</w:footnote>` +
      `<w:footnote w:id="3">${p(r('listed') + '<w:r><w:br/><w:t>broken</w:t></w:r>', num(2, 1))}${p('<w:r><w:t>plain</w:t><w:br/><w:t>broken</w:t></w:r>')}</w:footnote>` +
      `<w:footnote w:id="4"><w:tbl><w:tr><w:tc>${p(r('in a table cell'))}</w:tc></w:tr></w:tbl>${p(r('Title in a note'), style('Title'))}</w:footnote>` +
      `<w:footnote w:id="5">${p('')}</w:footnote>`;
    const endnotes = `<w:endnote w:id="1">${p(r('An endnote, ') + r('in bold', '<w:b/>') + r('.'))}</w:endnote>`;
    const body =
      p(r('Notes are kept') + fn(1) + r(' and counted') + en(1) + r(' in order.')) +
      p(r('Contents') + fn(5), style('TOC1')) +
      p(r('Scope') + fn(2), style('Heading1')) +
      p(r('Again the first') + fn(1) + fn(3) + r(', then the fourth') + fn(4) + r('.')) +
      p(r('A list item with a note') + fn(5), num(2, 0));
    await expectSameAsMammoth(wordDocx(body, { footnotes, endnotes }));
  });

  it('without styles.xml or numbering.xml', async () => {
    const body = p(r('Scope'), style('Heading1')) + p(r('item'), num(1, 0)) + p(r('Title?'), style('Title'));
    await expectSameAsMammoth(wordDocx(body, { styles: false, numbering: false }));
  });

  it('seeded random documents mixing all of the above', async () => {
    const random = seeded(2126);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const words = ['Scope', 'the', 'Data', ' ', '  ', '\t', 'shall', 'Privacy Policy', '1.', '2.1', '(a)', 'Effective Date: 1 May 2024', 'Questions.', 'A', '&amp;', '&#xA0;', 'é'];
    const runProps = ['', '', '<w:b/>', '<w:i/>', '<w:u w:val="single"/>', '<w:b/><w:i/>', '<w:rStyle w:val="Strong"/>', '<w:b w:val="0"/>'];
    const paragraphProps = ['', '', '', style('Heading1'), style('Heading2'), style('berschrift3'), style('Title'), style('Quote'), num(1, 0), num(2, 0), num(2, 1), num(1, 2), num(3, 0), style('ListBullet')];
    const inline = (): string => {
      const kind = random();
      const text = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words)).join(random() < 0.7 ? ' ' : '');
      if (kind < 0.7) return r(text, pick(runProps));
      if (kind < 0.78) return `<w:r><w:t>${text}</w:t><w:br/><w:t>${pick(words)}</w:t></w:r>`;
      if (kind < 0.86) return `<w:hyperlink r:id="${pick(['rIdWeb', 'rIdMail', 'rIdBad'])}">${r(text, pick(runProps))}</w:hyperlink>`;
      if (kind < 0.92) return field(' HYPERLINK "https://example.net/f" ', r(text));
      if (kind < 0.96) return `<w:r>${pick(['', '<w:rPr><w:b/></w:rPr>'])}<w:${pick(['footnote', 'endnote'])}Reference w:id="${1 + Math.floor(random() * 3)}"/></w:r>`;
      return `<w:r><w:tab/></w:r>${r(text)}`;
    };
    const paragraph = () => p(Array.from({ length: 1 + Math.floor(random() * 4) }, inline).join(''), pick(paragraphProps));
    for (let round = 0; round < 25; round++) {
      const blocks: string[] = [];
      for (let i = 0; i < 4 + Math.floor(random() * 16); i++) {
        const kind = random();
        if (kind < 0.85) blocks.push(paragraph());
        else if (kind < 0.93) blocks.push(`<w:tbl><w:tr><w:tc>${paragraph()}${paragraph()}</w:tc><w:tc>${paragraph()}</w:tc></w:tr></w:tbl>`);
        else blocks.push(`<w:sdt><w:sdtContent>${paragraph()}</w:sdtContent></w:sdt>`);
      }
      // notes made of the same paragraphs (without references of their own, which mammoth would number but not list)
      const note = (tag: string, id: number) => `<w:${tag} w:id="${id}">${Array.from({ length: 1 + Math.floor(random() * 3) }, paragraph).join('').replace(/<w:r>(?:<w:rPr><w:b\/><\/w:rPr>)?<w:(?:footnote|endnote)Reference w:id="\d"\/><\/w:r>/g, '')}</w:${tag}>`;
      const footnotes = [1, 2, 3].map((id) => note('footnote', id)).join('');
      const endnotes = [1, 2, 3].map((id) => note('endnote', id)).join('');
      const bytes = wordDocx(blocks.join(''), { footnotes, endnotes });
      let ours: PolicyDocument | string;
      let theirs: PolicyDocument | string;
      try {
        ours = structured(asMammothSees(readWordml(textOf(bytes))));
      } catch (error) {
        ours = (error as Error).message;
      }
      try {
        theirs = structured(await readWithMammoth(bytes, 'same.docx'));
      } catch (error) {
        theirs = (error as Error).message;
      }
      expect({ round, result: ours }).toEqual({ round, result: theirs });
    }
  });
});

describe('what the reader leaves to mammoth', () => {
  it.each([
    ['a reference to a footnote that is not there', p(r('Text') + '<w:r><w:footnoteReference w:id="1"/></w:r>')],
    ['a symbol', p('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')],
    ['a text box', p('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>' + p(r('boxed')) + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')],
    ['merged cells in a table with a bookmark among its rows', `<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p(r('a'))}</w:tc></w:tr><w:bookmarkStart w:id="3" w:name="mark"/><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p(r('b'))}</w:tc></w:tr></w:tbl>`],
    ['a checkbox', `<w:sdt><w:sdtPr><w14:checkbox/></w:sdtPr><w:sdtContent>${p(r('☐ agree'))}</w:sdtContent></w:sdt>`],
    ['malformed XML', '<w:p><w:r><w:t>unclosed</w:r></w:p>'],
  ])('%s: NotMine, and importDocx gives what mammoth gives', async (_what, body) => {
    const bytes = wordDocx(p(r('Policy on Things')) + body + p(r('The end of it, in a sentence.')));
    expect(() => readWordml(textOf(bytes))).toThrow(NotMine);
    let n = 0;
    const imported = await importDocx(bytes, { fileName: 'same.docx', newId: () => `s-${String(++n).padStart(6, '0')}` }).catch((error: Error) => error.message);
    const theirs = await readWithMammoth(bytes, 'same.docx').then(structured, (error: Error) => error.message);
    expect(imported).toEqual(theirs);
  });
});

describe('a returned file with footnotes', () => {
  it('tracked changes beside a footnote: the marked document read as mammoth reads it, the review applied to it', async () => {
    const footnotes = `${HEAD}<w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>See the annex.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const body =
      p(r('Returned Policy'), style('Title')) +
      p(r('We keep records') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + '<w:ins w:id="1" w:author="Rita Reviewer" w:date="2026-01-02T10:00:00Z">' + r(' for six years') + '</w:ins>' + r(', then delete them.'));
    const files = unzipSync(wordDocx(body));
    files['word/footnotes.xml'] = strToU8(footnotes);
    files['word/_rels/document.xml.rels'] = strToU8(
      strFromU8(files['word/_rels/document.xml.rels'] as Uint8Array).replace('</Relationships>', `<Relationship Id="rIdF" Type="${REL}/footnotes" Target="footnotes.xml"/></Relationships>`),
    );
    const bytes = zipSync(files);
    const marked = markDocument(strFromU8(files['word/document.xml'] as Uint8Array)).xml;
    const markedBytes = zipSync({ ...files, 'word/document.xml': strToU8(marked) });
    expect(structured(asMammothSees(readWordml(textOf(bytes), marked)))).toEqual(structured(await readWithMammoth(markedBytes, 'same.docx')));
    let n = 0;
    const doc = await importDocx(bytes, { fileName: 'returned.docx', newId: () => `s-${String(++n).padStart(6, '0')}`, importedAt: '2026-01-03T00:00:00Z' });
    const sentence = doc.blocks.filter(isTextBlock).find((b) => b.runs.some((run) => run.text.includes('We keep records')));
    expect(sentence?.runs.map((run) => [run.text, run.ins?.by ?? null])).toEqual([
      ['We keep records', null],
      [notePlaceholder(doc.notes?.[0]?.id ?? ''), null],
      [' for six years', 'Rita Reviewer'],
      [', then delete them.', null],
    ]);
    expect(doc.notes?.map((note) => note.runs.map((run) => run.text).join(''))).toEqual(['See the annex.']);
  });
});

describe('odd nesting', () => {
  it('seeded random trees of the elements the reader knows: where it answers, it answers as mammoth does', async () => {
    const random = seeded(4711);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const containers = ['w:p', 'w:r', 'w:hyperlink', 'w:tbl', 'w:tr', 'w:tc', 'w:tc', 'w:tr', 'w:tcPr', 'w:sdt', 'w:sdtContent', 'w:ins', 'w:del', 'w:smartTag', 'w:pPr', 'w:rPr', 'w:numPr', 'w:trPr', 'w:customXml', 'w:moveTo'];
    const leaves = [
      '<w:t xml:space="preserve"> Word </w:t>', '<w:t>Clause</w:t>', '<w:br/>', '<w:tab/>', '<w:b/>', '<w:i w:val="0"/>', '<w:u w:val="single"/>',
      '<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="Title"/>', '<w:ilvl w:val="1"/>', '<w:numId w:val="2"/>', '<w:del w:id="1"/>',
      '<w:fldChar w:fldCharType="begin"/>', '<w:instrText> HYPERLINK "https://example.com/f" </w:instrText>', '<w:fldChar w:fldCharType="separate"/>',
      '<w:fldChar w:fldCharType="end"/>', '<w:bookmarkStart w:id="0" w:name="x"/>', '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>',
      '<w:bookmarkStart w:id="1" w:name="_GoBack"/>', '<w:bookmarkEnd w:id="0"/>',
    ];
    const attributesOf = (name: string) => (name === 'w:hyperlink' ? pick([' r:id="rIdWeb"', ' w:anchor="a"', '']) : '');
    const tree = (depth: number): string => {
      if (depth === 0 || random() < 0.3) return pick(leaves);
      const name = pick(containers);
      const children = Array.from({ length: 1 + Math.floor(random() * 3) }, () => tree(depth - 1)).join('');
      return `<${name}${attributesOf(name)}>${children}</${name}>`;
    };
    let answered = 0;
    for (let round = 0; round < 160; round++) {
      const body = Array.from({ length: 2 + Math.floor(random() * 4) }, () => tree(5)).join('') + p(r('A closing sentence of the policy.'));
      const bytes = wordDocx(body);
      let ours: RawDocument;
      try {
        ours = asMammothSees(readWordml(textOf(bytes)));
      } catch (error) {
        if (!(error instanceof NotMine)) throw new Error(`round ${round}: ${String(error)} for ${body}`);
        continue;
      }
      answered++;
      const mine = (() => {
        try {
          return structured(ours);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const theirs = await readWithMammoth(bytes, 'same.docx').then(structured).catch((error: Error) => error.message);
      expect({ round, body, result: mine }).toEqual({ round, body, result: theirs });
    }
    // most of them are shapes a real document never has, and NotMine: enough must still be answered to mean something
    expect(answered).toBeGreaterThan(20);
  });
});

describe('merged table cells', () => {
  it('seeded random tables with cells merged down and across, rows in content controls, bookmarks and nested tables', async () => {
    const random = seeded(90210);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    let cellNumber = 0;
    const cell = (depth: number): string => {
      const props = [pick(['', '', '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>']), pick(['', '', '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>'])].join('');
      const inner = depth > 0 && random() < 0.15 ? table(depth - 1) : '';
      return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(r(`cell ${++cellNumber}`))}${inner}</w:tc>`;
    };
    const row = (depth: number) => {
      const tr = `<w:tr>${Array.from({ length: 1 + Math.floor(random() * 4) }, () => cell(depth)).join('')}</w:tr>`;
      return random() < 0.15 ? `<w:sdt><w:sdtContent>${tr}</w:sdtContent></w:sdt>` : tr;
    };
    const table = (depth: number): string => {
      const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () => row(depth));
      if (random() < 0.15) rows.splice(1, 0, pick(['<w:bookmarkStart w:id="9" w:name="_GoBack"/>', '<w:bookmarkStart w:id="8" w:name="here"/>', '<w:bookmarkEnd w:id="8"/>']));
      return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
    };
    let answered = 0;
    for (let round = 0; round < 60; round++) {
      const bytes = wordDocx(p(r('Retention schedule, as follows.')) + table(2) + p(r('The end of the schedule, in a sentence.')));
      let ours: RawDocument;
      try {
        ours = asMammothSees(readWordml(textOf(bytes)));
      } catch (error) {
        if (!(error instanceof NotMine)) throw error;
        continue;
      }
      answered++;
      const theirs = await readWithMammoth(bytes, 'same.docx');
      expect({ round, result: mergedTablesAsWords(structured(ours)) }).toEqual({ round, result: mergedTablesAsWords(structured(theirs)) });
    }
    expect(answered).toBeGreaterThan(40);
  });
});

describe('cross-references: Word REF fields to a heading’s bookmark', () => {
  const bookmark = (name: string, id: number) => `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`;
  const body =
    p(r('Contents'), style('TOCHeading')) +
    p(bookmark('_TocEntry', 1) + r('1 Scope'), style('TOC1')) +
    p(bookmark('_Toc_s_scope', 2) + r('Scope') + '<w:bookmarkEnd w:id="2"/>', style('Heading1')) +
    bookmark('_Ref_between', 3) +
    p(r('Access'), style('Heading2')) +
    p(
      r('As Section ') + field(' REF _Toc_s_scope \\r \\h ', r('1')) + r(' says; see ') + field(' REF _Ref_between \\n ', r('1.1')) +
        r(' (') + field(' REF _Ref_between \\h ', r('Access')) + r('), ') + field(' REF _Toc_s_scope \\w ', r('1')) +
        r(', ') + field(' REF _Missing \\r \\h ', r('9')) + r(', ') + field(' PAGEREF _Toc_s_scope \\h ', r('3')) + r(' and ') +
        field(' REF _TocEntry \\r ', r('7')) + r('.'),
    );

  it('become references to those sections, the same through wordml/ and through mammoth on the rewritten XML', async () => {
    const bytes = wordDocx(body);
    const ours = structured(asMammothSees(readWordml(textOf(bytes))));
    const files = unzipSync(bytes);
    const linked = referencesAsLinks(strFromU8(files['word/document.xml'] as Uint8Array));
    expect(linked).toBeDefined();
    const theirs = structured(await readWithMammoth(zipSync({ ...files, 'word/document.xml': strToU8(linked as string) }), 'same.docx'));
    expect(ours).toEqual(theirs);
    const headings = new Map(ours.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.runs.map((run) => run.text).join(''), b.id] as const] : [])));
    const sentence = ours.blocks.filter(isTextBlock).find((b) => b.runs.some((run) => run.text.includes('As Section')));
    // A number REF (\r, \n, \w) to a heading's bookmark is a reference (with the title REF after it, one showing the
    // title); a page number, a REF to no bookmark or to a paragraph left out (a table of contents' entry) keep their text.
    const refs = sentence?.runs.filter((run) => run.ref !== undefined).map((run) => [run.ref, run.refTitle === true]);
    expect(refs).toEqual([[headings.get('Scope'), false], [headings.get('Access'), true], [headings.get('Scope'), false]]);
    expect(sentence?.runs.map((run) => run.text).join('')).toContain(', 9, 3 and 7.');
  });

  it('importDocx reads them through wordml/ and, when a construct sends the file to mammoth, through mammoth', async () => {
    // A symbol (w:sym) is one of the constructs wordml/ leaves to mammoth.
    const symbol = '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>';
    for (const extra of ['', symbol]) {
      const files = unzipSync(wordDocx(body.replace('<w:t xml:space="preserve">.</w:t></w:r>', `<w:t xml:space="preserve">.</w:t></w:r>${extra}`)));
      if (extra) expect(() => readWordml(textOf(zipSync(files)))).toThrow(NotMine);
      const doc = await importDocx(zipSync(files), { fileName: 'refs.docx' });
      const sentence = doc.blocks.filter(isTextBlock).find((b) => b.runs.some((run) => run.text.includes('As Section')));
      expect(sentence?.runs.filter((run) => run.ref !== undefined)).toHaveLength(3);
    }
  });
});
