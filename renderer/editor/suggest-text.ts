import { Editor, Element, Node, Path, Point, Range, Text, Transforms, type Descendant } from 'slate';
import type { SuggestionMark } from '../../shared/model/document';
import { isOwn } from './suggesting';
import type { BlockElement, ChipElement, FormattedText, InlineNode } from './types';

/**
 * The text edits of suggesting mode, each on the model's terms (shared/model/review-schema.ts): text deleted is marked
 * `del` (the reviewer's own insertions really go), text inserted is marked `ins`. Every function here touches only
 * the blocks the edit touches. The plugin (with-suggestions.ts) decides when they apply and makes each one undo step.
 */

/** A variable or a cross-reference: one unit, suggested inserted or deleted whole. */
export const isChip = (node: unknown): node is ChipElement => Element.isElement(node) && (node.type === 'variable' || node.type === 'reference' || node.type === 'note');

/** A block that is the reviewer's own suggested insertion: edited in it are plain edits, as in their own inserted text. */
export function isOwnInsertedBlock(editor: Editor, index: number): boolean {
  const block = editor.children[index] as BlockElement | undefined;
  return !!block?.change && (block.change.kind === 'insert' || block.change.kind === 'move-to') && isOwn(editor, block.change);
}

/** Whether all the text in a range is the reviewer's own insertion (and there is some). */
export function isAllOwnInsertion(editor: Editor, range: Range): boolean {
  let any = false;
  for (const [node] of Editor.nodes(editor, { at: range, match: (n) => Text.isText(n) || isChip(n) })) {
    if (!isOwn(editor, (node as FormattedText | ChipElement).ins)) return false;
    any = true;
  }
  return any;
}

/** The text or chip just before (or after) a point in its own block, or null at the block's edge. */
function neighbour(editor: Editor, point: Point, direction: 'backward' | 'forward'): [FormattedText | ChipElement, Path] | null {
  const node = Node.getIf(editor, point.path);
  if (Text.isText(node) && (direction === 'backward' ? point.offset > 0 : point.offset < node.text.length)) return [node, point.path];
  const step = direction === 'backward' ? Editor.previous : Editor.next;
  const entry = step(editor, { at: point.path, match: (n) => Text.isText(n) || isChip(n), voids: false });
  if (!entry || entry[1][0] !== point.path[0]) return null;
  return entry as [FormattedText | ChipElement, Path];
}

/** The point past any text already suggested for deletion next to `point`: Backspace and Delete step over it. */
export function stepOverDeleted(editor: Editor, point: Point, direction: 'backward' | 'forward'): Point {
  let at = point;
  for (let guard = 0; guard < 10_000; guard++) {
    const next = neighbour(editor, at, direction);
    if (!next || !Text.isText(next[0]) || !next[0].del) return at;
    at = direction === 'backward' ? { path: next[1], offset: 0 } : { path: next[1], offset: next[0].text.length };
  }
  return at;
}

/** The text of a range as inline nodes that will stand when everything is accepted, marked as inserted by `mark`. */
export function standingCopy(editor: Editor, range: Range, mark: SuggestionMark): InlineNode[] {
  const [start, end] = Range.edges(range);
  const out: InlineNode[] = [];
  for (const [node, path] of Editor.nodes(editor, { at: range, match: (n) => Text.isText(n) || isChip(n) })) {
    if (isChip(node)) {
      if (!node.del) {
        const { ins: _i, del: _d, formatted: _f, comments: _c, ...chip } = node;
        out.push({ ...chip, ins: { ...mark }, children: [{ text: '' }] } as ChipElement);
      }
      continue;
    }
    const text = node as FormattedText;
    if (text.del) continue;
    const from = Path.equals(path, start.path) ? start.offset : 0;
    const to = Path.equals(path, end.path) ? end.offset : text.text.length;
    if (to > from) out.push({ text: text.text.slice(from, to), ...marksOf(text), ins: { ...mark } });
  }
  return out;
}

function marksOf(node: Pick<FormattedText, 'bold' | 'italic' | 'underline'>): Pick<FormattedText, 'bold' | 'italic' | 'underline'> {
  return { ...(node.bold ? { bold: true } : {}), ...(node.italic ? { italic: true } : {}), ...(node.underline ? { underline: true } : {}) };
}

/** Inline nodes (pasted, say) marked as inserted by `mark`, their own suggestion marks dropped. */
export function asInserted(nodes: readonly Descendant[], mark: SuggestionMark): InlineNode[] {
  return nodes.map((node): InlineNode => {
    if (Text.isText(node)) {
      const { ins: _i, del: _d, formatted: _f, ...rest } = node;
      return { ...rest, ins: { ...mark } };
    }
    if (Element.isElement(node) && node.type === 'link') return { ...node, children: asInserted(node.children, mark) as FormattedText[] };
    if (isChip(node)) {
      const { ins: _i, del: _d, formatted: _f, ...rest } = node;
      return { ...rest, ins: { ...mark } };
    }
    return { text: Node.string(node), ins: { ...mark } };
  });
}

/**
 * Marks a range deleted as `mark`, within one block or over several. The reviewer's own inserted text really goes,
 * text already deleted is left as it is. Whole blocks covered get `change: delete` (the reviewer's own inserted blocks
 * go). When the range ends inside a later block, that block is deleted whole and the rest of its text is copied, as
 * an insertion, to the end of the first block: accepting gives the joined block a plain delete gives, rejecting
 * gives back both blocks. Leaves the caret at the range's start (or its end, for Delete), or where it was ('keep').
 */
