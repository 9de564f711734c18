import { describe, expect, it } from 'vitest';
import { h, li, p, policy } from '../testing/builders';
import type { Block, PolicyDocument, TextBlock } from '../model/document';
import { PolicyDocumentSchema } from '../model/document';
import { mergeDocuments, type SectionConflict } from './merge-documents';
import { allRuns } from '../model/block-runs';

const base = policy([
  p('This policy explains how we use data.'),
  h(1, 's-intro0001', 'Introduction'),
  p('We are Northwind.'),
  p('We process personal data.'),
  h(2, 's-scope0001', 'Scope'),
  p('This policy covers our websites.'),
  h(1, 's-rights001', 'Your rights'),
  li('Access'),
  li('Erasure'),
  h(1, 's-contact01', 'Contact us'),
  p('Write to privacy@example.com.'),
]);

/** A copy of `doc` with `edit` applied to its blocks. */
function edited(doc: PolicyDocument, edit: (blocks: Block[]) => void, extra: Partial<PolicyDocument> = {}): PolicyDocument {
  const blocks = structuredClone(doc.blocks);
  edit(blocks);
  return { ...doc, ...extra, blocks };
}

const texts = (doc: PolicyDocument) => doc.blocks.map((block) => allRuns(block).map((run) => run.text).join(''));
const indexOf = (blocks: Block[], text: string) => blocks.findIndex((block) => allRuns(block).map((run) => run.text).join('') === text);
const setText = (blocks: Block[], from: string, to: string) => {
  const at = indexOf(blocks, from);
  if (at === -1) throw new Error(`no block "${from}"`);
  (blocks[at] as TextBlock).runs = [{ text: to }];
};

