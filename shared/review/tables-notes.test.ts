import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument, type Run, type Table } from '../model/document';
import { runsToPlainText } from '../model/text';
import { notePlaceholder } from '../model/vocabulary';
import { h, p, policy } from '../testing/builders';
import { listComments, listSuggestions } from './list';
import { acceptAll, rejectAll, resolveSuggestions } from './resolve';
import { suggestDifference } from './suggest-difference';
import { documentHasSuggestions, hasSuggestions } from './suggestions';
import { keepKnownComments } from './threads';
import { sectionSubtree, suggestionsMatching } from './select';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
const MARK = { by: 'Rita', at: '2026-12-05T09:00:00Z' };

function grid(...rows: Array<Array<string | Run[]>>): Table {
  return { kind: 'table', rows: rows.map((cells) => ({ cells: cells.map((cell) => ({ runs: typeof cell === 'string' ? [{ text: cell }] : cell })) })) };
}
const cells = (block: Block | undefined) => (block?.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => runsToPlainText(cell.runs))) : null);
const mark = (id: string): Run => ({ text: notePlaceholder(id), note: id });
const valid = (doc: PolicyDocument) => {
  const parsed = PolicyDocumentSchema.safeParse(doc);
  expect(parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe('');
};

describe('suggestions in table cells', () => {
  const doc = policy([
    h(1, 's-keep00001', 'Retention'),
    grid(['Data', 'Kept for'], ['Email', [{ text: '2 years', del: ana }, { text: '1 year', ins: ana }]], ['Phone', [{ text: 'ever', formatted: { ...ben, was: [] }, marks: ['bold'] }]]),
  ]);

  it('accepts and rejects cell by cell, and lists each with its text and section', () => {
    valid(doc);
    expect(hasSuggestions(doc.blocks[1] as Block)).toBe(true);
    expect(cells(acceptAll(doc).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '1 year'], ['Phone', 'ever']]);
    expect(cells(rejectAll(doc).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '2 years'], ['Phone', 'ever']]);
    expect((rejectAll(doc).blocks[1] as Table).rows[2]?.cells[0]?.runs).toEqual([{ text: 'Phone' }]);
    expect((rejectAll(doc).blocks[1] as Table).rows[2]?.cells[1]?.runs).toEqual([{ text: 'ever' }]);
    expect(listSuggestions(doc).map((s) => [s.id, s.kinds, s.inserted, s.deleted, s.sectionNumber, s.block])).toEqual([
      ['c-ana0001', ['delete', 'insert'], '1 year', '2 years', '1', 1],
      ['c-ben0001', ['format'], '', '', '1', 1],
    ]);
  });

  it('settles one suggestion and leaves the other open in the same table', () => {
    const one = resolveSuggestions(doc, (part) => (part.id === 'c-ben0001' ? 'accept' : undefined));
    expect(listSuggestions(one).map((s) => s.id)).toEqual(['c-ana0001']);
    expect((one.blocks[1] as Table).rows[2]?.cells[1]?.runs).toEqual([{ text: 'ever', marks: ['bold'] }]);
  });

  it('inserts or deletes a table whole by its change', () => {
    const inserted: Table = { ...grid([[{ text: 'New', ins: ana }]]), change: { ...ana, kind: 'insert' } };
    const deleted: Table = { ...grid([[{ text: 'Old', del: ben }]]), change: { ...ben, kind: 'delete' } };
    const both = policy([p('Before.'), inserted, deleted]);
    valid(both);
    expect(acceptAll(both).blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(cells(acceptAll(both).blocks[1])).toEqual([['New']]);
    expect((acceptAll(both).blocks[1] as Table).change).toBeUndefined();
    expect(cells(rejectAll(both).blocks[1])).toEqual([['Old']]);
    expect(listSuggestions(both).map((s) => [s.id, s.kinds])).toEqual([
      ['c-ana0001', ['insert']],
      ['c-ben0001', ['delete']],
    ]);
  });

  it('places a comment in a cell and drops a cell comment naming no thread', () => {
    const thread = { id: 'k-cell00001', by: 'Ana', at: '2026-12-04T10:00:00Z', text: 'Too long?' };
    const commented = policy([h(1, 's-keep00001', 'Retention'), grid(['Email', [{ text: '2 years', comments: ['k-cell00001', 'k-gone00001'] }]])], { comments: [thread] });
    expect(listComments(commented).map((c) => [c.thread.id, c.quote, c.block, c.orphaned])).toEqual([['k-cell00001', '2 years', 1, false]]);
    const kept = keepKnownComments(commented);
    expect((kept.blocks[1] as Table).rows[0]?.cells[1]?.runs).toEqual([{ text: '2 years', comments: ['k-cell00001'] }]);
    valid(kept);
  });
});

