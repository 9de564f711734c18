import type { Editor } from 'slate';
import { Transforms } from 'slate';
import type { LevelChange, SuggestionMark } from '../../shared/model/document';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import { isOwn } from './suggesting';
import { asInserted } from './suggest-text';
import type { BlockElement, HeadingElement } from './types';

/**
 * The block commands of suggesting mode (sections and clauses), on the model's terms: new blocks are `change: insert`
 * with their text inserted, a moved section stays at its old place as `move-from` and appears at the new as
 * `move-to` (the same suggestion, the same heading ids), a promotion or demotion is `relevel` with the level before.
 */

/** Blocks to insert, marked as one suggested insertion. */
export function asInsertedBlocks(nodes: readonly BlockElement[], mark: SuggestionMark): BlockElement[] {
  return nodes.map((node): BlockElement => {
    const change = { ...mark, kind: 'insert' as const };
    if (node.type !== 'table') return { ...node, change, children: asInserted(node.children, mark) } as BlockElement;
    // A table's text is in its caption and cells: each marked inserted, the rows and cells kept as they are.
    const children = node.children.map((child) =>
      child.type === 'table-caption'
        ? { ...child, children: asInserted(child.children, mark) }
        : { ...child, children: child.children.map((cell) => ({ ...cell, children: asInserted(cell.children, mark) })) },
    );
    return { ...node, change, children };
  });
}

/** Whether blocks [from, to) are all the reviewer's own inserted or moved blocks: commands on them are plain edits. */
export function allOwnBlocks(editor: Editor, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const change = (editor.children[i] as BlockElement).change;
    if (!change || (change.kind !== 'insert' && change.kind !== 'move-to') || !isOwn(editor, change)) return false;
  }
  return to > from;
}

/**
 * Moves the section in blocks [from, end) to stand before block `before` (an index in the document as it is now), as
 * a suggestion: its blocks stay, marked `move-from`, and copies marked `move-to` are inserted at the new place, with
 * heading levels shifted by `delta`. Blocks already suggested for deletion or moved away stay behind, not copied.
 * Returns the index of the first copy.
 */
export function moveAsSuggestion(editor: Editor, from: number, end: number, before: number, delta: number, mark: SuggestionMark): number {
  const originals = editor.children.slice(from, end) as BlockElement[];
  const copies = originals
    .filter((node) => standsWhenAccepted(node))
    .map((node): BlockElement => {
      const copy = structuredClone(node);
      if (!copy.change || copy.change.kind === 'move-to') copy.change = { ...mark, kind: 'move-to' };
      if (copy.type === 'heading') copy.level += delta;
      return copy;
    });
  Transforms.insertNodes(editor, copies, { at: [before], select: false });
  const shift = before <= from ? copies.length : 0;
  for (let i = from + shift; i < end + shift; i++) {
    const node = editor.children[i] as BlockElement;
    if (!node.change) Transforms.setNodes(editor, { change: { ...mark, kind: 'move-from' } }, { at: [i] });
  }
  return before;
}

/** A heading's new level as a suggestion: it remembers the level before, and a level back where it was is no suggestion. */
export function relevelAsSuggestion(editor: Editor, index: number, level: number, mark: SuggestionMark): void {
  const node = editor.children[index] as BlockElement;
  if (node.type === 'paragraph' || node.type === 'table') return;
  const current = node.type === 'heading' ? node.level : node.indent;
  const field = node.type === 'heading' ? 'level' : 'indent';
  const was = node.relevel?.was ?? current;
  const relevel: LevelChange | null = level === was ? null : { ...mark, was };
  Transforms.setNodes(editor, { [field]: level, relevel } as unknown as Partial<HeadingElement>, { at: [index] });
}
