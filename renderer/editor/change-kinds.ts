/**
 * Which Slate operations can change what the editor keeps beside the text (list numbers, section numbers, the
 * outline): most of what happens is typing, which changes none of them, so those updates skip it.
 */
import { Element, type Operation } from 'slate';
import type { BlockElement } from './types';

/** Whether an operation adds, removes, moves, splits, joins or re-kinds a block: what can change list numbers. */
export function changesBlocks(op: Operation): boolean {
  return op.type !== 'insert_text' && op.type !== 'remove_text' && op.type !== 'set_selection' && 'path' in op && op.path.length === 1;
}

/**
 * Whether an operation can change the labels of list items: a split of a block that is not a list item (Enter in a
 * paragraph or a heading, most of what changes blocks) leaves every list run as it was, and so does a block's new id;
 * anything else is taken to change them. `listNumbers.update` walks every block, which at 40,000 blocks is most of
 * an Enter's own time.
 */
export function changesListNumbers(op: Operation): boolean {
  if (!changesBlocks(op)) return false;
  if (op.type === 'split_node') return (op.properties as Partial<BlockElement>).type === 'list-item';
  if (op.type === 'set_node') return Object.keys({ ...op.properties, ...op.newProperties }).some((key) => key !== 'id');
  return true;
}

/**
 * Whether an operation can change the section numbers or the outline's shape. Typing and splitting body paragraphs
 * cannot, and they are most of what happens, so the renumbering walk is skipped for them.
 */
export function changesSections(op: Operation): boolean {
  switch (op.type) {
    case 'insert_node':
    case 'remove_node':
      return op.path.length === 1 && Element.isElement(op.node) && op.node.type === 'heading';
    case 'split_node':
    case 'merge_node':
      return op.path.length === 1 && (op.properties as Partial<BlockElement>).type === 'heading';
    case 'set_node':
      // A suggested deletion, move or new level of a heading changes the numbers as if accepted (section-numbers.ts).
      return (
        op.path.length === 1 &&
        ('type' in op.newProperties || 'level' in op.newProperties || 'id' in op.newProperties || 'type' in op.properties || 'change' in op.newProperties || 'change' in op.properties || 'relevel' in op.newProperties || 'unnumbered' in op.newProperties || 'unnumbered' in op.properties)
      );
    case 'move_node':
      return op.path.length === 1;
    default:
      return false;
  }
}
