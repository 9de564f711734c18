import { describe, expect, it } from 'vitest';
import { compareDocuments } from './compare';
import { h, li, p, publishedPolicy, section } from '../testing/builders';
import { isSectionRow, type Comparison, type SectionRow } from './types';
import { sideBlocks } from './sides';

const labels = { oldLabel: 'Version 1', newLabel: 'Current draft' };

const base = publishedPolicy([
  p('This policy explains how Northwind handles personal data.'),
  ...section(1, 's-intro1', 'Introduction', 'We are Northwind Analytics Ltd.'),
  ...section(1, 's-collect', 'Information We Collect', 'We collect your name and email address.'),
  ...section(2, 's-direct', 'Information You Give Us', 'You give us details when you sign up.'),
  ...section(2, 's-autom', 'Information Collected Automatically', 'Our servers log your IP address.'),
  ...section(1, 's-retain', 'Retention', 'We keep data for six years.'),
  ...section(1, 's-contact', 'Contact Us', 'Write to privacy@northwind.example.'),
]);

function sections(comparison: Comparison): SectionRow[] {
  return comparison.rows.filter(isSectionRow);
}

function row(comparison: Comparison, title: string): SectionRow {
  const found = sections(comparison).find((r) => (r.new ?? r.old)?.title === title);
  if (!found) throw new Error(`no row titled ${title}`);
  return found;
}

