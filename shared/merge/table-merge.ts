import type { Block, Run, Table } from '../model/document';
import { blockKey, runsKey } from './block-key';

/**
 * Two sides' edits to one table, merged cell by cell: a table is one block of its section (block-key.ts), so a
 * change to any cell makes the whole table a change to the section's paragraphs, and both sides changing one table
 * would be a conflict. Here both sides' tables are taken apart: each cell (and the caption, the header row and the
 * clause link) merges on its own, so edits to different cells both stand, and only the same cell changed differently
 * on both sides is a conflict. Rows and columns are not matched up: when a side added or removed a row or a column
 * (the tables' shapes differ), the table is merged only if the other side left it as it was; otherwise it is a
 * conflict, as a paragraph both changed is.
 *
 * Returns the merged table, or null where the sides cannot both be kept.
 */
export function mergeTable(base: Table, mine: Table, theirs: Table): Table | null {
  if (blockKey(mine) === blockKey(base) || blockKey(mine) === blockKey(theirs)) return theirs;
  if (blockKey(theirs) === blockKey(base)) return mine;
  if (!sameShape(base, mine) || !sameShape(base, theirs)) return null;
  const header = pick(base.header ?? null, mine.header ?? null, theirs.header ?? null, String);
  const clause = pick(base.clause ?? null, mine.clause ?? null, theirs.clause ?? null, (use) => JSON.stringify(use));
  const caption = pick(base.caption ?? null, mine.caption ?? null, theirs.caption ?? null, (runs) => (runs ? runsKey(runs) : 'none'));
  if (header === CONFLICT || clause === CONFLICT || caption === CONFLICT) return null;
  const rows: Table['rows'] = [];
  for (let r = 0; r < base.rows.length; r++) {
    const cells: Array<{ runs: Run[] }> = [];
    for (let c = 0; c < (base.rows[r]?.cells.length ?? 0); c++) {
      const at = (table: Table) => table.rows[r]?.cells[c]?.runs ?? [];
      const runs = pick(at(base), at(mine), at(theirs), runsKey);
      if (runs === CONFLICT) return null;
      cells.push({ runs });
    }
    rows.push({ cells });
  }
  const { header: _h, clause: _c, caption: _t, rows: _r, ...rest } = mine;
  const merged: Table = { ...rest, rows };
  if (header) merged.header = true;
  if (clause) merged.clause = clause;
  if (caption) merged.caption = caption;
  return merged;
}

/** Two tables' blocks: a table merges with a table (mergeTable); any other pair of blocks changed by both is a conflict. */
export function mergeBlock(base: Block, mine: Block, theirs: Block): Block | null {
  return base.kind === 'table' && mine.kind === 'table' && theirs.kind === 'table' ? mergeTable(base, mine, theirs) : null;
}

const CONFLICT = Symbol('conflict');

function pick<T>(base: T, mine: T, theirs: T, key: (value: T) => string): T | typeof CONFLICT {
  const [b, m, t] = [key(base), key(mine), key(theirs)];
  if (m === t || t === b) return mine;
  if (m === b) return theirs;
  return CONFLICT;
}

function sameShape(a: Table, b: Table): boolean {
  return a.rows.length === b.rows.length && a.rows.every((row, r) => row.cells.length === (b.rows[r]?.cells.length ?? -1));
}
