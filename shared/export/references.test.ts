import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MISSING_REFERENCE_TEXT } from '../model/reference-text';
import { h, p, policy } from '../testing/builders';
import { ref, referringPolicy } from '../testing/reference-documents';
import { exportDocx } from './docx';
import { bookmarkName } from './docx-reference';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { plainText } from './runs';
import { prepareDocument } from './prepare';

/** Cross-references in every exporter: the number they show now, and a live way to the section they name. */

describe('prepareDocument: references', () => {
  it('shows each reference as its section number in the document style, the title when asked, and flags a missing one', () => {
    const texts = (numbering: Parameters<typeof referringPolicy>[0]) =>
      prepareDocument(referringPolicy(numbering)).blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => plainText(item.runs)) : block.kind === 'paragraph' ? [plainText(block.runs)] : []));
    expect(texts('decimal')).toEqual([
      'Access is limited as Section 2.1 says; keys are in 2.1.1 (Keys).',
      'Everyone named in Section 1',
      'Only staff, under Section 1.',
      `Rotated yearly (see ${MISSING_REFERENCE_TEXT}).`,
    ]);
    expect(texts('article-section')[0]).toBe('Access is limited as Section Section 2.01 says; keys are in Section 2.01(a) (Keys).');
    expect(texts('letter-decimal')[1]).toBe('Everyone named in Section A');
    expect(texts('section-sign')[0]).toBe('Access is limited as Section § 2.1 says; keys are in § 2.1.1 (Keys).');
  });

  it('keeps a reference a run of its own, marked with its section, only when the section is there', () => {
    const first = prepareDocument(referringPolicy()).blocks[1];
    expect(first?.kind === 'paragraph' && first.runs.map((run) => [run.text, run.ref])).toEqual([
      ['Access is limited as Section ', undefined],
      ['2.1', { section: 's-access01', number: '2.1' }],
      [' says; keys are in ', undefined],
      ['2.1.1 (Keys)', { section: 's-keys0001', number: '2.1.1', title: 'Keys' }],
      ['.', undefined],
    ]);
    const prepared = prepareDocument(referringPolicy());
    expect([...prepared.referenced].sort()).toEqual(['s-access01', 's-keys0001', 's-scope001']);
  });
});

describe('exports keep references live', () => {
  it('HTML links each reference to its section heading’s anchor', () => {
    const html = exportHtml(referringPolicy());
    expect(html).toContain('<a href="#s-access01">2.1</a>');
    expect(html).toContain('<a href="#s-keys0001">2.1.1 (Keys)</a>');
    expect(html).toContain('id="s-access01"');
    expect(html).toContain(`(see ${MISSING_REFERENCE_TEXT})`);
    expect(html).not.toContain('href="#s-gone0001"');
  });

  it('Markdown links each reference to an anchor on its section heading', () => {
    const md = exportMarkdown(referringPolicy());
    expect(md).toContain('Section [2.1](<#s-access01>) says');
    expect(md).toMatch(/^### 2\.1 Access <a id="s-access01"><\/a>$/m);
    expect(md).toMatch(/^### 1\.1 Who$/m);
    expect(md).not.toContain('{{ref:');
  });

  it('DOCX writes a REF field to the heading’s bookmark, with the current number as its result', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(referringPolicy()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const name = bookmarkName('s-access01');
    expect(name.length).toBeLessThanOrEqual(40);
    expect(xml).toMatch(new RegExp(`<w:bookmarkStart [^>]*w:name="${name}"`));
    const field = new RegExp(
      String.raw`<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF ${name} \\r \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t[^>]*>2\.1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>`,
    );
    expect(xml).toMatch(field);
    const title = String.raw`<w:t[^>]*>2\.1\.1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t[^>]*> \(</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF ${bookmarkName('s-keys0001')} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t[^>]*>Keys</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t[^>]*>\)</w:t>`;
    expect(xml).toMatch(new RegExp(title));
    expect(xml).toContain(MISSING_REFERENCE_TEXT);
    expect(xml).not.toContain('{{ref:');
  });

  it('DOCX: a reference suggested in is a field inside the insertion; one suggested away is deleted text, no field', async () => {
    const mark = { id: 'sg-1', by: 'Ana', at: '2026-11-02T10:00:00Z' };
    const doc = policy([h(1, 's-aaaaaa', 'A'), p('See ', { ...ref('s-bbbbbb'), ins: mark }, ' or ', { ...ref('s-aaaaaa'), del: mark }, '.'), h(1, 's-bbbbbb', 'B')]);
    const xml = (await (await JSZip.loadAsync(await exportDocx(doc))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:ins [^>]*w:author="Ana"[^>]*><w:r><w:instrText xml:space="preserve"> REF _Toc_s_bbbbbb \\r \\h <\/w:instrText><\/w:r><\/w:ins>/);
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">1<\/w:delText><\/w:r><\/w:del>/);
    expect(xml.match(/REF /g)?.length).toBe(1);
  });
});