describe('compareDocuments', () => {
  it('finds nothing to report between identical editions', () => {
    const result = compareDocuments(base, structuredClone(base), labels);
    expect(result.summary).toEqual({ unchanged: 7, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0, wordsInserted: 0, wordsDeleted: 0, wordsMoved: 0, linksChanged: 0 });
    expect(result.metadata).toEqual([]);
    expect(sections(result).every((r) => r.redline === null && !r.renumbered)).toBe(true);
  });

  it('shows renumbering without counting it as a change', () => {
    const edited = publishedPolicy([...base.blocks.slice(0, 1), h(1, 's-newone', 'Who We Are'), p('A new section.'), ...base.blocks.slice(1)]);
    const result = compareDocuments(base, edited, labels);
    expect(result.summary).toMatchObject({ added: 1, changed: 0, moved: 0, unchanged: 7, wordsInserted: 6 });
    const retention = row(result, 'Retention');
    expect(retention).toMatchObject({ status: 'unchanged', renumbered: true });
    expect([retention.old?.number, retention.new?.number]).toEqual(['3', '4']);
  });

  it('reports a moved and edited section as one move with its edits', () => {
    const blocks = [...base.blocks];
    const retention = blocks.splice(9, 2);
    retention[1] = p('We keep data for seven years.');
    blocks.splice(1, 0, ...retention);
    const result = compareDocuments(base, publishedPolicy(blocks), labels);
    expect(result.summary).toMatchObject({ moved: 1, added: 0, deleted: 0, changed: 0, wordsInserted: 1, wordsDeleted: 1 });
    const moved = row(result, 'Retention');
    expect(moved).toMatchObject({ status: 'moved', edited: true, renumbered: true, carried: false });
    expect([moved.old?.number, moved.new?.number]).toEqual(['3', '1']);
    const origin = result.rows.find((r) => r.status === 'move-origin');
    expect(origin && result.rows[origin.target]).toBe(moved);
    // The place it left sits where it was: after "Information Collected Automatically" (old 2.2).
    const originIndex = result.rows.indexOf(origin!);
    expect((result.rows[originIndex - 1] as SectionRow).new?.title).toBe('Information Collected Automatically');
  });

  it('moves a section with its subsections as one move', () => {
    const blocks = [...base.blocks];
    const collect = blocks.splice(3, 6);
    blocks.splice(7, 0, ...collect);
    const result = compareDocuments(base, publishedPolicy(blocks), labels);
    // Moving "Information We Collect" after "Contact Us" is the same as moving Retention and Contact Us up; either
    // way, the smaller side moves and the subsections are not counted as moves of their own.
    expect(result.summary.moved).toBeGreaterThanOrEqual(1);
    expect(result.summary.moved).toBeLessThanOrEqual(2);
    expect(result.summary).toMatchObject({ changed: 0, added: 0, deleted: 0, wordsInserted: 0, wordsDeleted: 0 });
  });

  it('pairs sections without shared ids by title, then by content', () => {
    const imported = publishedPolicy(
      base.blocks.map((block, i) =>
        block.kind === 'heading'
          ? { ...block, id: `s-imp${String(i).padStart(3, '0')}`, runs: i === 3 ? [{ text: 'What We Collect' }] : block.runs }
          : block,
      ),
    );
    const result = compareDocuments(base, imported, labels);
    expect(result.summary).toMatchObject({ added: 0, deleted: 0, moved: 0, changed: 1 });
    expect(row(result, 'What We Collect')).toMatchObject({ matchedBy: 'content', status: 'changed', wordsInserted: 1, wordsDeleted: 1 });
    expect(row(result, 'Retention').matchedBy).toBe('title');
  });

  it('marks words, paragraph splits and list changes, and lists metadata changes', () => {
    const edited = publishedPolicy(
      [
        ...base.blocks.slice(0, 9),
        h(1, 's-retain', 'Retention'),
        p('We keep data for six years.'),
        p('Backups are deleted after 30 days.'),
        h(1, 's-contact', 'Contact Us'),
        li('Write to privacy@northwind.example.'),
      ],
      { effectiveDate: '2026-03-01', title: 'Privacy Notice' },
    );
    const result = compareDocuments(base, edited, labels);
    expect(result.metadata.map((m) => [m.field, m.old, m.new])).toEqual([
      ['title', 'Privacy Policy', 'Privacy Notice'],
      ['effectiveDate', '2026-01-15', '2026-03-01'],
    ]);
    const retention = row(result, 'Retention');
    expect(retention.wordsInserted).toBe(6);
    expect(sideBlocks(retention.redline!, 'new').length).toBe(3);
    expect(sideBlocks(retention.redline!, 'old').length).toBe(2);
    const contact = row(result, 'Contact Us');
    expect(contact.status).toBe('changed');
    expect(contact.wordsInserted + contact.wordsDeleted).toBe(0);
    expect(sideBlocks(contact.redline!, 'new').at(-1)?.block).toEqual({ kind: 'list-item', list: 'bullet', indent: 0 });
  });

  it('groups a replaced word with the space between replaced words', () => {
    const edited = publishedPolicy(base.blocks.map((b, i) => (i === 10 ? p('We keep records for ten years.') : b)));
    const retention = row(compareDocuments(base, edited, labels), 'Retention');
    const runs = retention.redline!.flatMap((block) => block.runs.map((r) => `${r.op[0]}:${r.text}`));
    expect(runs).toEqual(['e:Retention', 'e:We keep ', 'd:data', 'i:records', 'e: for ', 'd:six', 'i:ten', 'e: years.']);
  });

  it('counts deleted and added sections and places deletions where they stood', () => {
    const edited = publishedPolicy([...base.blocks.slice(0, 9), ...base.blocks.slice(11), h(1, 's-child1', "Children's Data"), p('We do not knowingly collect data from children.')]);
    const result = compareDocuments(base, edited, labels);
    expect(result.summary).toMatchObject({ deleted: 1, added: 1, wordsDeleted: 7, wordsInserted: 10 });
    const titles = result.rows.map((r) => (isSectionRow(r) ? `${r.status}:${(r.new ?? r.old)?.title}` : 'origin'));
    expect(titles.slice(-3)).toEqual(['deleted:Retention', 'unchanged:Contact Us', "added:Children's Data"]);
  });

  it('counts a change of numbering style as metadata, and every section as renumbered but unchanged', () => {
    const result = compareDocuments(base, { ...base, numbering: 'section-sign' }, labels);
    expect(result.metadata.map((m) => [m.field, m.old, m.new])).toEqual([['numbering', 'decimal', 'section-sign']]);
    expect(result.summary).toMatchObject({ unchanged: 7, changed: 0, moved: 0, wordsInserted: 0, wordsDeleted: 0 });
    const retention = row(result, 'Retention');
    expect([retention.old?.label, retention.new?.label, retention.renumbered]).toEqual(['3.', '§ 3', true]);
  });
});
