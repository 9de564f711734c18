import { describe, expect, it } from 'vitest';
import type { Block, PolicyDocument, Table } from '../model/document';
import { h, p, publishedPolicy, section } from '../testing/builders';
import { compareDocuments } from './compare';
import { jsonReport, textReport } from './report';
import { sideBlocks } from './sides';
import { isSectionRow, type Comparison, type RedlineBlock, type RedlineRun, type SectionRow } from './types';

/** Compare of what format 4 brought: tables, footnotes, headings without a number; and link changes, splits, merges. */

const labels = { oldLabel: 'Version 1', newLabel: 'Draft' };
const compare = (a: PolicyDocument, b: PolicyDocument) => compareDocuments(a, b, labels);
const rows = (c: Comparison): SectionRow[] => c.rows.filter(isSectionRow);
const rowTitled = (c: Comparison, title: string): SectionRow => {
  const found = rows(c).find((r) => (r.new ?? r.old)?.title === title);
  if (!found) throw new Error(`no row titled ${title}`);
  return found;
};

const table = (cells: string[][], extra: Partial<Table> = {}): Block => ({
  kind: 'table',
  rows: cells.map((row) => ({ cells: row.map((text) => ({ runs: [{ text }] })) })),
  ...extra,
});
const retention = (t: Block) => publishedPolicy([...section(1, 's-retain01', 'Retention', 'We keep:', t, 'Then we delete it.')]);
const tableOf = (r: SectionRow): RedlineBlock => {
  const found = r.redline?.find((block) => block.table !== undefined);
  if (!found) throw new Error('no table in the redline');
  return found;
};
const text = (runs: readonly RedlineRun[], op: RedlineRun['op']) => runs.filter((run) => run.op === op).map((run) => run.text).join('');

const DATA = [
  ['Data', 'Kept for'],
  ['Account', '6 years'],
  ['Logs', '90 days'],
];

describe('tables in a compare', () => {
  it('compares an edited cell word by word and keeps the other cells', () => {
    const c = compare(retention(table(DATA, { header: true })), retention(table([DATA[0]!, ['Account', '7 years'], DATA[2]!], { header: true })));
    const r = rowTitled(c, 'Retention');
    expect(r.status).toBe('changed');
    const redline = tableOf(r);
    expect(redline.mark).toBe('equal');
    expect(redline.table?.rows.map((row) => row.op)).toEqual(['equal', 'equal', 'equal']);
    const cell = redline.table?.rows[1]?.cells[1] ?? [];
    expect([text(cell, 'delete'), text(cell, 'insert'), text(cell, 'equal')]).toEqual(['6', '7', ' years']);
    expect([r.wordsInserted, r.wordsDeleted]).toEqual([1, 1]);
  });

  it('shows a row added as a row inserted, the others kept', () => {
    const c = compare(retention(table(DATA)), retention(table([...DATA.slice(0, 2), ['Payments', '10 years'], DATA[2]!])));
    const redline = tableOf(rowTitled(c, 'Retention'));
    expect(redline.table?.rows.map((row) => row.op)).toEqual(['equal', 'equal', 'insert', 'equal']);
    expect(redline.table?.rows[2]?.cells.map((cell) => text(cell, 'insert'))).toEqual(['Payments', '10 years']);
    expect(c.summary.wordsInserted).toBe(3);
    expect(c.summary.wordsDeleted).toBe(0);
  });

  it('shows a row deleted as a row deleted', () => {
    const c = compare(retention(table(DATA)), retention(table(DATA.slice(0, 2))));
    const redline = tableOf(rowTitled(c, 'Retention'));
    expect(redline.table?.rows.map((row) => row.op)).toEqual(['equal', 'equal', 'delete']);
    expect(c.summary).toMatchObject({ wordsInserted: 0, wordsDeleted: 3 });
    // Each side reads as its own edition: the old one has the row, the new one not.
    expect(sideBlocks(rowTitled(c, 'Retention').redline ?? [], 'old').find((b) => b.table)?.table?.rows).toHaveLength(3);
    expect(sideBlocks(rowTitled(c, 'Retention').redline ?? [], 'new').find((b) => b.table)?.table?.rows).toHaveLength(2);
  });

  it('shows a table whose width changed as the old table deleted and the new one inserted, the text around it kept', () => {
    const wider = DATA.map((row, i) => [...row, i === 0 ? 'Why' : 'Law']);
    const c = compare(retention(table(DATA)), retention(table(wider)));
    const r = rowTitled(c, 'Retention');
    expect(r.redline?.map((block) => [block.block.kind, block.mark])).toEqual([
      ['heading', 'equal'],
      ['paragraph', 'equal'],
      ['table', 'delete'],
      ['table', 'insert'],
      ['paragraph', 'equal'],
    ]);
    expect([r.wordsDeleted, r.wordsInserted]).toEqual([9, 12]);
  });

  it('finds no change in a section whose table is the same', () => {
    const c = compare(retention(table(DATA, { header: true })), retention(table(DATA, { header: true })));
    expect(c.summary).toMatchObject({ changed: 0, unchanged: 1 });
  });
});