describe('suggestions and footnotes', () => {
  const withNote = (runs: Run[], noteRuns: Run[] = [{ text: 'Under the GDPR.' }]) => policy([h(1, 's-law000001', 'Law'), p('We process data', ...runs, '.')], { notes: [{ id: 'n-gdpr00001', runs: noteRuns }] });

  it('removes a note when the deletion of its mark is accepted, and keeps it when rejected', () => {
    const doc = withNote([{ ...mark('n-gdpr00001'), del: ana }]);
    valid(doc);
    const accepted = acceptAll(doc);
    expect(accepted.notes).toBeUndefined();
    valid(accepted);
    const rejected = rejectAll(doc);
    expect(rejected.notes?.map((n) => n.id)).toEqual(['n-gdpr00001']);
    expect(rejected.blocks[1]?.kind === 'paragraph' && rejected.blocks[1].runs.some((run) => run.note === 'n-gdpr00001')).toBe(true);
  });

  it('removes a note when the insertion of its mark is rejected', () => {
    const doc = withNote([{ ...mark('n-gdpr00001'), ins: ana }]);
    expect(rejectAll(doc).notes).toBeUndefined();
    valid(rejectAll(doc));
    expect(acceptAll(doc).notes?.map((n) => n.id)).toEqual(['n-gdpr00001']);
  });

  it('settles, lists and counts suggestions in a note\'s own text, at the block of its mark', () => {
    const doc = withNote([mark('n-gdpr00001')], [{ text: 'Under the ' }, { text: 'GDPR', del: ben }, { text: 'UK GDPR', ins: ben }, { text: '.' }]);
    valid(doc);
    expect(documentHasSuggestions(doc)).toBe(true);
    expect(doc.blocks.some(hasSuggestions)).toBe(false);
    expect(listSuggestions(doc).map((s) => [s.id, s.inserted, s.deleted, s.block, s.sectionNumber])).toEqual([['c-ben0001', 'UK GDPR', 'GDPR', 1, '1']]);
    expect(acceptAll(doc).notes?.[0]?.runs).toEqual([{ text: 'Under the UK GDPR.' }]);
    expect(rejectAll(doc).notes?.[0]?.runs).toEqual([{ text: 'Under the GDPR.' }]);
  });

  it('places a comment in a note\'s text', () => {
    const thread = { id: 'k-note00001', by: 'Ana', at: '2026-12-04T10:00:00Z', text: 'Which article?' };
    const doc = { ...withNote([mark('n-gdpr00001')], [{ text: 'Under the GDPR.', comments: ['k-note00001'] }]), comments: [thread] };
    expect(listComments(doc).map((c) => [c.thread.id, c.quote, c.block, c.orphaned])).toEqual([['k-note00001', 'Under the GDPR.', 1, false]]);
  });
});

