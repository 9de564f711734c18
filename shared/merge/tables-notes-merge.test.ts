import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument, type Run, type Table } from '../model/document';
import { runsToPlainText } from '../model/text';
import { notePlaceholder } from '../model/vocabulary';
import { h, p, policy } from '../testing/builders';
import { describeConflicts } from './describe-conflicts';
import { mergeDocuments, type NoteConflict, type SectionConflict } from './merge-documents';
import { resolveConflicts } from './resolve-conflicts';
import { mergeDocumentFile } from './merge-files';
import { parseFile } from '../format/parse';
import { serializeDocument } from '../format/serialize';
import { blocksFromText, sectionText } from './section-text';

function grid(...rows: string[][]): Table {
  return { kind: 'table', header: true, rows: rows.map((cells) => ({ cells: cells.map((text) => ({ runs: [{ text }] })) })) };
}
const cells = (doc: PolicyDocument, at: number) => {
  const block = doc.blocks[at];
  return block?.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => runsToPlainText(cell.runs))) : null;
};
const setCell = (doc: PolicyDocument, at: number, r: number, c: number, text: string): PolicyDocument => ({
  ...doc,
  blocks: doc.blocks.map((block, i) =>
    i !== at || block.kind !== 'table'
      ? block
      : { ...block, rows: block.rows.map((row, ri) => (ri !== r ? row : { cells: row.cells.map((cell, ci) => (ci !== c ? cell : { runs: [{ text }] })) })) },
  ),
});
const valid = (doc: PolicyDocument) => {
  const parsed = PolicyDocumentSchema.safeParse(doc);
  expect(parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe('');
};
const mark = (id: string): Run => ({ text: notePlaceholder(id), note: id });

describe('merging tables', () => {
  const base = policy([h(1, 's-keep00001', 'Retention'), p('We keep data as follows.'), grid(['Data', 'Kept for'], ['Email', '2 years'], ['Phone', '1 year'])]);

  it('merges both sides\' edits to different cells of one table without a conflict', () => {
    const mine = setCell(base, 2, 1, 1, '3 years');
    const theirs = setCell(base, 2, 2, 0, 'Mobile phone');
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(cells(merged, 2)).toEqual([['Data', 'Kept for'], ['Email', '3 years'], ['Mobile phone', '1 year']]);
    expect((merged.blocks[2] as Table).header).toBe(true);
    valid(merged);
  });

  it('merges a cell edit with an edit to a paragraph beside the table', () => {
    const mine = { ...setCell(base, 2, 1, 1, '3 years'), blocks: setCell(base, 2, 1, 1, '3 years').blocks.map((b, i) => (i === 1 ? p('We keep data so.') : b)) };
    const theirs = setCell(base, 2, 2, 1, '6 months');
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(runsToPlainText((merged.blocks[1] as Block & { runs: Run[] }).runs)).toBe('We keep data so.');
    expect(cells(merged, 2)).toEqual([['Data', 'Kept for'], ['Email', '3 years'], ['Phone', '6 months']]);
  });

  it('calls the same cell changed differently by both a conflict, mine standing meanwhile', () => {
    const mine = setCell(base, 2, 1, 1, '3 years');
    const theirs = setCell(base, 2, 1, 1, '5 years');
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts.map((c) => c.kind)).toEqual(['both-edited']);
    expect(cells(merged, 2)?.[1]).toEqual(['Email', '3 years']);
    const conflict = conflicts[0] as SectionConflict;
    expect(sectionText(conflict.theirs)).toContain('Email | 5 years');
    expect(describeConflicts(conflicts)[0]).toMatchObject({ mine: expect.stringContaining('3 years'), theirs: expect.stringContaining('5 years') });
  });

  it('calls a row added by one side and a cell changed by the other a conflict (rows are not matched up)', () => {
    const mine = { ...base, blocks: base.blocks.map((b, i) => (i === 2 ? grid(['Data', 'Kept for'], ['Email', '2 years'], ['Phone', '1 year'], ['Logs', '30 days']) : b)) };
    const theirs = setCell(base, 2, 1, 1, '5 years');
    expect(mergeDocuments(base, mine, theirs).conflicts.map((c) => c.kind)).toEqual(['both-edited']);
    // left alone by the other side, a row added merges like any change
    expect(mergeDocuments(base, mine, base).conflicts).toEqual([]);
  });

  it('reads a table back from the conflict\'s text: unchanged rows keep the table, changed rows make its cells', () => {
    const conflict = { key: 's-keep00001', base: base.blocks, mine: base.blocks, theirs: base.blocks };
    const text = sectionText(base.blocks);
    expect(blocksFromText(text, conflict)).toEqual(base.blocks);
    const changed = blocksFromText(text.replace('Email | 2 years', 'Email | 4 years'), conflict);
    expect(changed[2]).toEqual({ ...grid(['Data', 'Kept for'], ['Email', '4 years'], ['Phone', '1 year']) });
  });
});

