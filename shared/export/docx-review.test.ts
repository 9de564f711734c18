import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Heading, PolicyDocument } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { exportDocx } from './docx';
import { RESOLVED_ALONE, REVIEWED_DOCUMENT } from './review-test-documents';
import { prepareDocument } from './prepare';

/**
 * The XML the DOCX export writes for suggestions and comments, element by element, as Word's format (ECMA-376 part 1,
 * 17.13) has them. That Word-reading programs make the right text of it is docx-review.oracle.test.ts's part.
 */

async function parts(doc: PolicyDocument): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await exportDocx(doc));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = (await zip.file(name)?.async('string')) ?? '';
  return out;
}

/** The body's paragraphs, each as its XML. */
const paragraphsOf = (xml: string): string[] => xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
const paragraphWith = (xml: string, text: string): string => paragraphsOf(xml).find((para) => para.includes(`>${text}</w:`)) ?? '';

describe('exportDocx writes open suggestions as tracked changes', () => {
  let body = '';
  let files: Record<string, string> = {};
  beforeAll(async () => {
    files = await parts(REVIEWED_DOCUMENT);
    body = files['word/document.xml'] ?? '';
  });

  it('gives every change the author and time of its suggestion, and an id of its own among all annotations', () => {
    const changes = [...body.matchAll(/<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|moveFromRangeStart|moveToRangeStart) ([^>]*?)\/?>/g)];
    expect(changes.length).toBeGreaterThan(25);
    for (const [, , attributes = ''] of changes) {
      expect(attributes).toMatch(/w:author="(Ana Suggester|Ben Reviewer)"/);
      expect(attributes).toMatch(/w:date="2026-11-02T\d\d:\d\d:\d\dZ"/);
    }
    const ids = changes.map(([, , attributes = '']) => Number(/w:id="(\d+)"/.exec(attributes)?.[1]));
    expect(new Set(ids).size).toBe(ids.length);
    const commentIds = [...(files['word/comments.xml'] ?? '').matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.filter((id) => commentIds.includes(id))).toEqual([]);
    // A time stored to the millisecond is written to the second, as Word writes it.
    expect(body).toContain('w:date="2026-11-02T09:40:00Z"');
    expect(files['word/settings.xml']).toContain('<w:trackRevisions/>');
  });

  it('writes inserted text in w:ins, deleted text in w:del as w:delText, and changed marks with the old ones in w:rPrChange', () => {
    const para = paragraphWith(body, 'We collect ');
    expect(para).toMatch(/<w:ins w:id="\d+" w:author="Ana Suggester" w:date="2026-11-02T09:00:00Z"><w:r><w:t xml:space="preserve">personal <\/w:t><\/w:r><\/w:ins>/);
    expect(para).toMatch(/<w:del w:id="\d+" w:author="Ben Reviewer" w:date="2026-11-02T09:05:00Z"><w:r><w:delText xml:space="preserve">very quickly <\/w:delText><\/w:r><\/w:del>/);
    // Bold now, plain before; plain now, italic before.
    expect(para).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:rPrChange w:id="\d+" w:author="Ben Reviewer"[^>]*\/><\/w:rPr><w:t xml:space="preserve">carefully</);
    expect(para).toMatch(/<w:r><w:rPr><w:rPrChange w:id="\d+" w:author="Ana Suggester"[^>]*><w:rPr><w:i\/><w:iCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">plainly</);
  });

  it('tracks the paragraph mark of a paragraph inserted or deleted whole, so it goes with its text', () => {
    expect(paragraphWith(body, 'A paragraph Ana suggests adding.')).toMatch(/^<w:p><w:pPr><w:rPr><w:ins [^>]*w:author="Ana Suggester"[^>]*\/><\/w:rPr><\/w:pPr><w:ins /);
    expect(paragraphWith(body, 'A paragraph Ben suggests removing.')).toMatch(/^<w:p><w:pPr><w:rPr><w:del [^>]*w:author="Ben Reviewer"[^>]*\/><\/w:rPr><\/w:pPr><w:del /);
    const gone = paragraphWith(body, 'Gone Section');
    expect(gone).toMatch(/<w:pStyle w:val="Heading1"\/>.*<w:rPr><w:del /);
    expect(gone).toMatch(/<w:delText xml:space="preserve">Gone Section<\/w:delText>/);
  });

  it('writes a moved section as Word’s move: both places in named ranges of the same name, text and marks moved', () => {
    const from = paragraphsOf(body).filter((para) => para.includes('<w:moveFrom '));
    const to = paragraphsOf(body).filter((para) => para.includes('<w:moveTo '));
    expect(from).toHaveLength(2);
    expect(to).toHaveLength(2);
    const rangeStart = (side: string, xml: string) => new RegExp(`<w:${side}RangeStart w:id="(\\d+)"[^>]* w:name="([^"]+)"`).exec(xml);
    const fromStart = rangeStart('moveFrom', from[0] ?? '');
    const toStart = rangeStart('moveTo', to[0] ?? '');
    expect(fromStart?.[2]).toBeDefined();
    expect(toStart?.[2]).toBe(fromStart?.[2]);
    expect(from[1]).toContain(`<w:moveFromRangeEnd w:id="${fromStart?.[1]}"/>`);
    expect(to[1]).toContain(`<w:moveToRangeEnd w:id="${toStart?.[1]}"/>`);
    for (const para of from) expect(para).toMatch(/<w:pPr>.*<w:rPr><w:moveFrom [^>]*\/><\/w:rPr><\/w:pPr>.*<w:moveFrom [^>]*><w:r><w:delText/);
    for (const para of to) expect(para).toMatch(/<w:pPr>.*<w:rPr><w:moveTo [^>]*\/><\/w:rPr><\/w:pPr>.*<w:moveTo [^>]*><w:r><w:t /);
    // The table of contents leads to the new place: only it carries the section's bookmark.
    expect(from[0]).not.toContain('bookmarkStart');
    expect(to[0]).toContain('w:name="_Toc_s_retain01"');
  });

  it('keeps the old style and level of a relevelled heading or list item in w:pPrChange', () => {
    const notes = paragraphWith(body, 'Notes');
    expect(notes).toMatch(/<w:pStyle w:val="Heading2"\/><w:numPr><w:ilvl w:val="1"\/>.*<w:pPrChange [^>]*w:author="Ben Reviewer"[^>]*><w:pPr><w:pStyle w:val="Heading1"\/><w:numPr><w:ilvl w:val="0"\/>/);
    // Under a heading suggested for deletion: a subsection now, a sub-subsection before.
    expect(paragraphWith(body, 'Nested Point')).toMatch(/<w:pStyle w:val="Heading2"\/>.*<w:pPrChange [^>]*w:author="Ana Suggester"[^>]*><w:pPr><w:pStyle w:val="Heading3"\/>/);
    // Indented now; before, an item of the list the first item is in.
    const first = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(body, 'first item'))?.[1];
    expect(paragraphWith(body, 'second item')).toMatch(
      new RegExp(`<w:ilvl w:val="1"/>.*<w:pPrChange [^>]*><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${first}"/>`),
    );
  });

  it('ends on an empty paragraph when the last block is a suggestion: Word keeps a document’s last paragraph mark', () => {
    const all = paragraphsOf(body.replace(/<w:sectPr>.*$/, ''));
    expect(body).toMatch(/A closing line added at the very end\.<\/w:t><\/w:r><\/w:ins><\/w:p><w:p\/><w:sectPr>/);
    expect(all.at(-1)).toContain('A closing line');
  });

  it('writes text both inserted and deleted as a deletion inside an insertion', async () => {
    const ana = { id: 'c-aaaaaa01', by: 'Ana', at: '2026-11-02T09:00:00Z' };
    const ben = { id: 'c-bbbbbb01', by: 'Ben', at: '2026-11-02T10:00:00Z' };
    const xml = (await parts(policy([p('Keep ', { text: 'gone', ins: ana, del: ben }, '.')])))['word/document.xml'] ?? '';
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Ana"[^>]*><w:del w:id="\d+" w:author="Ben"[^>]*><w:r><w:delText xml:space="preserve">gone<\/w:delText><\/w:r><\/w:del><\/w:ins>/);
  });
});

