import type { Block, Run, Table, TextBlock } from './document';

/**
 * Every list of runs a block holds, for readers that treat a block as text whatever its shape: a text block's runs,
 * or a table's caption and then its cells, row by row. A reader that draws a table (exports, the editor, compare)
 * looks at its rows itself; a reader that only reads words (find, the checker, terms, word counts) uses these.
 */

/** Where in a block a list of runs sits, as a path under the block for messages: `['runs']`, `['rows', 2, 'cells', 1, 'runs']`. */
export type RunListPath = ReadonlyArray<string | number>;

export function isTable(block: Block): block is Table {
  return block.kind === 'table';
}

export function isTextBlock(block: Block): block is TextBlock {
  return block.kind !== 'table';
}

// One array for every text block: this runs per block in every walk of a document.
const RUNS_PATH: RunListPath = Object.freeze(['runs']);

/**
 * Calls `visit` with each list of runs of the block, in reading order, and `context`. A walk over every block of a
 * document passes a function of its own and what it needs as `context`, rather than a closure made for the walk: V8's
 * optimised code for a closure made anew does not outlive the next garbage collection, and every export after one ran
 * its walks unoptimised.
 */
export function forEachRunList<C = void>(block: Block, visit: (runs: readonly Run[], path: RunListPath, context: C) => void, context?: C): void {
  if (block.kind !== 'table') {
    visit(block.runs, RUNS_PATH, context as C);
    return;
  }
  if (block.caption) visit(block.caption, ['caption'], context as C);
  block.rows.forEach((row, r) => row.cells.forEach((cell, c) => visit(cell.runs, ['rows', r, 'cells', c, 'runs'], context as C)));
}

/** The block's lists of runs, in reading order (one for a text block). */
export function runLists(block: Block): Run[][] {
  if (block.kind !== 'table') return [block.runs];
  const lists: Run[][] = block.caption ? [block.caption] : [];
  for (const row of block.rows) for (const cell of row.cells) lists.push(cell.runs);
  return lists;
}

/** Every run of the block, in reading order. */
export function allRuns(block: Block): Run[] {
  return block.kind === 'table' ? runLists(block).flat() : block.runs;
}

/**
 * The block with each of its lists of runs replaced by what `change` makes of it (given `context`, as forEachRunList
 * gives it); the block itself when nothing changed, so a caller can tell by identity.
 */
export function mapRunLists<B extends Block, C = void>(block: B, change: (runs: Run[], context: C) => Run[], context?: C): B {
  if (block.kind !== 'table') {
    const text = block as Extract<B, TextBlock>;
    const runs = change(text.runs, context as C);
    return runs === text.runs ? block : { ...block, runs };
  }
  const table = block as Table;
  let changed = false;
  const caption = table.caption ? change(table.caption, context as C) : undefined;
  if (caption !== table.caption) changed = true;
  const rows = table.rows.map((row) => {
    let rowChanged = false;
    const cells = row.cells.map((cell) => {
      const runs = change(cell.runs, context as C);
      if (runs === cell.runs) return cell;
      rowChanged = true;
      return { ...cell, runs };
    });
    if (!rowChanged) return row;
    changed = true;
    return { ...row, cells };
  });
  if (!changed) return block;
  const next: Table = { ...table, rows };
  if (caption) next.caption = caption;
  return next as B;
}

/** Cells' text joined as a reader hears a table: cells by tabs, rows by line breaks, the caption first on its own line. */
export function tableText(table: Table, cellText: (runs: readonly Run[]) => string): string {
  const lines = table.rows.map((row) => row.cells.map((cell) => cellText(cell.runs)).join('\t'));
  return (table.caption ? [cellText(table.caption), ...lines] : lines).join('\n');
}
