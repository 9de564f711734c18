import type { Block, Run } from '../model/document';

/**
 * A block's whole identity as one string: two blocks have the same key exactly when they are the same to a reader and
 * to the file (kind, section id and level, list, clause link, every run's text, marks, link and variable), whatever
 * order their object keys came in.
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
  const shape =
    block.kind === 'heading' ? [block.kind, block.id, block.level] : block.kind === 'list-item' ? [block.kind, block.list, block.indent] : [block.kind];
  return JSON.stringify([shape, clause, block.runs.map(runKey)]);
}

function runKey(run: Run): unknown[] {
  return [run.text, run.marks ?? [], run.link ?? null, run.variable ?? null, run.refTitle ?? null];
}