describe('exportDocx writes comment threads as Word comments', () => {
  let files: Record<string, string> = {};
  let body = '';
  beforeAll(async () => {
    files = await parts(REVIEWED_DOCUMENT);
    body = files['word/document.xml'] ?? '';
  });

  const comments = () => [...(files['word/comments.xml'] ?? '').matchAll(/<w:comment w:id="(\d+)" w:initials="([^"]*)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:comment>/g)];

  it('writes each thread and each reply as a comment, with its author, initials, time and text', () => {
    const found = comments().map(([, , initials, author, date, inner = '']) => ({
      initials,
      author,
      date,
      text: [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'),
    }));
    expect(found).toEqual([
      { initials: 'DC', author: 'Dana Commenter', date: '2026-11-03T08:00:00.000Z', text: 'Which data exactly?' },
      { initials: 'AS', author: 'Ana Suggester', date: '2026-11-03T08:30:00.000Z', text: 'Contact details and usage.\nSee section 2.' },
      { initials: 'BR', author: 'Ben Reviewer', date: '2026-11-03T09:00:00.000Z', text: 'Is the scope complete?' },
      { initials: 'DC', author: 'Dana Commenter', date: '2026-11-03T09:10:00.000Z', text: 'Yes, resolved.' },
      { initials: 'EЁ', author: 'Eve Ёлкина', date: '2026-11-03T10:00:00.000Z', text: 'A point &amp; &lt;more&gt;.' },
      { initials: 'BR', author: 'Ben Reviewer', date: '2026-11-03T11:00:00.000Z', text: 'Its text was deleted.' },
    ]);
  });

  it('anchors each comment around the text about it, a section’s around its heading, an orphan at the start', () => {
    const between = (id: string) => {
      const start = body.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
      const end = body.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      expect(body.slice(end)).toMatch(new RegExp(`^<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`));
      return [...body.slice(start, end).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    };
    // The thread and its reply share the anchor.
    expect([between('0'), between('1')]).toEqual(['data', 'data']);
    expect([between('2'), between('3')]).toEqual(['Scope', 'Scope']);
    expect(between('4')).toBe('A point ');
    expect(between('5')).toBe('');
    expect(paragraphWith(body, 'Introduction')).toContain('<w:commentRangeStart w:id="5"/>');
  });

  it('links replies to their thread and marks the resolved thread done in commentsExtended.xml', () => {
    const extended = [...(files['word/commentsExtended.xml'] ?? '').matchAll(/<w15:commentEx ([^>]*)\/>/g)].map((m) => m[1]);
    expect(extended).toEqual([
      'w15:paraId="00000001"',
      'w15:paraId="00000002" w15:paraIdParent="00000001"',
      'w15:paraId="00000003" w15:done="1"',
      'w15:paraId="00000004" w15:paraIdParent="00000003" w15:done="1"',
      'w15:paraId="00000005"',
      'w15:paraId="00000006"',
    ]);
    // The link is the last paragraph of each comment: a reply of two paragraphs carries it on its second.
    expect(files['word/comments.xml']).toMatch(/<w:p><w:r><w:t xml:space="preserve">Contact details and usage\.<\/w:t><\/w:r><\/w:p><w:p w14:paraId="00000002"/);
  });
});

