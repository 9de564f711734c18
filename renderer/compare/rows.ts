import { plainBlocks, sideBlocks, type SideBlock } from '../../shared/compare/sides';
import type { RedlineRun, Row, SectionRow, SectionSide } from '../../shared/compare/types';

/** Whether a row is something a reviewer must look at: renumbering alone is not, and neither is a subsection carried along unchanged. */
export function isChange(row: Row): boolean {
  switch (row.status) {
    case 'unchanged':
    case 'move-origin':
      return false;
    case 'moved':
      return !row.carried || row.edited;
    default:
      return true;
  }
}

/** The rows a view shows: all, or only the changes (with the places moved sections left, which explain the moves). */
export function visibleRows(rows: readonly Row[], changedOnly: boolean): number[] {
  const shown: number[] = [];
  rows.forEach((row, index) => {
    if (!changedOnly || isChange(row) || (row.status === 'move-origin' && isChange(rows[row.target] ?? row))) shown.push(index);
  });
  return shown;
}

/** The next (or previous) change after `from` among the shown rows; wraps around; -1 when there is none. */
export function nextChange(rows: readonly Row[], shown: readonly number[], from: number, direction: 1 | -1): number {
  const changes = shown.filter((index) => isChange(rows[index] as Row));
  if (changes.length === 0) return -1;
  if (direction === 1) return changes.find((index) => index > from) ?? (changes[0] as number);
  for (let i = changes.length - 1; i >= 0; i--) if ((changes[i] as number) < from) return changes[i] as number;
  return changes[changes.length - 1] as number;
}

/** One side of a section row as blocks to draw, changed runs marked. */
export function sideOf(row: SectionRow, edition: 'old' | 'new'): SideBlock[] {
  const side = row[edition];
  if (!side) return [];
  if (row.redline) return sideBlocks(row.redline, edition);
  return plainBlocks(side);
}

/** The row as one inline redline: kept, inserted and deleted runs together. */
export function mergedOf(row: SectionRow): SideBlock[] {
  if (row.redline) return row.redline.map((block) => ({ block: block.block, runs: block.runs, ...(block.table ? { table: block.table } : {}) }));
  if (row.status === 'added' && row.new) return allAs(row.new, 'insert');
  if (row.status === 'deleted' && row.old) return allAs(row.old, 'delete');
  return row.new ? plainBlocks(row.new) : [];
}

function allAs(side: SectionSide, op: 'insert' | 'delete'): SideBlock[] {
  const as = (runs: readonly RedlineRun[]) => runs.map((run) => ({ ...run, op }));
  return plainBlocks(side).map((block) => ({
    block: block.block,
    runs: as(block.runs),
    ...(block.table ? { table: { ...block.table, caption: block.table.caption ? as(block.table.caption) : null, rows: block.table.rows.map((row) => ({ op, cells: row.cells.map(as) })) } } : {}),
  }));
}

/** "3.2", "3.2 → 4.1", or nothing for the preamble (or a heading that takes no number). A merged section shows its old number. */
export function numberOf(row: SectionRow): string {
  if (row.renumbered && row.old && row.new) return `${row.old.number || 'no number'} → ${row.new.number || 'no number'}`;
  return (row.status === 'merged' ? row.old : (row.new ?? row.old))?.number ?? '';
}

/** What a row's badge says about it, in a reviewer's words. */
export function statusLabel(row: SectionRow): string | null {
  switch (row.status) {
    case 'added':
      return 'Added';
    case 'deleted':
      return 'Deleted';
    case 'changed': {
      const form = row.numbering === 'now-unnumbered' ? ' · now without a number' : row.numbering === 'now-numbered' ? ' · now numbered' : '';
      const links = row.linksChanged > 0 ? ` · ${row.linksChanged} ${row.linksChanged === 1 ? 'link' : 'links'} changed` : '';
      return `Changed${form}${row.renumbered && !form ? ` · renumbered ${numberOf(row)}` : ''}${links}`;
    }
    case 'split':
      return `Split from ${row.old?.number || row.old?.title || 'the preamble'}`;
    case 'merged':
      return `Merged into ${row.new?.number || row.new?.title || 'the preamble'}`;
    case 'moved':
      return `${row.carried ? `Moved with its section` : `Moved from ${row.old?.number || 'the preamble'}`}${row.edited ? ' · edited' : ''}`;
    case 'unchanged':
      return row.renumbered ? `Renumbered ${numberOf(row)}` : null;
  }
}
