import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import { PolicyDocumentSchema } from '../model/document';
import { exportRedlineDocx } from './redline-docx';
import { exportRedlineHtml } from './redline-html';
import { TABLES_NEW, TABLES_OLD } from './redline-test-documents';

/** What the redlines write of a link change, a footnote change and a heading that no longer takes a number. */

const comparison = compareDocuments(PolicyDocumentSchema.parse(TABLES_OLD), PolicyDocumentSchema.parse(TABLES_NEW), { oldLabel: 'Version 1.0', newLabel: 'Version 2.0' });
const html = exportRedlineHtml(comparison);

// One export for every part read: the docx writer names hyperlink relationships at random.
const docx = exportRedlineDocx(comparison, { author: 'Dana Reviewer', date: new Date('2026-11-02T10:30:00Z') });

async function docxPart(name: string): Promise<string> {
  const bytes = await docx;
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`no ${name} in the package`);
  return file.async('string');
}

describe('the HTML redline', () => {
  it('marks kept words whose link changed with the address they had, and links them to the new one', () => {
    expect(html).toContain(
      '<span class="link-change" data-link-was="mailto:privacy@northwind.example" title="Link changed from mailto:privacy@northwind.example"><a href="mailto:dpo@northwind.example">our privacy team</a></span>',
    );
    // Not as words deleted and inserted.
    expect(html).not.toMatch(/<del>[^<]*our privacy team/);
    expect(html).toMatch(/<dt>Links changed<\/dt><dd data-summary="linksChanged">1<\/dd>/);
  });

  it('shows a footnote mark by its number, and the note\'s changed words in a notes part', () => {
    expect(html).toContain('<sup class="note-mark note-changed"><a href="#note-n-law001">1</a></sup>');
    const notes = html.slice(html.indexOf('<section class="notes"'));
    expect(notes).toContain(
      '<li id="note-n-law001" value="1">As the law <del>requires</del><ins>and our contracts require</ins>. <span class="status">Changed</span></li>',
    );
    // The placeholder the model stores never reaches the page.
    expect(html).not.toContain('{{note:');
  });

  it('says a heading no longer takes a number, its old number struck', () => {
    expect(html).toContain(
      '<h2 id="s-summary1"><span class="section-number renumbered"><span class="old-number">1.</span> → </span> Summary <span class="status">Now without a number</span></h2>',
    );
  });
});

describe('the DOCX redline', () => {
  it('writes a heading that no longer takes a number without one, its old numbering kept as a formatting change', async () => {
    const body = await docxPart('word/document.xml');
    const summary = /<w:p>(?:(?!<\/w:p>).)*Summary<\/w:t>(?:(?!<\/w:p>).)*<\/w:p>/.exec(body)?.[0] ?? '';
    const [own, change] = summary.split('<w:pPrChange');
    expect(own).not.toContain('<w:numPr>');
    expect(change).toContain('<w:numPr>');
  });

  it('writes footnotes: the mark as a footnote reference, the note\'s text with its change tracked', async () => {
    expect(await docxPart('word/document.xml')).toMatch(/<w:footnoteReference w:id="1"\/>/);
    const footnotes = await docxPart('word/footnotes.xml');
    expect(footnotes).toMatch(
      /<w:footnote w:id="1">(?:(?!<\/w:footnote>).)*As the law <\/w:t><\/w:r><w:del [^>]*><w:r><w:delText[^>]*>requires<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>and our contracts require<\/w:t>/,
    );
  });

  it('writes a link change as Word records an edited link: the words with the old address deleted, with the new one inserted', async () => {
    const body = await docxPart('word/document.xml');
    const rels = await docxPart('word/_rels/document.xml.rels');
    const id = (address: string) => new RegExp(`Id="([^"]+)"[^>]*Target="${address}"|Target="${address}"[^>]*Id="([^"]+)"`).exec(rels)?.slice(1).find(Boolean);
    const before = id('mailto:privacy@northwind.example');
    const after = id('mailto:dpo@northwind.example');
    expect(before && after).toBeTruthy();
    expect(body).toMatch(new RegExp(`<w:hyperlink [^>]*r:id="${before}"[^>]*><w:del [^>]*>(?:(?!</w:hyperlink>).)*<w:delText[^>]*>our privacy team</w:delText>`));
    expect(body).toMatch(new RegExp(`<w:hyperlink [^>]*r:id="${after}"[^>]*><w:ins [^>]*>(?:(?!</w:hyperlink>).)*<w:t[^>]*>our privacy team</w:t>`));
  });
});

describe('the DOCX redline of a footnote that came or went', () => {
  const mark = { text: '{{note:n-added01}}', note: 'n-added01' };
  const without = TABLES_OLD;
  const withNote: typeof TABLES_OLD = {
    ...TABLES_OLD,
    blocks: TABLES_OLD.blocks.map((block, i) => (i === 1 && block.kind === 'paragraph' ? { ...block, runs: [...block.runs, mark] } : block)),
    notes: [...(TABLES_OLD.notes ?? []), { id: 'n-added01', runs: [{ text: 'A note of its own.' }] }],
  };
  const body = async (a: typeof TABLES_OLD, b: typeof TABLES_OLD) => {
    const c = compareDocuments(PolicyDocumentSchema.parse(a), PolicyDocumentSchema.parse(b), { oldLabel: 'a', newLabel: 'b' });
    const zip = await JSZip.loadAsync(await exportRedlineDocx(c, { author: 'Dana Reviewer', date: new Date('2026-11-02T10:30:00Z') }));
    return Promise.all(['word/document.xml', 'word/footnotes.xml'].map((name) => zip.file(name)?.async('string') ?? ''));
  };

  it('puts an added note\'s reference in a w:ins and its text inserted', async () => {
    const [document, footnotes] = await body(without, withNote);
    expect(document).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="2"\/><\/w:r><\/w:ins>/);
    expect(footnotes).toMatch(/<w:footnote w:id="2">(?:(?!<\/w:footnote>).)*<w:ins [^>]*><w:r><w:t[^>]*>A note of its own\.<\/w:t>/);
  });

  it('puts a removed note\'s reference in a w:del and its text deleted', async () => {
    const [document, footnotes] = await body(withNote, without);
    expect(document).toMatch(/<w:del [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="2"\/><\/w:r><\/w:del>/);
    expect(footnotes).toMatch(/<w:footnote w:id="2">(?:(?!<\/w:footnote>).)*<w:del [^>]*><w:r><w:delText[^>]*>A note of its own\.<\/w:delText>/);
  });
});
