import { describe, expect, it } from 'vitest';
import { exportRedlineHtml } from '../export/redline-html';
import { h, p, publishedPolicy } from '../testing/builders';
import { ref } from '../testing/reference-documents';
import { compareDocuments } from './compare';
import { isSectionRow, type Comparison, type SectionRow } from './types';
import { mapRunLists } from '../model/block-runs';
import { textBlock } from '../testing/text-block';

/** Cross-references in a comparison: compared by the section they point at, shown by its number in each edition. */

const labels = { oldLabel: 'Version 1', newLabel: 'Current draft' };
const old = publishedPolicy([
  h(1, 's-intro001', 'Introduction'),
  p('Your rights are in Section ', ref('s-rights01'), '.'),
  h(1, 's-rights01', 'Your rights'),
  p('Ask us.'),
  h(1, 's-contact1', 'Contact'),
  p('Write to us.'),
]);

const row = (comparison: Comparison, id: string): SectionRow => {
  const found = comparison.rows.filter(isSectionRow).find((r) => (r.new ?? r.old)?.id === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
};

describe('compareDocuments: cross-references', () => {
  it('leaves a reference unchanged when its section was only renumbered', () => {
    const renumbered = publishedPolicy([...old.blocks.slice(0, 2), h(1, 's-new00001', 'Definitions'), p('Words.'), ...old.blocks.slice(2)]);
    const comparison = compareDocuments(old, renumbered, labels);
    expect(row(comparison, 's-intro001')).toMatchObject({ status: 'unchanged', edited: false });
    expect(row(comparison, 's-rights01')).toMatchObject({ status: 'unchanged', renumbered: true });
    // Each side shows its own edition's number.
    expect(textBlock(row(comparison, 's-intro001').old?.blocks[1]).runs.map((run) => run.text).join('')).toBe('Your rights are in Section 2.');
    expect(textBlock(row(comparison, 's-intro001').new?.blocks[1]).runs.map((run) => run.text).join('')).toBe('Your rights are in Section 3.');
  });

  it('shows a reference pointed at another section as a change, numbers in the redline', () => {
    const retargeted = publishedPolicy(old.blocks.map((block, i) => (i === 1 ? p('Your rights are in Section ', ref('s-contact1'), '.') : block)));
    const changed = row(compareDocuments(old, retargeted, labels), 's-intro001');
    expect(changed).toMatchObject({ status: 'changed', edited: true });
    const ops = changed.redline?.flatMap((block) => block.runs.filter((run) => run.op !== 'equal').map((run) => [run.op, run.text]));
    expect(ops).toEqual([
      ['delete', '2'],
      ['insert', '3'],
    ]);
    const html = exportRedlineHtml(compareDocuments(old, retargeted, labels));
    expect(html).not.toContain('{{ref:');
    expect(html).toMatch(/<del[^>]*>2<\/del>/);
    expect(html).toMatch(/<ins[^>]*>3<\/ins>/);
  });

  it('leaves a reference unchanged between two files whose section ids differ (imported files: sections paired by title)', () => {
    const rename = (id: string) => id.replace(/^s-/, 's-x');
    const reimported = publishedPolicy(
      old.blocks.map((block) =>
        block.kind === 'heading' ? { ...block, id: rename(block.id) } : mapRunLists(block, (runs) => runs.map((run) => (run.ref ? ref(rename(run.ref)) : run))),
      ),
    );
    const comparison = compareDocuments(old, reimported, labels);
    expect(comparison.summary).toMatchObject({ changed: 0, added: 0, deleted: 0, wordsInserted: 0, wordsDeleted: 0 });
  });

  it('sees a reference that starts to show its title as a change', () => {
    const titled = publishedPolicy(old.blocks.map((block, i) => (i === 1 ? p('Your rights are in Section ', ref('s-rights01', true), '.') : block)));
    expect(row(compareDocuments(old, titled, labels), 's-intro001').status).toBe('changed');
  });
});
