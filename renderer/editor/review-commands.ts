import { Editor, Node, Point, Range, Text, Transforms } from 'slate';
import type { Decision } from '../../shared/review/resolve';
import { owningHeading, sectionEnd } from '../../shared/model/sections';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import { carriesSuggestion, resolveInEditor } from './resolve-in-editor';
import { isChip } from './suggest-text';
import type { BlockElement, ChipElement, FormattedText } from './types';
import { relevelOf } from './table-nodes';

/**
 * Going through suggestions and settling them in the editor: next and previous change, accept or reject the change at
 * the caret (or every change the selection touches), all of them, all by one person, all in the caret's section.
 * Every settling goes through resolveInEditor (one undo step, the one meaning of accept and reject). A person's
 * command, never per key: the walks look at blocks with the cheap carriesSuggestion test first.
 */

interface Place {
  id: string;
  range: Range;
}

type Inline = FormattedText | ChipElement;
const isInline = (n: unknown): n is Inline => Text.isText(n) || isChip(n);

function idsOf(node: Inline): string[] {
  return [node.ins?.id, node.del?.id, node.formatted?.id].filter((id): id is string => id !== undefined);
}

function blockIds(node: BlockElement): string[] {
  return [node.change?.id, relevelOf(node)?.id].filter((id): id is string => id !== undefined);
}

/** The places of the suggestions in block `index`, in order: the whole block for a block change, else each run of one suggestion. */
function placesIn(editor: Editor, index: number): Place[] {
  const node = editor.children[index] as BlockElement;
  if (!carriesSuggestion(node)) return [];
  const whole = { anchor: Editor.start(editor, [index]), focus: Editor.end(editor, [index]) };
  const own = blockIds(node);
  const places: Place[] = own.length > 0 ? [{ id: own[0] as string, range: whole }] : [];
  let open: Place | null = null;
  for (const [child, path] of Editor.nodes(editor, { at: [index], match: isInline, voids: false })) {
    const id = idsOf(child as Inline).find((candidate) => !own.includes(candidate));
    const start = { path, offset: 0 };
    const end = Text.isText(child) ? { path, offset: child.text.length } : { path, offset: 0 };
    if (id && open?.id === id) open.range = { anchor: open.range.anchor, focus: end };
    else if (id) places.push((open = { id, range: { anchor: start, focus: end } }));
    else open = null;
  }
  return places;
}

/**
 * Selects the next (or previous) suggestion after (before) the selection, wrapping round the document once. Returns
 * false when there is none.
 */
export function goToChange(editor: Editor, direction: 'next' | 'previous'): boolean {
  const count = editor.children.length;
  if (count === 0) return false;
  const from = editor.selection ? Range.start(editor.selection) : Editor.start(editor, []);
  const index = from.path[0] ?? 0;
  for (let step = 0; step <= count; step++) {
    const i = direction === 'next' ? (index + step) % count : (index - step + count) % count;
    let places = placesIn(editor, i);
    if (step === 0) places = places.filter((p) => (direction === 'next' ? Point.isAfter(Range.start(p.range), from) : Point.isBefore(Range.start(p.range), from)));
    const place = direction === 'next' ? places[0] : places[places.length - 1];
    if (place) {
      Transforms.select(editor, place.range);
      return true;
    }
  }
  // Wrapped round to the caret's own block: the first (or last) change there, even one the caret is past.
  const again = placesIn(editor, index);
  const place = direction === 'next' ? again[0] : again[again.length - 1];
  if (!place) return false;
  Transforms.select(editor, place.range);
  return true;
}

/** The suggestions the selection touches, or with a caret the one at it (its block's own, the text on either side). */
export function suggestionsAtSelection(editor: Editor): Set<string> {
  const ids = new Set<string>();
  const selection = editor.selection;
  if (!selection) return ids;
  const [start, end] = Range.edges(selection);
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) for (const id of blockIds(editor.children[i] as BlockElement)) ids.add(id);
  if (Range.isExpanded(selection)) {
    for (const [node] of Editor.nodes(editor, { at: selection, match: isInline, voids: false })) for (const id of idsOf(node as Inline)) ids.add(id);
    return ids;
  }
  // The text at the caret, and the text beside it when the caret is at its edge.
  const leaf = Node.getIf(editor, start.path);
  const parent = Node.parent(editor, start.path);
  const k = start.path[start.path.length - 1] ?? 0;
  const beside = [leaf];
  if (start.offset === 0 && k > 0) beside.push(parent.children[k - 1]);
  if (Text.isText(leaf) && start.offset === leaf.text.length) beside.push(parent.children[k + 1]);
  for (const node of beside) if (isInline(node)) for (const id of idsOf(node)) ids.add(id);
  return ids;
}

/** Accepts or rejects the suggestions with these ids, as one undo step; returns how many there were. */
export function settle(editor: Editor, ids: ReadonlySet<string>, decision: Exclude<Decision, undefined>): number {
  if (ids.size === 0) return 0;
  resolveInEditor(editor as Parameters<typeof resolveInEditor>[0], (part) => (ids.has(part.id) ? decision : undefined));
  return ids.size;
}

/** Every suggestion's id, with its author, in document order: what "all" and "all by one person" settle. */
export function allSuggestions(editor: Editor): Map<string, string> {
  const out = new Map<string, string>();
  (editor.children as BlockElement[]).forEach((node, index) => {
    if (!carriesSuggestion(node)) return;
    if (node.change) out.set(node.change.id, node.change.by);
    const relevel = relevelOf(node);
    if (relevel) out.set(relevel.id, relevel.by);
    for (const [child] of Editor.nodes(editor, { at: [index], match: isInline, voids: false })) {
      const inline = child as Inline;
      for (const mark of [inline.ins, inline.del, inline.formatted]) if (mark) out.set(mark.id, mark.by);
    }
  });
  return out;
}

/** The people who made the open suggestions, in the order their first suggestion comes. */
export function suggestionAuthors(editor: Editor): string[] {
  return [...new Set(allSuggestions(editor).values())];
}

/** The ids of the suggestions by one person, or by everyone. */
export function suggestionsBy(editor: Editor, author?: string): Set<string> {
  const ids = new Set<string>();
  for (const [id, by] of allSuggestions(editor)) if (author === undefined || by === author) ids.add(id);
  return ids;
}

/** The ids of the suggestions in the caret's section (its heading to the next heading of its level or higher). */
export function suggestionsInSection(editor: Editor): Set<string> {
  const ids = new Set<string>();
  const selection = editor.selection;
  if (!selection) return ids;
  const nodes = editor.children as BlockElement[];
  const levels = nodes.map((node) => (node.type === 'heading' && standsWhenAccepted(node) ? node.level : null));
  const owner = owningHeading(levels, Range.start(selection).path[0] ?? 0);
  const from = Math.max(0, owner);
  const to = owner >= 0 ? sectionEnd(levels, owner) : levels.findIndex((level) => level != null) === -1 ? nodes.length : levels.findIndex((level) => level != null);
  for (let i = from; i < to; i++) {
    const node = nodes[i] as BlockElement;
    if (!carriesSuggestion(node)) continue;
    for (const id of blockIds(node)) ids.add(id);
    for (const [child] of Editor.nodes(editor, { at: [i], match: isInline, voids: false })) for (const id of idsOf(child as Inline)) ids.add(id);
  }
  return ids;
}