describe('mergeDocuments', () => {
  it('merges edits to different sections without a question', () => {
    const mine = edited(base, (b) => setText(b, 'We are Northwind.', 'We are Northwind Ltd.'));
    const theirs = edited(base, (b) => setText(b, 'Write to privacy@example.com.', 'Write to dpo@example.com.'));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(texts(merged)).toContain('We are Northwind Ltd.');
    expect(texts(merged)).toContain('Write to dpo@example.com.');
    expect(PolicyDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it('merges edits to neighbouring paragraphs of one section', () => {
    const mine = edited(base, (b) => setText(b, 'We are Northwind.', 'We are Northwind Ltd.'));
    const theirs = edited(base, (b) => setText(b, 'We process personal data.', 'We process personal data lawfully.'));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(texts(merged).slice(2, 4)).toEqual(['We are Northwind Ltd.', 'We process personal data lawfully.']);
  });

  it('calls the same paragraph changed differently by both a conflict, and keeps mine in the merge meanwhile', () => {
    const mine = edited(base, (b) => setText(b, 'We are Northwind.', 'We are Northwind Ltd.'));
    const theirs = edited(base, (b) => setText(b, 'We are Northwind.', 'We are Northwind plc.'));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'both-edited', key: 's-intro0001' });
    const conflict = conflicts[0] as SectionConflict;
    expect(conflict.theirs?.map((block) => allRuns(block)[0]?.text)).toContain('We are Northwind plc.');
    expect(conflict.base?.map((block) => allRuns(block)[0]?.text)).toContain('We are Northwind.');
    expect(texts(merged)).toContain('We are Northwind Ltd.');
  });

  it('takes the same change made by both once, without a conflict', () => {
    const change = (b: Block[]) => setText(b, 'We are Northwind.', 'We are Northwind Ltd.');
    const { merged, conflicts } = mergeDocuments(base, edited(base, change), edited(base, change));
    expect(conflicts).toEqual([]);
    expect(texts(merged).filter((text) => text === 'We are Northwind Ltd.')).toHaveLength(1);
  });

  it('calls a section deleted by one and changed by the other a conflict, and keeps the changed text', () => {
    const deleteScope = (b: Block[]) => b.splice(indexOf(b, 'Scope'), 2);
    const mine = edited(base, deleteScope);
    const theirs = edited(base, (b) => setText(b, 'This policy covers our websites.', 'This policy covers our websites and apps.'));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toMatchObject([{ kind: 'deleted-by-me', key: 's-scope0001', mine: null }]);
    expect(texts(merged)).toContain('This policy covers our websites and apps.');
    // Back in its place: after the introduction's paragraphs, before Your rights.
    expect(indexOf(merged.blocks, 'Scope')).toBe(indexOf(merged.blocks, 'Your rights') - 2);

    const flipped = mergeDocuments(base, theirs, mine);
    expect(flipped.conflicts).toMatchObject([{ kind: 'deleted-by-them', key: 's-scope0001', theirs: null }]);
    expect(texts(flipped.merged)).toContain('This policy covers our websites and apps.');
  });

  it('deletes a section one side deleted and the other left alone', () => {
    const mine = edited(base, (b) => b.splice(indexOf(b, 'Scope'), 2));
    const { merged, conflicts } = mergeDocuments(base, mine, base);
    expect(conflicts).toEqual([]);
    expect(texts(merged)).not.toContain('Scope');
  });

  it('moves a section one side moved and keeps the other side’s edit to it', () => {
    const moveContactFirst = (b: Block[]) => b.splice(1, 0, ...b.splice(indexOf(b, 'Contact us'), 2));
    const mine = edited(base, moveContactFirst);
    const theirs = edited(base, (b) => setText(b, 'Write to privacy@example.com.', 'Write to dpo@example.com.'));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(texts(merged).slice(0, 3)).toEqual(['This policy explains how we use data.', 'Contact us', 'Write to dpo@example.com.']);
  });

  it('calls one section moved to two different places a conflict, and keeps it once, where mine put it', () => {
    const outline = policy(['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((name) => [h(1, `s-${name.repeat(8)}`, name.toUpperCase()), p(`About ${name}.`)]));
    const moveGAfter = (title: string) => (b: Block[]) => b.splice(indexOf(b, title) + 2, 0, ...b.splice(indexOf(b, 'G'), 2));
    const { merged, conflicts } = mergeDocuments(outline, edited(outline, moveGAfter('A')), edited(outline, moveGAfter('D')));
    expect(conflicts).toEqual([{ kind: 'order', base: [], mine: ['s-gggggggg'], theirs: ['s-gggggggg'] }]);
    expect(texts(merged).filter((text) => text === 'G')).toHaveLength(1);
    expect(indexOf(merged.blocks, 'G')).toBe(2);
    expect(PolicyDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it('merges two moves that agree with each other', () => {
    // Mine puts Contact first; theirs puts it before Your rights: Contact first satisfies both.
    const mine = edited(base, (b) => b.splice(1, 0, ...b.splice(indexOf(b, 'Contact us'), 2)));
    const theirs = edited(base, (b) => b.splice(indexOf(b, 'Your rights'), 0, ...b.splice(indexOf(b, 'Contact us'), 2)));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(indexOf(merged.blocks, 'Contact us')).toBe(1);
  });

  it('keeps sections both sides added at the same place, mine first', () => {
    const mine = edited(base, (b) => b.push(h(1, 's-cookies01', 'Cookies'), p('We use cookies.')));
    const theirs = edited(base, (b) => b.push(h(1, 's-children1', 'Children'), p('We do not serve children.')));
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(texts(merged).slice(-4)).toEqual(['Cookies', 'We use cookies.', 'Children', 'We do not serve children.']);
  });

  it('merges a heading renamed by one and demoted by the other', () => {
    const mine = edited(base, (b) => setText(b, 'Scope', 'Scope of this policy'));
    const theirs = edited(base, (b) => {
      const at = indexOf(b, 'Scope');
      b[at] = { ...(b[at] as Block & { level: number }), level: 3 } as Block;
    });
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.blocks[indexOf(merged.blocks, 'Scope of this policy')]).toMatchObject({ kind: 'heading', level: 3 });
  });

  it('merges the details field by field, and calls a field changed differently by both a conflict', () => {
    const mine = { ...base, title: 'Privacy Notice', owner: 'Legal' };
    const theirs = { ...base, effectiveDate: '2026-03-01', owner: 'Privacy team' };
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(merged).toMatchObject({ title: 'Privacy Notice', effectiveDate: '2026-03-01', owner: 'Legal' });
    expect(conflicts).toEqual([{ kind: 'detail', field: 'owner', base: '', mine: 'Legal', theirs: 'Privacy team' }]);
  });

  it('merges the language like the other details, an absent one being English', () => {
    expect(mergeDocuments(base, { ...base, language: 'en-GB' }, base).merged.language).toBe('en-GB');
    expect(mergeDocuments({ ...base, language: 'fr' }, { ...base, language: 'fr' }, base).merged.language).toBeUndefined();
    expect(mergeDocuments(base, { ...base, language: 'de' }, { ...base, language: 'fr' }).conflicts).toEqual([{ kind: 'detail', field: 'language', base: null, mine: 'de', theirs: 'fr' }]);
  });

  it('keeps the preamble first whatever each side did to the outline', () => {
    const noPreamble = edited(base, (b) => b.splice(0, 1));
    const mine = edited(noPreamble, (b) => b.unshift(p('A new preamble.')));
    const theirs = edited(noPreamble, (b) => b.splice(0, 0, ...b.splice(indexOf(b, 'Contact us'), 2)));
    const { merged, conflicts } = mergeDocuments(noPreamble, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(texts(merged).slice(0, 2)).toEqual(['A new preamble.', 'Contact us']);
  });
});
