import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../../model/document';
import { runsToPlainText } from '../../model/text';
import { acceptAll, rejectAll } from '../../review/resolve';
import { importDocx } from '../docx';
import { revision, reviewDocx, wdelr, wp, wr } from '../../testing/review-docx';
import { markDocument, hasReview } from './mark-document';
import { allRuns } from '../../model/block-runs';
const runsOf = (block: Parameters<typeof allRuns>[0] | undefined) => (block ? allRuns(block) : []);

/** Imports with counters for every id, and checks the result is a valid document. */
async function imported(bytes: Uint8Array): Promise<PolicyDocument> {
  let s = 0;
  let c = 0;
  let k = 0;
  const doc = await importDocx(bytes, {
    fileName: 'returned.docx',
    newId: () => `s-sect${String(++s).padStart(4, '0')}`,
    reviewIds: { suggestion: () => `c-sugg${String(++c).padStart(4, '0')}`, comment: () => `k-comm${String(++k).padStart(4, '0')}` },
    importedAt: '2026-06-01T00:00:00Z',
  });
  const parsed = PolicyDocumentSchema.safeParse(doc);
  expect(parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe('');
  return doc;
}

const texts = (blocks: readonly Block[]) => blocks.map((b) => runsToPlainText(allRuns(b)));
const TITLE = wp(wr('Returned Policy'), 'Title');
const ANA = ['Ana Lima', '2026-02-03T04:05:06Z'] as const;

describe('DOCX import of tracked changes', () => {
  it('reads insertions and deletions as suggestions, never accepting them', async () => {
    const body = TITLE + wp(wr('Scope'), 'Heading1') + wp(wr('We keep ') + revision('del', 1, ...ANA, wdelr('all')) + revision('ins', 2, ...ANA, wr('some')) + wr(' data.'));
    const doc = await imported(reviewDocx(body));
    expect(runsOf(doc.blocks[1])).toEqual([
      { text: 'We keep ' },
      { text: 'all', del: { id: 'c-sugg0001', by: 'Ana Lima', at: '2026-02-03T04:05:06Z' } },
      { text: 'some', ins: { id: 'c-sugg0002', by: 'Ana Lima', at: '2026-02-03T04:05:06Z' } },
      { text: ' data.' },
    ]);
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'We keep some data.']);
    expect(texts(rejectAll(doc).blocks)).toEqual(['Scope', 'We keep all data.']);
  });

  it('reads a paragraph inserted or deleted with its mark as a whole-block suggestion', async () => {
    const insMark = '<w:ins w:id="9" w:author="Bo" w:date="2026-01-03T10:00:00"/>';
    const delMark = '<w:del w:id="10" w:author="Bo" w:date="2026-01-03T10:00:00"/>';
    const body =
      TITLE +
      wp(wr('Scope'), 'Heading1') +
      wp(revision('ins', 3, 'Bo', '2026-01-03T10:00:00', wr('A new paragraph.')), '', insMark) +
      wp(revision('del', 4, 'Bo', '2026-01-03T10:00:00', wdelr('An old paragraph.')), '', delMark) +
      wp(wr('Kept.'));
    const doc = await imported(reviewDocx(body));
    // a date without a time zone is read as UTC
    expect(doc.blocks[1]).toMatchObject({ change: { kind: 'insert', by: 'Bo', at: '2026-01-03T10:00:00Z' } });
    expect(runsOf(doc.blocks[1])[0]?.ins?.id).toBe(doc.blocks[1]?.change?.id);
    expect(doc.blocks[2]).toMatchObject({ change: { kind: 'delete' }, runs: [{ text: 'An old paragraph.', del: { by: 'Bo' } }] });
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'A new paragraph.', 'Kept.']);
    expect(texts(rejectAll(doc).blocks)).toEqual(['Scope', 'An old paragraph.', 'Kept.']);
  });

  it('reads a paragraph split in two with track changes on as the old paragraph out and the two new ones in', async () => {
    const split = '<w:ins w:id="11" w:author="Bo" w:date="2026-01-03T10:00:00Z"/>';
    const body = TITLE + wp(wr('Scope'), 'Heading1') + wp(wr('We keep data.'), '', split) + wp(wr('We delete it.'));
    const doc = await imported(reviewDocx(body));
    expect(doc.blocks.slice(1).map((b) => b.change?.kind)).toEqual(['delete', 'insert', 'insert']);
    expect(new Set(doc.blocks.slice(1).map((b) => b.change?.by))).toEqual(new Set(['Bo']));
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'We keep data.', 'We delete it.']);
    expect(texts(rejectAll(doc).blocks)).toEqual(['Scope', 'We keep data. We delete it.']);
  });

  it('reads a format change with the marks the text had, and an author left out as "Word reviewer"', async () => {
    const change = '<w:b/><w:rPrChange w:id="5" w:author="" w:date="2026-01-05T00:00:00Z"><w:rPr><w:i/></w:rPr></w:rPrChange>';
    const doc = await imported(reviewDocx(TITLE + wp(wr('Scope'), 'Heading1') + wp(wr('Plain then ') + wr('changed', change) + wr(' text.'))));
    expect(runsOf(doc.blocks[1])[1]).toEqual({
      text: 'changed',
      marks: ['bold'],
      formatted: { id: 'c-sugg0001', by: 'Word reviewer', at: '2026-01-05T00:00:00Z', was: ['italic'] },
    });
    expect(runsOf(rejectAll(doc).blocks[1])[1]).toEqual({ text: 'changed', marks: ['italic'] });
  });

  it('reads a heading promoted with track changes on as a level suggestion', async () => {
    const promoted = `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="7" w:author="Ana Lima" w:date="${ANA[1]}"><w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:pPrChange></w:pPr>${wr('Retention')}</w:p>`;
    const doc = await imported(reviewDocx(TITLE + wp(wr('Scope'), 'Heading1') + wp(wr('Body.')) + promoted + wp(wr('Ten years.'))));
    expect(doc.blocks[2]).toMatchObject({ kind: 'heading', level: 1, relevel: { by: 'Ana Lima', at: ANA[1], was: 2 }, runs: [{ text: 'Retention' }] });
    expect(rejectAll(doc).blocks[2]).toMatchObject({ kind: 'heading', level: 2 });
    expect(acceptAll(doc).blocks[2]).toMatchObject({ kind: 'heading', level: 1 });
  });

  it('reads a section moved in Word as a move pair with one section id', async () => {
    const moved = (kind: 'moveFrom' | 'moveTo', id: number) =>
      `<w:${kind}RangeStart w:id="${id}" w:author="Ana Lima" w:date="${ANA[1]}" w:name="move1"/>` +
      wp(revision(kind, id + 1, ...ANA, kind === 'moveFrom' ? wdelr('Retention') : wr('Retention')), 'Heading1', `<w:${kind} w:id="${id + 2}" w:author="Ana Lima" w:date="${ANA[1]}"/>`) +
      `<w:${kind}RangeEnd w:id="${id}"/>`;
    const body = TITLE + moved('moveFrom', 20) + wp(wr('Scope'), 'Heading1') + wp(wr('Body.')) + moved('moveTo', 30);
    const doc = await imported(reviewDocx(body));
    const from = doc.blocks[0];
    const to = doc.blocks[3];
    expect(from).toMatchObject({ kind: 'heading', change: { kind: 'move-from' } });
    expect(to).toMatchObject({ kind: 'heading', change: { kind: 'move-to' } });
    expect(from?.change?.id).toBe(to?.change?.id);
    expect(from?.kind === 'heading' && to?.kind === 'heading' && from.id === to.id).toBe(true);
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'Body.', 'Retention']);
    expect(texts(rejectAll(doc).blocks)).toEqual(['Retention', 'Scope', 'Body.']);
  });

  it('reads comments with their authors, replies, resolved state and anchors; a point comment goes to its section', async () => {
    const comment = (id: number, author: string, initials: string, paraId: string, text: string) =>
      `<w:comment w:id="${id}" w:author="${author}" w:initials="${initials}" w:date="2026-01-0${id + 1}T09:00:00Z"><w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
    const body =
      TITLE +
      wp(wr('Scope'), 'Heading1') +
      wp(wr('We ') + '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' + wr('keep data') + '<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/>' + wr(' forever.')) +
      wp(wr('Retention'), 'Heading1') +
      wp(wr('Ten years.') + '<w:commentRangeStart w:id="2"/><w:commentRangeEnd w:id="2"/>');
    const comments = comment(0, 'Cy Doe', 'CD', '0A0A0A0A', 'Forever?') + comment(1, 'Ana Lima', 'AL', '0B0B0B0B', 'Yes, by law.') + comment(2, 'Cy Doe', 'CD', '0C0C0C0C', 'Which law?');
    const extended = '<w15:commentEx w15:paraId="0A0A0A0A" w15:done="1"/><w15:commentEx w15:paraId="0B0B0B0B" w15:paraIdParent="0A0A0A0A" w15:done="0"/><w15:commentEx w15:paraId="0C0C0C0C" w15:done="0"/>';
    const doc = await imported(reviewDocx(body, { comments, extended }));
    expect(doc.comments).toEqual([
      {
        id: 'k-comm0001', by: 'Cy Doe', initials: 'CD', at: '2026-01-01T09:00:00Z', text: 'Forever?', resolved: true,
        replies: [{ id: 'k-comm0003', by: 'Ana Lima', initials: 'AL', at: '2026-01-02T09:00:00Z', text: 'Yes, by law.' }],
      },
      { id: 'k-comm0002', by: 'Cy Doe', initials: 'CD', at: '2026-01-03T09:00:00Z', text: 'Which law?', section: 's-sect0002' },
    ]);
    expect(runsOf(doc.blocks[1])).toEqual([{ text: 'We ' }, { text: 'keep data', comments: ['k-comm0001'] }, { text: ' forever.' }]);
    expect(doc.blocks[2]).toMatchObject({ kind: 'heading', id: 's-sect0002' });
  });

  it('leaves a file without tracked changes or comments to the fast path', () => {
    const xml = `<w:body>${wp(wr('Plain'))}${wp(wr('Inside', '<w:b/>'))}</w:body>`;
    expect(hasReview(xml)).toBe(false);
    expect(hasReview(`<w:body>${wp(revision('ins', 1, 'A', '', wr('x')))}</w:body>`)).toBe(true);
  });

  it('cannot be misled by text that spells a sentinel', async () => {
    const forged = '\uFDD0\uFDE1\uFDD1&#xFDD0;&#xFDE1;&#65009;';
    const body = TITLE + wp(wr('Scope'), 'Heading1') + wp(wr(`Plain ${forged}text `) + revision('ins', 1, ...ANA, wr('added')));
    const doc = await imported(reviewDocx(body));
    // U+FDF1 (&#65009;) is no sentinel character and stays
    expect(runsOf(doc.blocks[1])).toEqual([{ text: 'Plain \uFDF1text ' }, { text: 'added', ins: { id: 'c-sugg0001', by: 'Ana Lima', at: ANA[1] } }]);
  });

  it('keeps text and tags it does not read as they are', () => {
    const xml = `<w:body>${wp(wr('a &amp; b') + revision('del', 1, 'A', '', wdelr('c')))}</w:body>`;
    const marked = markDocument(xml);
    expect(marked.xml).toContain('a &amp; b');
    expect(marked.xml).not.toContain('w:delText');
    expect(marked.xml).not.toContain('<w:del ');
    expect(marked.states[1]).toMatchObject({ del: { author: 'A', wordId: '1' } });
  });
});
