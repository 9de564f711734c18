import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../model/document';
import { blockText } from '../model/text';
import { bold, h, li, p, policy } from '../testing/builders';
import { ref } from '../testing/reference-documents';
import { mergeDocuments, type SectionConflict } from './merge-documents';
import { resolveConflicts } from './resolve-conflicts';
import { blocksFromText, sectionText } from './section-text';

const base = policy([
  h(1, 's-intro0001', 'Introduction'),
  p('We are ', bold('Northwind'), '.'),
  p('We are in London.'),
  p('We process data.'),
  h(1, 's-rights001', 'Your rights'),
  li('Access'),
  h(1, 's-contact01', 'Contact us'),
  p('Write to us.'),
]);

function edited(doc: PolicyDocument, edits: Record<string, string | null>, extra: Partial<PolicyDocument> = {}): PolicyDocument {
  const blocks: Block[] = [];
  for (const block of doc.blocks) {
    const text = blockText(block);
    if (!Object.hasOwn(edits, text)) blocks.push(block);
    else if (edits[text] !== null) blocks.push({ ...block, runs: [{ text: edits[text] as string }] } as Block);
  }
  return { ...doc, ...extra, blocks };
}
const texts = (doc: PolicyDocument) => doc.blocks.map((block) => blockText(block));

describe('resolveConflicts, per section', () => {
  // Both changed "We process data."; I also changed the intro's first paragraph, which only I touched.
  const mine = edited(base, { 'We process data.': 'We process data (mine).', 'Write to us.': 'Write to us today.' });
  const theirs = edited(base, { 'We process data.': 'We process data (theirs).' });
  const merge = mergeDocuments(base, mine, theirs);

  it('mine leaves the section as the merge wrote it; theirs keeps my other edits around their paragraph', () => {
    expect(merge.conflicts.map((c) => c.kind)).toEqual(['both-edited']);
    expect(texts(resolveConflicts(merge.merged, merge.conflicts, [{ conflict: 0, take: 'mine' }]))).toContain('We process data (mine).');
    const ours = edited(mine, { 'We are Northwind.': 'We are Northwind Ltd.' });
    const both = mergeDocuments(base, ours, theirs);
    const resolved = resolveConflicts(both.merged, both.conflicts, [{ conflict: 0, take: 'theirs' }]);
    expect(texts(resolved)).toEqual(['Introduction', 'We are Northwind Ltd.', 'We are in London.', 'We process data (theirs).', 'Your rights', 'Access', 'Contact us', 'Write to us today.']);
  });

  it('theirs keeps what I typed in the section since the sync, away from their paragraph', () => {
    const typedSince = { ...merge.merged, blocks: merge.merged.blocks.map((block) => (blockText(block) === 'We are Northwind.' ? p('We are Northwind Ltd.') : block)) };
    expect(texts(resolveConflicts(typedSince, merge.conflicts, [{ conflict: 0, take: 'theirs' }])).slice(0, 4)).toEqual(['Introduction', 'We are Northwind Ltd.', 'We are in London.', 'We process data (theirs).']);
  });

  it('edited makes the text the section: heading first, a paragraph a line, unchanged lines keep their marks', () => {
    const conflict = merge.conflicts[0] as SectionConflict;
    const text = sectionText(conflict.mine);
    expect(text).toBe('Introduction\n\nWe are Northwind.\n\nWe are in London.\n\nWe process data (mine).');
    const resolved = resolveConflicts(merge.merged, merge.conflicts, [{ conflict: 0, take: 'edited', text: 'Introduction\n\nWe are Northwind.\n\nWe process data (agreed).\nA new line.' }]);
    expect(texts(resolved).slice(0, 4)).toEqual(['Introduction', 'We are Northwind.', 'We process data (agreed).', 'A new line.']);
    expect(resolved.blocks[1]).toEqual(base.blocks[1]);
    expect(resolved.blocks[0]).toEqual(base.blocks[0]);
    expect(PolicyDocumentSchema.safeParse(resolved).success).toBe(true);
  });

  it('a new heading keeps the section id and level; no text at all deletes the section', () => {
    const conflict = { key: 's-intro0001', base: base.blocks.slice(0, 4), mine: null, theirs: null };
    expect(blocksFromText('Who we are\nHello.', conflict)).toEqual([h(1, 's-intro0001', 'Who we are'), p('Hello.')]);
    const resolved = resolveConflicts(merge.merged, merge.conflicts, [{ conflict: 0, take: 'edited', text: ' \n\n' }]);
    expect(texts(resolved)).toEqual(['Your rights', 'Access', 'Contact us', 'Write to us today.']);
  });

  it('a cross-reference left in an edited line stays a reference, however the words around it changed', () => {
    const conflict = { key: 's-intro0001', base: [h(1, 's-intro0001', 'Who we are'), p('See ', ref('s-access001'), '.')], mine: null, theirs: null };
    const text = sectionText(conflict.base);
    expect(text).toBe('Who we are\n\nSee {{ref:s-access001}}.');
    expect(blocksFromText(text.replace('See', 'As set out in'), conflict)).toEqual([h(1, 's-intro0001', 'Who we are'), p('As set out in ', ref('s-access001'), '.')]);
  });

  it('a section deleted by one and changed by the other goes or stays as chosen', () => {
    const deletedByThem = edited(base, { 'Your rights': null, Access: null });
    const changedByMe = edited(base, { Access: 'Access and copies' });
    const merged = mergeDocuments(base, changedByMe, deletedByThem);
    expect(merged.conflicts.map((c) => c.kind)).toEqual(['deleted-by-them']);
    expect(texts(resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 0, take: 'mine' }]))).toContain('Access and copies');
    expect(texts(resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 0, take: 'theirs' }]))).not.toContain('Your rights');
    const mirrored = mergeDocuments(base, deletedByThem, changedByMe);
    expect(mirrored.conflicts.map((c) => c.kind)).toEqual(['deleted-by-me']);
    expect(texts(resolveConflicts(mirrored.merged, mirrored.conflicts, [{ conflict: 0, take: 'mine' }]))).not.toContain('Your rights');
    expect(texts(resolveConflicts(mirrored.merged, mirrored.conflicts, [{ conflict: 0, take: 'theirs' }]))).toContain('Access and copies');
  });

  it('a detail takes their value when asked, and every conflict needs exactly one choice', () => {
    const merged = mergeDocuments(base, { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    expect(resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 0, take: 'theirs' }]).title).toBe('Theirs');
    expect(resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 0, take: 'mine' }]).title).toBe('Mine');
    expect(() => resolveConflicts(merged.merged, merged.conflicts, [])).toThrow(RangeError);
    expect(() => resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 0, take: 'mine' }, { conflict: 0, take: 'theirs' }])).toThrow(RangeError);
    expect(() => resolveConflicts(merged.merged, merged.conflicts, [{ conflict: 3, take: 'mine' }])).toThrow(RangeError);
  });
});