export function markDeleted(editor: Editor, range: Range, mark: SuggestionMark, caret: 'start' | 'end' | 'keep'): void {
  const [start, end] = Range.edges(range);
  const first = start.path[0] ?? 0;
  const last = end.path[0] ?? 0;
  const startRef = Editor.pointRef(editor, start, { affinity: 'backward' });
  const endRef = Editor.pointRef(editor, end, { affinity: 'forward' });
  const lastWhole = Editor.isEnd(editor, end, [last]);
  const carried = last > first && !lastWhole ? standingCopy(editor, { anchor: end, focus: Editor.end(editor, [last]) }, mark) : [];
  const firstRef = Editor.pathRef(editor, [first]);
  Editor.withoutNormalizing(editor, () => {
    for (let i = last; i >= first; i--) {
      const blockStart = Editor.start(editor, [i]);
      const blockEnd = Editor.end(editor, [i]);
      const from = i === first ? start : blockStart;
      // Over several blocks the last is always deleted whole (its rest, if any, is carried to the first).
      const to = i < last || last > first ? blockEnd : end;
      const whole = last > first && (i > first || Point.equals(from, blockStart));
      // The first block receives the carried rest, so it stays, whatever is deleted of it.
      const stays = i === first && carried.length > 0;
      if (whole && !stays && isOwnInsertedBlock(editor, i)) {
        Transforms.removeNodes(editor, { at: [i] });
        continue;
      }
      markRunsDeleted(editor, { anchor: from, focus: to }, mark);
      const block = editor.children[i] as BlockElement;
      if (whole && !stays && !block.change) Transforms.setNodes(editor, { change: { ...mark, kind: 'delete' } }, { at: [i] });
    }
    const target = firstRef.current;
    if (carried.length > 0 && target) Transforms.insertNodes(editor, carried, { at: Editor.end(editor, target), select: false });
  });
  firstRef.unref();
  const point = caret === 'start' ? (startRef.unref() ?? endRef.current) : (endRef.unref() ?? startRef.current);
  startRef.unref();
  endRef.unref();
  if (point && caret !== 'keep') Transforms.select(editor, point);
}

/** The runs of a range within one block marked deleted, from the last so that earlier paths stay put. */
function markRunsDeleted(editor: Editor, range: Range, mark: SuggestionMark): void {
  const [start, end] = Range.edges(range);
  if (Point.equals(start, end)) return;
  const entries = [...Editor.nodes(editor, { at: { anchor: start, focus: end }, match: (n) => Text.isText(n) || isChip(n) })];
  for (let k = entries.length - 1; k >= 0; k--) {
    const [node, path] = entries[k] as [FormattedText | ChipElement, Path];
    if (isChip(node)) {
      if (isOwn(editor, node.ins)) Transforms.removeNodes(editor, { at: path });
      else if (!node.del) Transforms.setNodes(editor, { del: { ...mark } }, { at: path });
      continue;
    }
    const from = Path.equals(path, start.path) ? start.offset : 0;
    const to = Path.equals(path, end.path) ? end.offset : node.text.length;
    if (to <= from || node.del) continue;
    const part = { anchor: { path, offset: from }, focus: { path, offset: to } };
    if (isOwn(editor, node.ins)) Transforms.delete(editor, { at: part });
    else Transforms.setNodes(editor, { del: { ...mark } }, { at: part, match: Text.isText, split: true });
  }
}

/**
 * Enter as a suggestion: a new block, `change: insert`, after the caret's block. The text after the caret is marked
 * deleted where it was and copied, inserted, into the new block; a heading's new block is its body paragraph. The
 * caret goes to the start of the new block.
 */
export function breakAsSuggestion(editor: Editor, mark: SuggestionMark): void {
  const selection = editor.selection;
  if (!selection) return;
  const at = Range.start(selection);
  const index = at.path[0] ?? 0;
  const block = editor.children[index] as BlockElement;
  const tailRange = { anchor: at, focus: Editor.end(editor, [index]) };
  const tail = standingCopy(editor, tailRange, mark);
  const emptyItem = block.type === 'list-item' && Node.string(block) === '';
  const shape: Partial<BlockElement> =
    block.type === 'heading' || emptyItem ? { type: 'paragraph' } : block.type === 'list-item' ? { type: 'list-item', list: block.list, indent: block.indent } : { type: 'paragraph' };
  const fresh = { ...shape, change: { ...mark, kind: 'insert' as const }, children: tail.length > 0 ? tail : [{ text: '', ins: { ...mark } }] } as BlockElement;
  Editor.withoutNormalizing(editor, () => {
    if (!Range.isCollapsed(tailRange)) markRunsDeleted(editor, tailRange, mark);
    // Enter on an empty list item ends the list, as in Word: the item is suggested for deletion, a paragraph for insertion.
    if (emptyItem && !block.change) Transforms.setNodes(editor, { change: { ...mark, kind: 'delete' } }, { at: [index] });
    Transforms.insertNodes(editor, fresh, { at: [index + 1], select: false });
  });
  Transforms.select(editor, Editor.start(editor, [index + 1]));
}