describe('links in a compare', () => {
  const contact = (link: string) => publishedPolicy(section(1, 's-contact1', 'Contact', p('Write to ', { text: 'our privacy team', link }, ' today.')));

  it('shows the same words with another address as a link change, not as words deleted and inserted', () => {
    const c = compare(contact('mailto:old@example.com'), contact('mailto:privacy@example.com'));
    const r = rowTitled(c, 'Contact');
    expect(r.status).toBe('changed');
    expect([r.wordsInserted, r.wordsDeleted]).toEqual([0, 0]);
    const runs = r.redline?.flatMap((block) => block.runs) ?? [];
    expect(runs.every((run) => run.op === 'equal')).toBe(true);
    const changed = runs.find((run) => run.linkWas !== undefined);
    expect(changed).toMatchObject({ text: 'our privacy team', link: 'mailto:privacy@example.com', linkWas: 'mailto:old@example.com' });
    expect([r.linksChanged, c.summary.linksChanged]).toEqual([1, 1]);
    // The old side shows the address it had.
    const old = sideBlocks(r.redline ?? [], 'old').flatMap((block) => block.runs);
    expect(old.find((run) => run.text === 'our privacy team')?.link).toBe('mailto:old@example.com');
    expect(textReport(c)).toContain('1 link changed');
  });

  it('still shows changed words as deleted and inserted when their link changed with them', () => {
    const a = publishedPolicy(section(1, 's-contact1', 'Contact', p('Write to ', { text: 'us', link: 'https://a.example' })));
    const b = publishedPolicy(section(1, 's-contact1', 'Contact', p('Write to ', { text: 'them', link: 'https://b.example' })));
    const r = rowTitled(compare(a, b), 'Contact');
    expect([r.wordsInserted, r.wordsDeleted, r.linksChanged]).toEqual([1, 1, 0]);
  });
});

describe('sections split and merged', () => {
  const whole = publishedPolicy([
    ...section(1, 's-intro01', 'Introduction', 'We are Northwind.'),
    ...section(1, 's-data0001', 'Your Data', 'We collect your name.', 'We keep it for six years.', 'We delete it when asked.'),
    ...section(1, 's-contact1', 'Contact', 'Write to us.'),
  ]);
  const split = publishedPolicy([
    ...section(1, 's-intro01', 'Introduction', 'We are Northwind.'),
    ...section(1, 's-data0001', 'Your Data', 'We collect your name.'),
    ...section(1, 's-keep0001', 'Retention', 'We keep it for six years.', 'We delete it when asked.'),
    ...section(1, 's-contact1', 'Contact', 'Write to us.'),
  ]);

  it('shows a heading put in the middle of a section as a split: the heading inserted, the paragraphs kept', () => {
    const c = compare(whole, split);
    const first = rowTitled(c, 'Your Data');
    const cut = rowTitled(c, 'Retention');
    // What stayed under the old heading is its old text: unchanged.
    expect(first.status).toBe('unchanged');
    expect(first.wordsDeleted).toBe(0);
    expect(cut.status).toBe('split');
    expect(cut.old?.id).toBe('s-data0001');
    expect(cut.redline?.map((block) => [block.block.kind, block.mark, text(block.runs, 'insert')])).toEqual([
      ['heading', 'insert', 'Retention'],
      ['paragraph', 'equal', ''],
      ['paragraph', 'equal', ''],
    ]);
    expect(c.summary).toMatchObject({ split: 1, added: 0, deleted: 0, wordsInserted: 1, wordsDeleted: 0 });
    // The rows stand in both editions' order: the split part right after the section it was cut from.
    expect(rows(c).map((r) => r.new?.title)).toEqual(['Introduction', 'Your Data', 'Retention', 'Contact']);
    expect(jsonReport(c).sections.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'split', 'unchanged']);
  });

  it('shows a heading taken out as a merge: the heading deleted, its paragraphs kept in the section before', () => {
    const c = compare(split, whole);
    const merged = rows(c).find((r) => r.status === 'merged');
    if (!merged) throw new Error('no merged row');
    expect(merged.old?.title).toBe('Retention');
    expect(merged.status).toBe('merged');
    expect(merged.new?.id).toBe('s-data0001');
    expect(merged.redline?.map((block) => [block.block.kind, block.mark, text(block.runs, 'delete')])).toEqual([
      ['heading', 'delete', 'Retention'],
      ['paragraph', 'equal', ''],
      ['paragraph', 'equal', ''],
    ]);
    expect(c.summary).toMatchObject({ merged: 1, added: 0, deleted: 0, wordsInserted: 0, wordsDeleted: 1 });
    expect(rows(c).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'merged', 'unchanged']);
  });

  it('keeps a new section with none of the old text an added section', () => {
    const added = publishedPolicy([...whole.blocks.slice(0, 6), h(1, 's-new00001', 'Cookies'), p('We use no cookies.'), ...whole.blocks.slice(6)]);
    const c = compare(whole, added);
    expect(rowTitled(c, 'Cookies').status).toBe('added');
    expect(c.summary).toMatchObject({ split: 0, added: 1 });
  });
});

