import { Editor, Range, Text, Transforms, type Node, type NodeEntry } from 'slate';
import { HistoryEditor } from 'slate-history';
import { isChip } from '../editor/suggest-text';
import type { BlockElement, ChipElement, FormattedText, InlineNode, PolicyEditor } from '../editor/types';
import { inlineListsOf } from '../editor/table-nodes';

/**
 * Comments in the text: the runs a comment is about carry its thread's id in `comments` (the stored model's way,
 * shared/model/review-schema.ts), so the comment moves and survives with its text. These are a person's actions and
 * the panel's jumps, never per key.
 */

type Commentable = FormattedText | ChipElement;

function isCommentable(node: Node): node is Commentable {
  return Text.isText(node) || isChip(node);
}

/**
 * Gives the text in `range` the thread id: its leaves are split at the range's edges and each gets the id beside any
 * it had, as one undo step. False when the range holds no text to comment on.
 */
export function markComment(editor: PolicyEditor, range: Range, id: string): boolean {
  if (Range.isCollapsed(range)) return false;
  let marked = false;
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      const edges = Editor.rangeRef(editor, range, { affinity: 'inward' });
      // Splits the leaves at the edges (no property set yet), so only the selected text is marked.
      Transforms.setNodes(editor, {}, { at: range, match: Text.isText, split: true });
      const inside = edges.unref();
      if (!inside || Range.isCollapsed(inside)) return;
      const entries = [...Editor.nodes<Commentable>(editor, { at: inside, match: isCommentable, voids: true })];
      for (const [node, path] of entries) {
        if (Text.isText(node) && node.text === '') continue;
        if (node.comments?.includes(id)) continue;
        Transforms.setNodes(editor, { comments: [...(node.comments ?? []), id] }, { at: path, voids: true });
        marked = true;
      }
    });
  });
  return marked;
}

/** The thread ids a block's own text carries, in order, each once: cheap, for the block's margin marker. */
export function commentIdsOf(block: BlockElement): string[] {
  const ids: string[] = [];
  const visit = (node: InlineNode) => {
    if ('type' in node && node.type === 'link') node.children.forEach(visit);
    else for (const id of node.comments ?? []) if (!ids.includes(id)) ids.push(id);
  };
  for (const list of inlineListsOf(block)) list.forEach(visit);
  return ids;
}

/**
 * The text that carries a thread's id, or a suggestion's, from its first leaf to its last; `hint` is the block to look
 * in first (the review list's block index), the whole document being searched only when it is not there.
 */
export function rangeOf(editor: PolicyEditor, carries: (node: Commentable) => boolean, hint: number | null = null): Range | null {
  const blocks = editor.children.length;
  const entriesIn = (index: number) => [...Editor.nodes<Commentable>(editor, { at: [index], match: (n) => isCommentable(n) && carries(n), voids: true })];
  const order = hint !== null && hint >= 0 && hint < blocks ? [hint, ...Array.from({ length: blocks }, (_, i) => i).filter((i) => i !== hint)] : Array.from({ length: blocks }, (_, i) => i);
  const index = order.find((i) => entriesIn(i).length > 0);
  if (index === undefined) return null;
  // Text commented across blocks: from the first of the neighbouring blocks that carry it to the last.
  let first = index;
  while (first > 0 && entriesIn(first - 1).length > 0) first--;
  let last = index;
  while (last < blocks - 1 && entriesIn(last + 1).length > 0) last++;
  const start = entriesIn(first)[0] as NodeEntry<Commentable>;
  const end = entriesIn(last).at(-1) as NodeEntry<Commentable>;
  return { anchor: Editor.start(editor, start[1]), focus: Editor.end(editor, end[1]) };
}

export const carriesComment = (id: string) => (node: Commentable) => node.comments?.includes(id) ?? false;
export const carriesSuggestionId = (id: string) => (node: Commentable) => node.ins?.id === id || node.del?.id === id || node.formatted?.id === id;

/** The heading of the section the caret is in: what a comment with no text selected is about. */
export function sectionAt(editor: PolicyEditor, at: Range | null = editor.selection): string | null {
  if (!at) return null;
  const top = Range.start(at).path[0] ?? 0;
  for (let i = Math.min(top, editor.children.length - 1); i >= 0; i--) {
    const block = editor.children[i] as BlockElement;
    if (block.type === 'heading') return block.id;
  }
  return null;
}

/** The index of a section's heading, for a jump to a whole-section comment. */
export function headingIndex(editor: PolicyEditor, id: string): number {
  return (editor.children as BlockElement[]).findIndex((block) => block.type === 'heading' && block.id === id);
}

/** Takes a thread's id off the text that carries it (the thread itself is being deleted), as one undo step. */
export function unmarkComment(editor: PolicyEditor, id: string): void {
  const leaves = [...Editor.nodes<Commentable>(editor, { at: [], match: (n) => isCommentable(n) && (n.comments?.includes(id) ?? false), voids: true })];
  if (leaves.length === 0) return;
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (const [node, path] of leaves) {
        const kept = (node.comments ?? []).filter((other) => other !== id);
        if (kept.length > 0) Transforms.setNodes(editor, { comments: kept }, { at: path, voids: true });
        else Transforms.unsetNodes(editor, 'comments', { at: path, voids: true });
      }
    });
  });
}
