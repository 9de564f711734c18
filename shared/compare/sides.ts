import type { Block } from '../model/document';
import { shapeOf } from './section-diff';
import type { BlockShape, RedlineBlock, RedlineRun, SectionSide } from './types';

export type Edition = 'old' | 'new';

/** A block as one edition shows it in the side-by-side view: its own runs, the changed ones marked. */
export interface SideBlock {
  readonly block: BlockShape;
  readonly runs: readonly RedlineRun[];
}

/**
 * One edition's blocks out of a redline: the old side keeps kept and deleted runs and ends a block at every old
 * paragraph mark; the new side keeps kept and inserted runs and ends at every new one.
 */
export function sideBlocks(redline: readonly RedlineBlock[], edition: Edition): SideBlock[] {
  const own = edition === 'old' ? 'delete' : 'insert';
  const blocks: SideBlock[] = [];
  let runs: RedlineRun[] = [];
  for (const block of redline) {
    for (const run of block.runs) if (run.op === 'equal' || run.op === own) runs.push(run);
    if (block.mark === 'equal' || block.mark === own) {
      blocks.push({ block: block.block, runs });
      runs = [];
    }
  }
  return blocks;
}

/** A section's blocks unchanged, in the same shape, for sections with no word changes. */
export function plainBlocks(side: SectionSide): SideBlock[] {
  return keptBlocks(side.blocks);
}

/** Blocks as a redline that keeps every run and every paragraph mark. */
export function keptBlocks(blocks: readonly Block[]): RedlineBlock[] {
  return blocks.map((block) => ({ block: shapeOf(block), mark: 'equal', runs: block.runs.map((run) => ({ op: 'equal', ...run })) }));
}