describe('moved sections', () => {
  it('counts the words of the sections that moved', () => {
    const a = publishedPolicy([
      ...section(1, 's-intro01', 'Introduction', 'We are Northwind.'),
      ...section(1, 's-data0001', 'Your Data', 'We collect your name and your email address.', 'We keep them for six years.'),
      ...section(1, 's-contact1', 'Contact', 'Write to us.'),
    ]);
    const b = publishedPolicy([a.blocks[0]!, a.blocks[1]!, ...a.blocks.slice(5), ...a.blocks.slice(2, 5)]);
    const c = compare(a, b);
    const moved = rows(c).filter((r) => r.status === 'moved');
    expect(moved.map((r) => r.new?.title)).toEqual(['Contact']);
    // "Contact" and "Write to us." : 4 words moved.
    expect(c.summary.wordsMoved).toBe(4);
    expect(c.summary).toMatchObject({ wordsInserted: 0, wordsDeleted: 0 });
    expect(textReport(c)).toContain('4 words moved');
  });
});

describe('headings without a number', () => {
  const doc = (unnumbered: boolean) =>
    publishedPolicy([
      { kind: 'heading', id: 's-summary1', level: 1, runs: [{ text: 'Summary' }], ...(unnumbered ? { unnumbered: true as const } : {}) },
      p('In short.'),
      ...section(1, 's-intro01', 'Introduction', 'We are Northwind.'),
    ]);

  it('numbers sections as numberSections does, an unnumbered heading taking no number', () => {
    const c = compare(doc(true), doc(true));
    expect(rows(c).map((r) => r.new?.label)).toEqual(['', '1.']);
    expect(c.summary).toMatchObject({ changed: 0, unchanged: 2 });
  });

  it('shows a heading switched to take no number as a change of its number, the sections after renumbered', () => {
    const c = compare(doc(false), doc(true));
    const summary = rowTitled(c, 'Summary');
    expect(summary).toMatchObject({ status: 'changed', numbering: 'now-unnumbered', edited: false, renumbered: true });
    expect(rowTitled(c, 'Introduction')).toMatchObject({ status: 'unchanged', renumbered: true });
    expect(c.summary).toMatchObject({ changed: 1, wordsInserted: 0, wordsDeleted: 0 });
    expect(rowTitled(compare(doc(true), doc(false)), 'Summary').numbering).toBe('now-numbered');
  });
});

describe('footnotes in a compare', () => {
  const mark = (id: string) => ({ text: `{{note:${id}}}`, note: id });
  const doc = (notes: Array<{ id: string; text: string }>) =>
    publishedPolicy(section(1, 's-intro01', 'Introduction', p('We are Northwind', ...notes.map((note) => mark(note.id)), '.')), {
      notes: notes.map((note) => ({ id: note.id, runs: [{ text: note.text }] })),
    });

  it('reads a suggestion that stands only in a footnote as accepted, and as it was for the original text', () => {
    const before = doc([{ id: 'n-aaaaaa', text: 'Registered in England.' }]);
    const by = { id: 'c-sugg01', by: 'Ana', at: '2026-12-05T07:00:00Z' };
    const suggested: PolicyDocument = {
      ...before,
      notes: [{ id: 'n-aaaaaa', runs: [{ text: 'Registered in ' }, { text: 'England', del: by }, { text: 'Wales', ins: by }, { text: '.' }] }],
    };
    const accepted = compareDocuments(before, suggested, labels);
    expect(accepted.notes[0]).toMatchObject({ status: 'changed', wordsInserted: 1, wordsDeleted: 1 });
    expect(compareDocuments(before, suggested, { ...labels, newText: 'original' }).notes[0]?.status).toBe('unchanged');
  });

  it('shows a note whose text changed at its mark, and its words in the notes part', () => {
    const c = compare(doc([{ id: 'n-aaaaaa', text: 'Registered in England.' }]), doc([{ id: 'n-aaaaaa', text: 'Registered in Wales.' }]));
    const r = rowTitled(c, 'Introduction');
    expect(r.status).toBe('changed');
    const markRun = r.redline?.flatMap((block) => block.runs).find((run) => run.note !== undefined);
    expect(markRun).toMatchObject({ op: 'equal', note: 'n-aaaaaa' });
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toMatchObject({ id: 'n-aaaaaa', number: 1, status: 'changed', wordsInserted: 1, wordsDeleted: 1 });
    expect([text(c.notes[0]!.runs, 'delete'), text(c.notes[0]!.runs, 'insert')]).toEqual(['England', 'Wales']);
    expect(c.summary).toMatchObject({ wordsInserted: 1, wordsDeleted: 1 });
  });

  it('shows a note added with its mark inserted, and one removed with its mark deleted', () => {
    const one = doc([{ id: 'n-aaaaaa', text: 'First.' }]);
    const two = doc([
      { id: 'n-aaaaaa', text: 'First.' },
      { id: 'n-bbbbbb', text: 'Second note.' },
    ]);
    const added = compare(one, two);
    const runs = rowTitled(added, 'Introduction').redline?.flatMap((block) => block.runs) ?? [];
    expect(runs.find((run) => run.note === 'n-bbbbbb')?.op).toBe('insert');
    expect(added.notes.map((note) => [note.number, note.status])).toEqual([
      [1, 'unchanged'],
      [2, 'added'],
    ]);
    expect(added.summary.wordsInserted).toBe(2);
    const removed = compare(two, one);
    expect(rowTitled(removed, 'Introduction').redline?.flatMap((block) => block.runs).find((run) => run.note === 'n-bbbbbb')?.op).toBe('delete');
    expect(removed.notes.map((note) => [note.number, note.status])).toEqual([
      [1, 'unchanged'],
      [2, 'deleted'],
    ]);
  });
});

