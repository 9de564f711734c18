import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type NumberingStyle, type PolicyDocument } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { prepareDocument, type ExportTable } from './prepare';
import { NOTE_TEXTS, PLAIN_TABLE, RETENTION_TABLE, format4Policy, note, unnumbered } from './format4-test-documents';

const VARIABLES = { company_name: 'Northwind' };

// The labels of Definitions, Scope and Your rights in each style, with "Summary" and "Contact us" (no number) between.
const LABELS: Readonly<Record<NumberingStyle, readonly string[]>> = {
  decimal: ['1.', '1.1', '2.'],
  'letter-decimal': ['A.', '1.', 'B.'],
  'article-section': ['Article I', 'Section 1.01', 'Article II'],
  'section-sign': ['§ 1', '§ 1.1', '§ 2'],
};
const STYLES = Object.keys(LABELS) as NumberingStyle[];

async function docxParts(d: PolicyDocument): Promise<Record<string, string>> {
  const files = unzipSync(await exportDocx(d, { variables: VARIABLES }));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('the format 4 test documents', () => {
  it('are valid documents', () => {
    for (const style of STYLES) expect(() => PolicyDocumentSchema.parse(format4Policy(style))).not.toThrow();
  });
});

describe('prepareDocument: format 4', () => {
  it('numbers footnotes by their marks in reading order (a table cell counts where it stands), not as stored', () => {
    const prepared = prepareDocument(format4Policy());
    expect(prepared.notes.map((n) => [n.number, n.runs.map((r) => r.text).join('')])).toEqual([
      [1, NOTE_TEXTS['n-bravo0002']],
      [2, NOTE_TEXTS['n-charlie03']],
      [3, NOTE_TEXTS['n-alpha0001']],
    ]);
  });

  it('counts the mark of a moved block where it went, not at its old place', () => {
    const move = { id: 'c-move0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
    const moved = (kind: 'move-from' | 'move-to'): Block => ({ kind: 'paragraph', change: { ...move, kind }, runs: [{ text: 'Moved' }, note('n-moved0001')] });
    const d = policy([moved('move-from'), p('First', note('n-first0001')), moved('move-to')], {
      notes: [
        { id: 'n-moved0001', runs: [{ text: 'moved note' }] },
        { id: 'n-first0001', runs: [{ text: 'first note' }] },
      ],
    });
    expect(prepareDocument(d).notes.map((n) => [n.id, n.number])).toEqual([
      ['n-first0001', 1],
      ['n-moved0001', 2],
    ]);
  });

  it.each(STYLES)('gives a heading that takes no number no label, and the numbered ones count past it (%s)', (style) => {
    const headings = prepareDocument(format4Policy(style)).headings;
    expect(headings.map((heading) => [heading.text, heading.label, heading.unnumbered ?? false])).toEqual([
      ['Summary', '', true],
      ['Definitions', LABELS[style][0], false],
      ['Scope', LABELS[style][1], false],
      ['Contact us', '', true],
      ['Your rights', LABELS[style][2], false],
    ]);
  });

  it('prepares a table: header flag, caption, and each cell resolved as a paragraph is', () => {
    const table = prepareDocument(format4Policy(), VARIABLES).blocks.find((b): b is ExportTable => b.kind === 'table');
    expect(table?.header).toBe(true);
    expect(table?.caption?.map((r) => [r.text, r.bold])).toEqual([
      ['Retention ', false],
      ['periods', true],
    ]);
    const text = table?.rows.map((row) => row.map((cell) => cell.map((r) => r.text).join('')));
    expect(text).toEqual([
      ['Data', 'Kept for'],
      ['Account data of Northwind', 'As 2 says'],
      ['Logs | audit', '30 days2'],
      ['Backups', 'One year\nthen erased'],
    ]);
    expect(table?.rows[2]?.[1]?.[1]?.note).toEqual({ id: 'n-charlie03', number: 2 });
  });
});

describe('exportHtml: format 4', () => {
  const html = exportHtml(format4Policy(), { variables: VARIABLES });

  it('writes a table with its caption, a header row of column headers and a body', () => {
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(table).toContain('<caption>Retention <strong>periods</strong></caption>');
    expect(table).toContain('<thead>\n<tr><th scope="col">Data</th><th scope="col">Kept for</th></tr>\n</thead>');
    expect(table).toContain('<tr><td>Account data of Northwind</td><td>As <a href="#s-rights001">2</a> says</td></tr>');
    expect(table).toContain('<td><em>Backups</em></td><td>One year<br>\nthen erased</td>');
    expect(table).toContain('<td>Logs | audit</td>');
  });

  it('writes a table without a header row without <thead> or <caption>', () => {
    const plain = exportHtml(policy([PLAIN_TABLE]));
    expect(plain).toContain('<table>\n<tbody>\n<tr><td>Alpha</td><td>Beta</td></tr>\n<tr><td>Gamma</td><td>Delta</td></tr>\n</tbody>\n</table>');
    expect(plain).not.toContain('<thead>');
    expect(plain).not.toContain('<caption>');
  });

  it.each(STYLES)('writes a heading that takes no number without one, keeping its anchor, in the text and the contents (%s)', (style) => {
    const page = exportHtml(format4Policy(style));
    expect(page).toContain('<h2 id="s-summary01">Summary</h2>');
    expect(page).toContain('<h2 id="s-contact01">Contact us</h2>');
    expect(page).toContain(`<h2 id="s-rights001"><span class="section-number">${LABELS[style][2]}</span> Your rights</h2>`);
    expect(page).toContain('<li><a href="#s-summary01">Summary</a>');
    expect(page).toContain(`<li><a href="#s-defs00001"><span class="section-number">${LABELS[style][0]}</span> Definitions</a>`);
    // A reference to it shows its title.
    expect(page).toContain('<a href="#s-contact01">Contact us</a>');
  });

  it('marks footnotes 1, 2, 3 in reading order, linked both ways, with the notes at the end in that order', () => {
    const marks = [...html.matchAll(/<sup class="footnote-ref"><a href="#fn-(\d)" id="fnref-(\d)" role="doc-noteref">(\d)<\/a><\/sup>/g)];
    expect(marks.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['1', '1', '1'],
      ['2', '2', '2'],
      ['3', '3', '3'],
    ]);
    const notes = html.slice(html.indexOf('<section class="footnotes" role="doc-endnotes"'));
    expect(notes.indexOf('</table>')).toBe(-1);
    const items = [...notes.matchAll(/<li id="fn-(\d)">(.*?) <a href="#fnref-(\d)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(items).toEqual([
      ['1', NOTE_TEXTS['n-bravo0002'], '1'],
      ['2', NOTE_TEXTS['n-charlie03'], '2'],
      ['3', NOTE_TEXTS['n-alpha0001'], '3'],
    ]);
  });

  it('writes superscript and subscript as <sup> and <sub>', () => {
    expect(html).toContain('<p>E = mc<sup>2</sup> and H<sub>2</sub>O.</p>');
  });

  it('writes no footnotes section for a document without notes', () => {
    expect(exportHtml(policy([p('Plain.')]))).not.toContain('<section class="footnotes"');
  });
});

describe('exportMarkdown: format 4', () => {
  const md = exportMarkdown(format4Policy(), { variables: VARIABLES });

  it('writes a table with a header row as a pipe table, its caption an italic paragraph right above it', () => {
    expect(md).toContain(
      [
        '*Retention* ***periods***',
        '',
        '| Data | Kept for |',
        '| --- | --- |',
        '| Account data of Northwind | As [2](<#s-rights001>) says |',
        '| Logs \\| audit | 30 days[^2] |',
        '| *Backups* | One year<br>then erased |',
      ].join('\n'),
    );
  });

  it('writes a table without a header row under an empty header row, every row in the body', () => {
    expect(exportMarkdown(policy([PLAIN_TABLE]))).toContain(['|   |   |', '| --- | --- |', '| Alpha | Beta |', '| Gamma | Delta |'].join('\n'));
  });

  it('percent-encodes a pipe in a link address, which would otherwise end the cell', () => {
    const linked = policy([{ kind: 'table', rows: [{ cells: [{ runs: [{ text: 'here', link: 'https://example.com/a|b' }] }] }] }]);
    expect(exportMarkdown(linked)).toContain('| [here](<https://example.com/a%7Cb>) |');
  });

  it.each(STYLES)('writes a heading that takes no number without one, the numbered ones with theirs (%s)', (style) => {
    const text = exportMarkdown(format4Policy(style));
    expect(text).toMatch(/^## Summary$/m);
    expect(text).toMatch(/^## Contact us <a id="s-contact01"><\/a>$/m);
    expect(text).toMatch(new RegExp(`^## ${LABELS[style][0].replace('.', '\\.')} Definitions <a id="s-defs00001"></a>$`, 'm'));
    expect(text).toMatch(new RegExp(`^## ${LABELS[style][2].replace('.', '\\.')} Your rights <a id="s-rights001"></a>$`, 'm'));
  });

  it('writes footnote marks as [^N] in reading order and their definitions at the end', () => {
    expect(md).toContain('This policy explains what we do[^1].');
    expect(md).toContain('[Contact us](<#s-contact01>)[^3].');
    expect(md.trimEnd().split('\n').slice(-3)).toEqual([
      `[^1]: ${NOTE_TEXTS['n-bravo0002']}`,
      `[^2]: ${NOTE_TEXTS['n-charlie03']}`,
      `[^3]: ${NOTE_TEXTS['n-alpha0001']}`,
    ]);
  });

  it('writes superscript and subscript as <sup> and <sub>', () => {
    expect(md).toContain('E = mc<sup>2</sup> and H<sub>2</sub>O.');
  });
});

describe('exportDocx: format 4', () => {
  it('writes a table with a caption paragraph above, a grid, and the header row marked to repeat', async () => {
    const xml = (await docxParts(format4Policy()))['word/document.xml'] ?? '';
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    const [retention, plain] = tables as [string, string];
    expect(xml.slice(0, xml.indexOf(retention))).toMatch(/<w:p><w:pPr><w:pStyle w:val="Caption"\/><w:keepNext\/><\/w:pPr>(<w:r>.*?<\/w:r>)+<\/w:p>$/);
    expect(retention.match(/<w:gridCol /g)).toHaveLength(2);
    const rows = retention.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(RETENTION_TABLE.rows.length);
    expect(rows.map((row) => row.includes('<w:tblHeader/>'))).toEqual([true, false, false, false]);
    expect(plain).not.toContain('<w:tblHeader/>');
    // A cell's text goes through the same run writer: a reference field, a footnote reference, a line break.
    expect(rows[1]).toContain('REF _Toc_s_rights001');
    expect(rows[2]).toContain('<w:footnoteReference w:id="2"/>');
    expect(rows[3]).toContain('<w:br/>');
    // Word ends the body with a paragraph, also after a table.
    expect(xml).toMatch(/<\/w:tbl><w:p\/><w:sectPr/);
  });

  it.each(STYLES)('writes a heading that takes no number in its Heading style with numbering switched off (%s)', async (style) => {
    const xml = (await docxParts(format4Policy(style)))['word/document.xml'] ?? '';
    const paragraph = (title: string) => /<w:p>(?:(?!<w:p>).)*$/.exec(xml.slice(0, xml.indexOf(`>${title}</w:t>`, xml.indexOf('</w:sdt>'))))?.[0] ?? '';
    for (const title of ['Summary', 'Contact us']) {
      expect(paragraph(title)).toContain('<w:pStyle w:val="Heading1"/>');
      expect(paragraph(title)).toContain('<w:numId w:val="0"/>');
    }
    for (const title of ['Definitions', 'Your rights']) {
      expect(paragraph(title)).toContain('<w:pStyle w:val="Heading1"/>');
      expect(paragraph(title)).toMatch(/<w:numId w:val="[1-9]\d*"\/>/);
    }
  });

  it('writes footnotes as Word footnotes: references in reading order, a footnotes part with Word separators', async () => {
    const parts = await docxParts(format4Policy());
    const body = parts['word/document.xml'] ?? '';
    expect([...body.matchAll(/<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="(\d+)"\/><\/w:r>/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    const notes = parts['word/footnotes.xml'] ?? '';
    expect(notes).toContain('<w:footnote w:type="separator" w:id="-1">');
    expect(notes).toContain('<w:footnote w:type="continuationSeparator" w:id="0">');
    const footnotes = [...notes.matchAll(/<w:footnote w:id="(\d+)"><w:p><w:pPr><w:pStyle w:val="FootnoteText"\/><\/w:pPr>.*?<w:footnoteRef\/>.*?<w:t xml:space="preserve">([^<]+)<\/w:t><\/w:r><\/w:p><\/w:footnote>/g)];
    expect(footnotes.map((m) => [m[1], m[2]])).toEqual([
      ['1', NOTE_TEXTS['n-bravo0002']],
      ['2', NOTE_TEXTS['n-charlie03']],
      ['3', NOTE_TEXTS['n-alpha0001']],
    ]);
    expect(parts['[Content_Types].xml']).toContain('PartName="/word/footnotes.xml"');
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="footnotes.xml"');
    expect(parts['word/styles.xml']).toMatch(/w:styleId="FootnoteReference"/);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="FootnoteText"/);
  });

  it('writes superscript and subscript as w:vertAlign', async () => {
    const xml = (await docxParts(format4Policy()))['word/document.xml'] ?? '';
    expect(xml).toContain('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">2</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t xml:space="preserve">2</w:t></w:r>');
  });

  it('writes a reference to a heading that takes no number as a field showing its title', async () => {
    const xml = (await docxParts(format4Policy()))['word/document.xml'] ?? '';
    expect(xml).toContain('REF _Toc_s_contact01 \\h ');
    expect(xml).not.toContain('REF _Toc_s_contact01 \\r');
  });

  it('keeps two tables in a row apart, as Word would join them', async () => {
    const xml = (await docxParts(policy([h(1, 's-only00001', 'Only'), PLAIN_TABLE, PLAIN_TABLE])))['word/document.xml'] ?? '';
    expect(xml).toContain('</w:tbl><w:p></w:p><w:tbl>');
  });

  it('writes no footnotes of ours for a document without notes', async () => {
    const parts = await docxParts(policy([unnumbered(1, 's-alone0001', 'Alone'), p('Text.')]));
    expect(parts['word/footnotes.xml'] ?? '').not.toContain('<w:footnote w:id="1">');
  });
});

describe('exportDocx: format 4 under review', () => {
  const ana = { id: 'c-ana00001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
  const reviewed = (): PolicyDocument =>
    PolicyDocumentSchema.parse(
      policy(
        [
          h(1, 's-one000001', 'One'),
          {
            kind: 'table',
            change: { ...ana, kind: 'insert' },
            caption: [{ text: 'New table', ins: ana }],
            rows: [{ cells: [{ runs: [{ text: 'A', ins: ana }] }, { runs: [{ text: 'B', ins: ana, comments: ['k-cell00001'] }] }] }],
          },
          p('Text', { ...note('n-note000001'), ins: ana }),
        ],
        {
          comments: [{ id: 'k-cell00001', by: 'Ben', at: '2026-12-04T11:00:00Z', text: 'On a cell' }],
          notes: [{ id: 'n-note000001', runs: [{ text: 'old', del: ana }, { text: 'new', ins: ana }] }],
        },
      ),
    );

  it('tracks a table suggested in row by row, its caption paragraph and its text, and anchors a comment in a cell', async () => {
    const xml = (await docxParts(reviewed()))['word/document.xml'] ?? '';
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/><w:keepNext\/><w:rPr><w:ins w:id="\d+" w:author="Ana"/);
    expect(xml).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:ins w:id="\d+" w:author="Ana" w:date="2026-12-04T10:00:00Z"\/><\/w:trPr>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Ana" w:date="2026-12-04T10:00:00Z"><w:r><w:t xml:space="preserve">A<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/><w:ins [^>]*><w:r><w:t xml:space="preserve">B<\/w:t><\/w:r><\/w:ins><w:commentRangeEnd w:id="0"\/>/);
    // Every tracked change has an id of its own.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tracks a footnote mark suggested in, and the suggestions in a note’s text, with ids after the body’s', async () => {
    const parts = await docxParts(reviewed());
    const body = parts['word/document.xml'] ?? '';
    expect(body).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><\/w:ins>/);
    const notes = parts['word/footnotes.xml'] ?? '';
    expect(notes).toMatch(/<w:del w:id="(\d+)" [^>]*><w:r><w:delText xml:space="preserve">old<\/w:delText><\/w:r><\/w:del><w:ins w:id="(\d+)" [^>]*><w:r><w:t xml:space="preserve">new<\/w:t>/);
    const highestInBody = Math.max(...[...body.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => Number(m[1])));
    const inNotes = [...notes.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(inNotes.every((id) => id > highestInBody)).toBe(true);
  });
});

describe('format 4 exports of hostile text', () => {
  const hostile = '<script>alert("cell")</script> | *x* \n[^1] `y`';
  const d = policy([{ kind: 'table', header: true, caption: [{ text: hostile }], rows: [{ cells: [{ runs: [{ text: hostile }] }, { runs: [{ text: 'ok' }] }] }] }]);

  it('escapes a cell’s and a caption’s text in HTML', () => {
    const html = exportHtml(d);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<th scope="col">&lt;script&gt;alert(&quot;cell&quot;)&lt;/script&gt; | *x* <br>\n[^1] `y`</th>');
  });

  it('keeps each Markdown table row to its cells: a pipe or a line break in the text never adds one', () => {
    const md = exportMarkdown(d);
    const rows = md.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4);
    expect(md).toContain('\\[^1\\]');
    expect(md).not.toContain('<script>');
  });
});
