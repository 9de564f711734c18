import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type Table } from '../../model/document';
import { runsToPlainText } from '../../model/text';
import { acceptAll, rejectAll } from '../../review/resolve';
import { h, p, policy } from '../../testing/builders';
import { applyReview } from './apply';
import type { ReviewState, Revision } from './mark-document';
import { sentinel } from './sentinels';

/*
 * applyReview on the shape the DOCX reader gives a table (a `table` block whose cells' runs carry the sentinels
 * mark-document.ts wrote), without a DOCX: the states stand for the tracked changes Word recorded.
 */

const BO: Omit<Revision, 'kind' | 'wordId'> = { author: 'Bo', date: '2026-01-03T10:00:00Z' };
const ins: Revision = { kind: 'ins', wordId: '1', ...BO };
const del: Revision = { kind: 'del', wordId: '2', ...BO };
const STATES: ReviewState[] = [{}, { ins }, { del }, { ins, block: 'insert' }];
const [PLAIN, INS, DEL, WHOLE] = [0, 1, 2, 3].map(sentinel) as [string, string, string, string];

function table(...rows: string[][]): Table {
  return { kind: 'table', rows: rows.map((cells) => ({ cells: cells.map((text) => ({ runs: text === '' ? [] : [{ text }] })) })) };
}

function reviewed(blocks: Block[]) {
  let n = 0;
  const doc = applyReview(policy(blocks), STATES, [], { suggestion: () => `c-sugg${String(++n).padStart(4, '0')}`, comment: () => 'k-comm0001' }, '2026-06-01T00:00:00Z');
  const parsed = PolicyDocumentSchema.safeParse(doc);
  expect(parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe('');
  return doc;
}

const cells = (block: Block | undefined) => (block?.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => runsToPlainText(cell.runs))) : null);

describe('tracked changes in tables', () => {
  it('puts insertions and deletions on the runs of the cells they stand in, cell by cell', () => {
    const doc = reviewed([
      h(1, 's-scope00001', 'Scope'),
      table(['Data', 'Kept for'], ['Email', `${DEL}2 years${INS}1 year${PLAIN}`], [`Phone${PLAIN}`, 'ever']),
      p('After.'),
    ]);
    const grid = doc.blocks[1] as Table;
    expect(grid.change).toBeUndefined();
    expect(grid.rows[1]?.cells[1]?.runs).toEqual([
      { text: '2 years', del: { id: 'c-sugg0001', by: 'Bo', at: '2026-01-03T10:00:00Z' } },
      { text: '1 year', ins: { id: 'c-sugg0002', by: 'Bo', at: '2026-01-03T10:00:00Z' } },
    ]);
    expect(cells(acceptAll(doc).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '1 year'], ['Phone', 'ever']]);
    expect(cells(rejectAll(doc).blocks[1])).toEqual([['Data', 'Kept for'], ['Email', '2 years'], ['Phone', 'ever']]);
  });

  it('reads a table every cell of which is inserted with its paragraph mark as a whole-table insertion', () => {
    const doc = reviewed([p('Before.'), table([`${WHOLE}Name`, 'Role'], ['Ana', 'DPO']), p(`${PLAIN}After.`)]);
    expect(doc.blocks[1]).toMatchObject({ kind: 'table', change: { kind: 'insert', by: 'Bo' } });
    expect(rejectAll(doc).blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
    expect(cells(acceptAll(doc).blocks[1])).toEqual([['Name', 'Role'], ['Ana', 'DPO']]);
  });

  it('keeps an empty cell and lets a table take no part in the paragraphs around it', () => {
    const doc = reviewed([p(`Before.`), table(['', `${INS}new`]), p(`${PLAIN}After.`)]);
    expect(cells(doc.blocks[1])).toEqual([['', 'new']]);
    expect(cells(rejectAll(doc).blocks[1])).toEqual([['', '']]);
    expect(doc.blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  });
});
