import type { Block } from '../model/document';
import { shapeOf } from './section-diff';
import { wholeTable } from './table-diff';
import type { BlockShape, RedlineBlock, RedlineRun, RedlineTable, SectionSide } from './types';

export type Edition = 'old' | 'new';

/** A block as one edition shows it in the side-by-side view: its own runs, the changed ones marked; a table its own rows. */
export interface SideBlock {
  readonly block: BlockShape;
  readonly runs: readonly RedlineRun[];
  readonly table?: RedlineTable;
}

/**
 * One edition's blocks out of a redline: the old side keeps kept and deleted runs and ends a block at every old
 * paragraph mark; the new side keeps kept and inserted runs and ends at every new one. A kept run whose link changed
 * carries, on the old side, the address it had (and no `linkWas`: that is the new side's to tell).
 */
export function sideBlocks(redline: readonly RedlineBlock[], edition: Edition): SideBlock[] {
  const own = edition === 'old' ? 'delete' : 'insert';
  const blocks: SideBlock[] = [];
  let runs: RedlineRun[] = [];
  for (const block of redline) {
    if (block.table) {
      if (block.mark === 'equal' || block.mark === own) blocks.push({ block: block.block, runs: [], table: sideTable(block.table, edition) });
      continue;
    }
    for (const run of block.runs) if (run.op === 'equal' || run.op === own) runs.push(edition === 'old' ? oldRun(run) : run);
    if (block.mark === 'equal' || block.mark === own) {
      blocks.push({ block: block.block, runs });
      runs = [];
    }
  }
  return blocks;
}

/** One edition's rows of a table: the other edition's rows left out, and in each cell the other edition's runs. */
export function sideTable(table: RedlineTable, edition: Edition): RedlineTable {
  const other = edition === 'old' ? 'insert' : 'delete';
  const keep = (runs: readonly RedlineRun[]) => runs.filter((run) => run.op !== other).map((run) => (edition === 'old' ? oldRun(run) : run));
  return {
    header: edition === 'old' ? (table.headerWas ?? table.header) : table.header,
    caption: table.caption ? keep(table.caption) : null,
    rows: table.rows.filter((row) => row.op !== other).map((row) => ({ op: row.op, cells: row.cells.map(keep) })),
  };
}

function oldRun(run: RedlineRun): RedlineRun {
  if (run.linkWas === undefined) return run;
  const { linkWas, link: _new, ...rest } = run;
  return linkWas === null ? rest : { ...rest, link: linkWas };
}

/** A section's blocks unchanged, in the same shape, for sections with no word changes. */
export function plainBlocks(side: SectionSide): SideBlock[] {
  return keptBlocks(side.blocks);
}

/** Blocks as a redline that keeps every run and every paragraph mark. */
export function keptBlocks(blocks: readonly Block[]): RedlineBlock[] {
  return blocks.map((block) =>
    block.kind === 'table'
      ? { block: shapeOf(block), mark: 'equal', runs: [], table: wholeTable(block, 'equal') }
      : { block: shapeOf(block), mark: 'equal', runs: block.runs.map((run) => ({ op: 'equal', ...run })) },
  );
}
