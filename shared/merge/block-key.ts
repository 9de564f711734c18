import type { Block, Run } from '../model/document';

/**
 * A block's whole identity as one string: two blocks have the same key exactly when they are the same to a reader and
 * to the file (kind, section id, level and whether it takes a number, list, clause link, every run's text, marks, link
 * and variable; for a table its header row, caption and every cell, row by row), whatever order their object keys
 * came in. A table is one block: a change to any cell changes its key, and merge-documents.ts merges two sides'
 * tables cell by cell (table-merge.ts).
 */
export function blockKey(block: Block): string {
  let key = known.get(block);
  if (key === undefined) {
    key = computeKey(block);
    known.set(block, key);
  }
  return key;
}

// A merge asks for the key of each block of the base several times (against mine, against theirs, whole sections).
// Blocks are never changed in place once read, so a key, once made, holds.
const known = new WeakMap<Block, string>();

function computeKey(block: Block): string {
  const clause = block.clause ? [block.clause.use, block.clause.id, block.clause.source, block.clause.version, block.clause.state] : null;
  switch (block.kind) {
    case 'heading':
      return JSON.stringify([[block.kind, block.id, block.level, block.unnumbered ?? null], clause, block.runs.map(runKey)]);
    case 'list-item':
      return JSON.stringify([[block.kind, block.list, block.indent], clause, block.runs.map(runKey)]);
    case 'paragraph':
      return JSON.stringify([[block.kind], clause, block.runs.map(runKey)]);
    case 'table':
      return JSON.stringify([
        [block.kind, block.header ?? null],
        clause,
        block.caption ? block.caption.map(runKey) : null,
        block.rows.map((row) => row.cells.map((cell) => cell.runs.map(runKey))),
      ]);
  }
}

/** A list of runs' identity, as a block's: for comparing one cell, a caption or a footnote's text. */
export function runsKey(runs: readonly Run[]): string {
  return JSON.stringify(runs.map(runKey));
}

function runKey(run: Run): unknown[] {
  return [run.text, run.marks ?? [], run.link ?? null, run.variable ?? null, run.refTitle ?? null];
}
