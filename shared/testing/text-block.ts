import type { Block, TextBlock } from '../model/document';

/** The block as a text block, for a test that knows it is one: a table (or nothing) there fails the test by name. */
export function textBlock(block: Block | undefined): TextBlock {
  if (!block) throw new Error('expected a text block, found no block');
  if (block.kind === 'table') throw new Error('expected a text block, found a table');
  return block;
}