describe('suggestDifference with tables and footnotes', () => {
  let n = 0;
  const ids = () => `c-t${String(++n).padStart(6, '0')}`;

  it('suggests a table edited in its cells cell by cell', () => {
    const base = policy([h(1, 's-keep00001', 'Retention'), grid(['Data', 'Kept for'], ['Email', '2 years'])]);
    const edited = policy([h(1, 's-keep00001', 'Retention'), grid(['Data', 'Kept for'], ['Email', '1 year'])]);
    const result = suggestDifference(base, edited, MARK, ids);
    valid(result);
    expect((result.blocks[1] as Table).change).toBeUndefined();
    expect((result.blocks[1] as Table).rows[0]?.cells).toEqual([{ runs: [{ text: 'Data' }] }, { runs: [{ text: 'Kept for' }] }]);
    // word by word: "2" gives way to "1", "years" to "year"; the cell "Email" beside them is untouched
    expect(listSuggestions(result).map((s) => [s.inserted, s.deleted, s.block])).toEqual([
      ['1', '2', 1],
      ['year', 'years', 1],
    ]);
    expect((result.blocks[1] as Table).rows[1]?.cells[0]).toEqual({ runs: [{ text: 'Email' }] });
    expect(cells(acceptAll(result).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '1 year']]);
    expect(cells(rejectAll(result).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '2 years']]);
  });

  it('suggests a table whose shape changed as the old one deleted and the new one inserted, by one suggestion', () => {
    const base = policy([h(1, 's-keep00001', 'Retention'), grid(['Data', 'Kept for'], ['Email', '2 years'])]);
    const edited = policy([h(1, 's-keep00001', 'Retention'), grid(['Data', 'Kept for'], ['Email', '2 years'], ['Phone', '1 year'])]);
    const result = suggestDifference(base, edited, MARK, ids);
    valid(result);
    expect(result.blocks.map((b) => [b.kind, b.change?.kind])).toEqual([
      ['heading', undefined],
      ['table', 'delete'],
      ['table', 'insert'],
    ]);
    expect(result.blocks[1]?.change?.id).toBe(result.blocks[2]?.change?.id);
    expect(listSuggestions(result)).toHaveLength(1);
    expect(cells(acceptAll(result).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '2 years'], ['Phone', '1 year']]);
    expect(acceptAll(result).blocks).toHaveLength(2);
    expect(cells(rejectAll(result).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '2 years']]);
    expect(rejectAll(result).blocks).toHaveLength(2);
  });

  it('takes a heading made unnumbered as a plain edit, not a suggestion', () => {
    const base = policy([h(1, 's-sum000001', 'Summary'), p('Short.')]);
    const edited = policy([{ ...(h(1, 's-sum000001', 'Summary') as Block & { kind: 'heading' }), unnumbered: true }, p('Short.')]);
    const result = suggestDifference(base, edited, MARK, ids);
    expect(result.blocks[0]).toEqual({ kind: 'heading', id: 's-sum000001', level: 1, unnumbered: true, runs: [{ text: 'Summary' }] });
    expect(listSuggestions(result)).toEqual([]);
  });

  it('suggests a note\'s changed text inside the note, and a new note with its mark', () => {
    const base = policy([p('We process data', mark('n-gdpr00001'), '.')], { notes: [{ id: 'n-gdpr00001', runs: [{ text: 'Under the GDPR.' }] }] });
    // an import: the edited copy's notes have ids of their own
    const edited = policy([p('We process data', mark('n-imp000001'), ' and logs', mark('n-imp000002'), '.')], {
      notes: [
        { id: 'n-imp000001', runs: [{ text: 'Under the UK GDPR.' }] },
        { id: 'n-imp000002', runs: [{ text: 'Kept a week.' }] },
      ],
    });
    const result = suggestDifference(base, edited, MARK, ids);
    valid(result);
    expect(result.notes?.[0]?.id).toBe('n-gdpr00001');
    expect(runsToPlainText(acceptAll(result).notes?.[0]?.runs ?? [])).toBe('Under the UK GDPR.');
    expect(acceptAll(result).notes?.map((note) => runsToPlainText(note.runs))).toEqual(['Under the UK GDPR.', 'Kept a week.']);
    expect(rejectAll(result).notes).toEqual(base.notes);
    expect(rejectAll(result).blocks).toEqual(base.blocks);
  });

  it('suggests a note\'s mark deleted, and the note goes once that is accepted', () => {
    const base = policy([p('We process data', mark('n-gdpr00001'), '.')], { notes: [{ id: 'n-gdpr00001', runs: [{ text: 'Under the GDPR.' }] }] });
    const edited = policy([p('We process data.')]);
    const result = suggestDifference(base, edited, MARK, ids);
    valid(result);
    expect(result.notes).toEqual(base.notes);
    expect(acceptAll(result).notes).toBeUndefined();
    expect(rejectAll(result)).toEqual(base);
  });
});

describe('suggestions in a section that takes no number', () => {
  const doc = policy([
    { kind: 'heading', id: 's-sum000001', level: 1, unnumbered: true, runs: [{ text: 'Summary' }] },
    p({ text: 'Short', ins: ana }),
    h(1, 's-scope00001', 'Scope'),
    p({ text: 'Wide', del: ben }),
  ]);

  it('names the section by its title, and the next numbered section keeps number 1', () => {
    expect(listSuggestions(doc).map((s) => [s.id, s.sectionNumber])).toEqual([
      ['c-ana0001', 'Summary'],
      ['c-ben0001', '1'],
    ]);
  });

  it('settles the suggestions of a section named by its title', () => {
    expect(suggestionsMatching(doc, { section: 'summary' }).map((s) => s.id)).toEqual(['c-ana0001']);
    expect(suggestionsMatching(doc, { section: '1' }).map((s) => s.id)).toEqual(['c-ben0001']);
    expect(sectionSubtree(doc, '')).toBeNull();
  });
});
