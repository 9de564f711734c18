import type { BlockElement, InlineNode } from './types';
import { inlineListsOf, relevelOf } from './table-nodes';

/**
 * How many open suggestions the editor's document holds, each counted once however many texts and blocks it marks:
 * one walk over the nodes, no conversion to the stored form. Asked when a dialog opens (the export warning), never per key.
 */
export function countOpenSuggestions(blocks: readonly BlockElement[]): number {
  const ids = new Set<string>();
  const note = (node: InlineNode) => {
    if ('type' in node && node.type === 'link') {
      node.children.forEach(note);
      return;
    }
    if (node.ins) ids.add(node.ins.id);
    if (node.del) ids.add(node.del.id);
    if (node.formatted) ids.add(node.formatted.id);
  };
  for (const block of blocks) {
    if (block.change) ids.add(block.change.id);
    const relevel = relevelOf(block);
    if (relevel) ids.add(relevel.id);
    // A table's suggestions are in its caption and cells.
    for (const list of inlineListsOf(block)) list.forEach(note);
  }
  return ids.size;
}