describe('a split where the section was also edited', () => {
  it('compares the edited text with the section it stayed in, and the split part with what it holds', () => {
    const a = publishedPolicy([
      ...section(1, 's-keep0001', 'Keeping Data', 'We keep data for six years.', 'Ask us for the details.', 'When the time is up we delete it.', 'Backups go within 35 days.'),
    ]);
    const b = publishedPolicy([
      ...section(1, 's-keep0001', 'Keeping Data', 'We keep data for seven years.', 'Ask our team for the details.'),
      ...section(1, 's-delete01', 'Deleting Data', 'When the time is up we delete it.', 'Backups go within 35 days.'),
    ]);
    const c = compare(a, b);
    expect(rowTitled(c, 'Keeping Data')).toMatchObject({ status: 'changed', wordsInserted: 3, wordsDeleted: 2 });
    expect(rowTitled(c, 'Deleting Data')).toMatchObject({ status: 'split', wordsInserted: 2, wordsDeleted: 0 });
  });

  it('gives an edited first paragraph of the split part to the split part', () => {
    const a = publishedPolicy([...section(1, 's-keep0001', 'Keeping Data', 'We keep data.', 'When the time is up we delete it.', 'Backups go within 35 days.')]);
    const b = publishedPolicy([
      ...section(1, 's-keep0001', 'Keeping Data', 'We keep data.'),
      ...section(1, 's-delete01', 'Deleting Data', 'When the time is up we erase it.', 'Backups go within 35 days.'),
    ]);
    const c = compare(a, b);
    expect(rowTitled(c, 'Keeping Data').status).toBe('unchanged');
    expect(rowTitled(c, 'Deleting Data')).toMatchObject({ status: 'split', wordsInserted: 3, wordsDeleted: 1 });
  });
});

describe('a table whose first row became a header row', () => {
  it('is a change of the table\'s form, its words unchanged', () => {
    const c = compare(retention(table(DATA)), retention(table(DATA, { header: true })));
    const r = rowTitled(c, 'Retention');
    expect(r).toMatchObject({ status: 'changed', wordsInserted: 0, wordsDeleted: 0 });
    expect(tableOf(r).table).toMatchObject({ header: true, headerWas: false });
  });
});

describe('a suggestion in a table cell', () => {
  it('is compared as accepted by default, and as it stood before with the original text', () => {
    const mark = { id: 'c-cell01', by: 'Ana Reviewer', at: '2026-11-02T10:00:00.000Z' };
    const suggested = retention({
      kind: 'table',
      rows: [{ cells: [{ runs: [{ text: 'Account' }] }, { runs: [{ text: 'six', del: mark }, { text: 'seven', ins: mark }, { text: ' years' }] }] }],
    });
    const before = retention(table([['Account', 'six years']]));
    const accepted = compareDocuments(before, suggested, labels);
    const cell = tableOf(rowTitled(accepted, 'Retention')).table?.rows[0]?.cells[1] ?? [];
    expect([text(cell, 'delete'), text(cell, 'insert')]).toEqual(['six', 'seven']);
    expect(compareDocuments(before, suggested, { ...labels, newText: 'original' }).summary).toMatchObject({ changed: 0, unchanged: 1 });
  });
});