describe('exportDocx of a resolved comment in a document without replies', () => {
  it('still writes commentsExtended.xml, related to the document and typed, with the comment done', async () => {
    const files = await parts(RESOLVED_ALONE);
    const paraIds = [...(files['word/comments.xml'] ?? '').matchAll(/<w:comment .*?w14:paraId="([0-9A-F]{8})".*?<\/w:comment>/g)].map((m) => m[1]);
    expect(paraIds).toHaveLength(2);
    expect(files['word/commentsExtended.xml']).toContain(`<w15:commentEx w15:paraId="${paraIds[0]}" w15:done="1"/><w15:commentEx w15:paraId="${paraIds[1]}"/>`);
    expect(files['word/_rels/document.xml.rels']).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2011\/relationships\/commentsExtended" Target="commentsExtended\.xml"/);
    expect(files['[Content_Types].xml']).toContain('PartName="/word/commentsExtended.xml"');
    expect(files['word/document.xml']).toContain('<w:commentReference w:id="0"/>');
  });
});

describe('exportDocx of a moved section with a comment on it', () => {
  it('anchors the comment once, at the new place', async () => {
    const move = { id: 'c-move0001', by: 'Ana', at: '2026-11-02T09:00:00Z' };
    const moved = (kind: 'move-from' | 'move-to') => ({ ...(h(1, 's-moved001', 'Moved') as Heading), change: { ...move, kind } });
    const doc = policy([moved('move-from'), h(1, 's-stays001', 'Stays'), moved('move-to')], {
      comments: [{ id: 'k-section1', by: 'Ben', at: '2026-11-03T09:00:00Z', text: 'About the section.', section: 's-moved001' }],
    });
    const body = (await parts(doc))['word/document.xml'] ?? '';
    expect(body.match(/<w:commentRangeStart w:id="0"\/>/g)).toHaveLength(1);
    expect(body.match(/<w:commentReference w:id="0"\/>/g)).toHaveLength(1);
    expect(paragraphsOf(body).find((para) => para.includes('<w:commentRangeStart'))).toContain('<w:moveTo ');
  });
});

describe('exportDocx of a document with nothing under review', () => {
  it('writes no tracked change, no comment and leaves change tracking off', async () => {
    const files = await parts(policy([h(1, 's-intro001', 'Intro'), p('Plain text.')]));
    expect(files['word/document.xml']).not.toMatch(/<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|commentRangeStart) /);
    expect(files['word/settings.xml']).not.toContain('trackRevisions');
    expect(files['word/comments.xml'] ?? '').not.toContain('<w:comment ');
  });
});

describe('numbers under review', () => {
  it('numbers the sections as they stand with every suggestion accepted, and lists only those in the contents', () => {
    const prepared = prepareDocument(REVIEWED_DOCUMENT);
    expect(prepared.headings.map((heading) => `${heading.label} ${heading.text}`)).toEqual([
      '1. Introduction',
      '2. Scope',
      '2.1 Nested Point',
      '3. Final',
      '3.1 Retention',
      '3.2 Notes',
    ]);
    const gone = prepared.blocks.flatMap((block) => (block.kind === 'heading' && !prepared.headings.includes(block) ? [`${block.label} ${block.text}`] : []));
    // Headings that go on accepting keep their number from before the suggestions.
    expect(gone).toEqual(['1.1 Retention', '2.1 Old Subsection', '3. Gone Section']);
  });
});
