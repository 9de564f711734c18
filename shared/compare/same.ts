import type { Block, Mark, Run, TableCell, TableRow, TextBlock } from '../model/document';
import { sameReference } from './tokens';

/**
 * Equality as a redline sees it: the same kind of block with the same words, marks and links, a table cell by cell. A
 * block marking a footnote whose text changed is not the same block, though its own runs are. Plain loops, no
 * callbacks: compare asks this of every pair of sections and paragraphs, and a callback made per call loses its
 * optimised code at each full collection.
 */

/** No footnote changed: the default of every comparison of blocks. */
export const NO_NOTES: ReadonlySet<string> = new Set();

/** Two editions of a section whose words, marks, links and block kinds are all equal: nothing to redline. */
export function sameBlocks(x: readonly Block[], y: readonly Block[], changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!sameBlock(x[i], y[i], changedNotes)) return false;
  return true;
}

/** Equal as a redline sees them: the same kind of block with the same runs (text, marks, link); a table cell by cell. */
export function sameBlock(x: Block | undefined, y: Block | undefined, changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  if (x === y && (x === undefined || changedNotes.size === 0)) return true;
  if (!x || !y || !sameShape(x, y)) return false;
  if (x.kind === 'table' || y.kind === 'table') {
    if (x.kind !== 'table' || y.kind !== 'table') return false;
    return (
      x.header === y.header &&
      x.rows.length === y.rows.length &&
      sameRuns(x.caption ?? [], y.caption ?? [], changedNotes) &&
      sameRows(x.rows, y.rows, changedNotes)
    );
  }
  return sameRuns(x.runs, (y as TextBlock).runs, changedNotes);
}

export function sameRuns(x: readonly Run[], y: readonly Run[], changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const run = x[i] as Run;
    const other = y[i] as Run;
    if (run.note !== undefined && changedNotes.has(run.note)) return false;
    const sameWords = run.ref !== undefined || other.ref !== undefined ? sameReference(run, other) : run.text === other.text;
    if (!sameWords || run.link !== other.link || !sameMarks(run.marks, other.marks)) return false;
  }
  return true;
}

export function sameRow(x: TableRow, y: TableRow, notes: ReadonlySet<string>): boolean {
  if (x.cells.length !== y.cells.length) return false;
  for (let c = 0; c < x.cells.length; c++) if (!sameRuns((x.cells[c] as TableCell).runs, (y.cells[c] as TableCell).runs, notes)) return false;
  return true;
}

function sameRows(x: readonly TableRow[], y: readonly TableRow[], notes: ReadonlySet<string>): boolean {
  for (let r = 0; r < x.length; r++) if (!sameRow(x[r] as TableRow, y[r] as TableRow, notes)) return false;
  return true;
}

/** What shapeKey tells, without building its string: sameBlock runs for every pair of paragraphs a diff looks at. */
export function sameShape(x: Block, y: Block): boolean {
  if (x.kind !== y.kind) return false;
  return x.kind !== 'list-item' || (y.kind === 'list-item' && x.list === y.list && x.indent === y.indent);
}

/** The same marks in the same order (no marks and an empty list alike), without building strings to compare. */
export function sameMarks(x: readonly Mark[] | undefined, y: readonly Mark[] | undefined): boolean {
  if (x === y) return true;
  const n = x?.length ?? 0;
  if (n !== (y?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (x?.[i] !== y?.[i]) return false;
  return true;
}