describe('merging footnotes', () => {
  const note = (id: string, text: string) => ({ id, runs: [{ text }] });
  const base = policy(
    [h(1, 's-law000001', 'Law'), p('We process data', mark('n-gdpr00001'), '.'), p('We keep logs.'), h(1, 's-contact1', 'Contact'), p('Write to us.')],
    { notes: [note('n-gdpr00001', 'Under the GDPR.')] },
  );
  const withNotes = (doc: PolicyDocument, notes: PolicyDocument['notes']) => ({ ...doc, notes });
  const withBlock = (doc: PolicyDocument, at: number, block: Block) => ({ ...doc, blocks: doc.blocks.map((b, i) => (i === at ? block : b)) });

  it('merges one side\'s edit to a note\'s text with the other\'s edit to a paragraph', () => {
    const mine = withBlock(base, 4, p('Write to us today.'));
    const theirs = withNotes(base, [note('n-gdpr00001', 'Under the UK GDPR.')]);
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.notes).toEqual([note('n-gdpr00001', 'Under the UK GDPR.')]);
    valid(merged);
  });

  it('keeps a note the other side added with its mark, and drops one whose mark a side deleted', () => {
    const mine = withBlock(base, 1, p('We process data.'));
    const theirs = withNotes(withBlock(base, 2, p('We keep logs', mark('n-logs000001'), '.')), [note('n-gdpr00001', 'Under the GDPR.'), note('n-logs000001', 'For 30 days.')]);
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.notes).toEqual([note('n-logs000001', 'For 30 days.')]);
    valid(merged);
  });

  it('calls a note changed differently by both a note conflict; theirs takes their text', () => {
    const mine = withNotes(base, [note('n-gdpr00001', 'Under the EU GDPR.')]);
    const theirs = withNotes(base, [note('n-gdpr00001', 'Under the UK GDPR.')]);
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([{ kind: 'note', id: 'n-gdpr00001', base: [{ text: 'Under the GDPR.' }], mine: [{ text: 'Under the EU GDPR.' }], theirs: [{ text: 'Under the UK GDPR.' }] } satisfies NoteConflict]);
    expect(merged.notes).toEqual(mine.notes);
    expect(describeConflicts(conflicts)[0]).toEqual({ where: 'The footnote “Under the GDPR.”', mine: 'Under the EU GDPR.', theirs: 'Under the UK GDPR.' });
    expect(resolveConflicts(merged, conflicts, [{ conflict: 0, take: 'theirs' }]).notes).toEqual(theirs.notes);
    expect(resolveConflicts(merged, conflicts, [{ conflict: 0, take: 'mine' }]).notes).toEqual(mine.notes);
    expect(resolveConflicts(merged, conflicts, [{ conflict: 0, take: 'edited', text: 'Under both.' }]).notes).toEqual([note('n-gdpr00001', 'Under both.')]);
  });

  it('brings a note back with their paragraph when their side of a section conflict is taken', () => {
    const mine = withBlock(base, 2, p('We keep logs for a week.'));
    const theirs = withNotes(withBlock(base, 2, p('We keep logs', mark('n-logs000001'), '.')), [note('n-gdpr00001', 'Under the GDPR.'), note('n-logs000001', 'For 30 days.')]);
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts.map((c) => c.kind)).toEqual(['both-edited']);
    valid(merged);
    const resolved = resolveConflicts(merged, conflicts, [{ conflict: 0, take: 'theirs' }]);
    expect(resolved.notes?.map((n) => n.id)).toEqual(['n-gdpr00001', 'n-logs000001']);
    valid(resolved);
  });
});

describe('merging unnumbered headings', () => {
  it('merges one side unnumbering a heading with the other renaming it', () => {
    const base = policy([h(1, 's-sum000001', 'Summary'), p('Short.')]);
    const mine = { ...base, blocks: [{ ...(base.blocks[0] as Block & { kind: 'heading' }), unnumbered: true as const }, p('Short.')] };
    const theirs = { ...base, blocks: [h(1, 's-sum000001', 'In short'), p('Short.')] };
    const { merged, conflicts } = mergeDocuments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.blocks[0]).toEqual({ kind: 'heading', id: 's-sum000001', level: 1, unnumbered: true, runs: [{ text: 'In short' }] });
    // and a side numbering it again is a change the merge keeps
    expect(mergeDocuments(mine, mine, base).merged.blocks[0]).not.toHaveProperty('unnumbered');
  });
});

describe('merging project files with tables and footnotes', () => {
  it('merges the stored text of two editions, cell by cell and note by note', () => {
    const base = policy([h(1, 's-keep00001', 'Retention'), grid(['Data', 'Kept for'], ['Email', '2 years']), p('Logs', mark('n-logs000001'), '.')], {
      notes: [{ id: 'n-logs000001', runs: [{ text: 'For 30 days.' }] }],
    });
    const mine = setCell(base, 1, 1, 1, '1 year');
    const theirs = { ...setCell(base, 1, 1, 0, 'Email address'), notes: [{ id: 'n-logs000001', runs: [{ text: 'For 90 days.' }] }] };
    const result = mergeDocumentFile({ name: 'policy.policy.json', base: serializeDocument(base), mine: serializeDocument(mine), theirs: serializeDocument(theirs) });
    expect(result.conflicts).toEqual([]);
    const merged = parseFile(PolicyDocumentSchema, result.text as string, 'merged');
    expect(cells(merged, 1)).toEqual([['Data', 'Kept for'], ['Email address', '1 year']]);
    expect(merged.notes).toEqual(theirs.notes);
  });
});
