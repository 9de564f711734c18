import { Editor, Element, Node, Range, Text, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { safeLink } from '../../shared/model/link';
import { allOwnBlocks, relevelAsSuggestion } from './suggest-blocks';
import { suggestionMark } from './suggesting';
import type { BlockElement, FormattedText, LinkElement } from './types';

export type MarkName = 'bold' | 'italic' | 'underline' | 'superscript' | 'subscript';

/** Text is raised or lowered, never both (as in Word): setting one clears the other. */
const OPPOSITE: Partial<Record<MarkName, MarkName>> = { superscript: 'subscript', subscript: 'superscript' };

/**
 * The marks the next typed letter gets: what `Editor.marks` says, without its costly case. With the caret at the very
 * start of a block, Slate looks for the text before it with `Editor.previous`, which in a long policy takes about half a
 * millisecond a call (0.57 ms at block 2,400 of 4,707), only to find that text in another block, which does not count.
 * The toolbar asks after every Enter and every Home, so there the answer is taken from the block's first text.
 */
export function currentMarks(editor: Editor): Omit<FormattedText, 'text'> | null {
  const { selection } = editor;
  if (selection && !editor.marks && Range.isCollapsed(selection) && selection.anchor.offset === 0 && selection.anchor.path.length === 2 && selection.anchor.path[1] === 0) {
    const first = Node.getIf(editor, selection.anchor.path);
    if (Text.isText(first)) {
      const { text: _text, ...marks } = first;
      return marks;
    }
  }
  return Editor.marks(editor);
}

export function isMarkActive(editor: Editor, mark: MarkName): boolean {
  return currentMarks(editor)?.[mark] === true;
}

export function toggleMark(editor: Editor, mark: MarkName): void {
  if (isMarkActive(editor, mark)) {
    Editor.removeMark(editor, mark);
    return;
  }
  const opposite = OPPOSITE[mark];
  HistoryEditor.withNewBatch(editor, () => {
    // Asked of the text itself, not the caret's marks: a selection part raised, part lowered loses every lowering.
    if (opposite && someTextHas(editor, opposite)) Editor.removeMark(editor, opposite);
    Editor.addMark(editor, mark, true);
  });
}

function someTextHas(editor: Editor, mark: MarkName): boolean {
  const { selection } = editor;
  if (!selection) return false;
  if (Range.isCollapsed(selection)) return currentMarks(editor)?.[mark] === true;
  for (const [node] of Editor.nodes(editor, { at: selection, match: Text.isText })) if ((node as FormattedText)[mark]) return true;
  return false;
}

function selectedTopIndexes(editor: Editor): number[] {
  if (!editor.selection) return [];
  const [start, end] = Range.edges(editor.selection);
  const out: number[] = [];
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) out.push(i);
  return out;
}

/** Turns the selected body paragraphs into a list, or back into paragraphs; headings stay headings. */
export function toggleList(editor: Editor, list: 'bullet' | 'number'): void {
  const indexes = selectedTopIndexes(editor).filter((i) => (editor.children[i] as BlockElement).type !== 'heading');
  if (indexes.length === 0) return;
  const all = indexes.every((i) => {
    const node = editor.children[i] as BlockElement;
    return node.type === 'list-item' && node.list === list;
  });
  HistoryEditor.withNewBatch(editor, () =>
    Editor.withoutNormalizing(editor, () => {
      for (const i of indexes) {
        if (all) {
          Transforms.setNodes(editor, { type: 'paragraph' }, { at: [i] });
          Transforms.unsetNodes(editor, ['list', 'indent'], { at: [i] });
        } else {
          const node = editor.children[i] as BlockElement;
          Transforms.setNodes(editor, { type: 'list-item', list, indent: node.type === 'list-item' ? node.indent : 0 }, { at: [i] });
        }
      }
    }),
  );
}

/** Tab and Shift+Tab in a list: one level in or out, up to five. */
export function indentListItem(editor: Editor, delta: 1 | -1): boolean {
  const indexes = selectedTopIndexes(editor);
  const items = indexes.filter((i) => (editor.children[i] as BlockElement).type === 'list-item');
  if (items.length === 0) return false;
  const mark = suggestionMark(editor);
  HistoryEditor.withNewBatch(editor, () => {
    for (const i of items) {
      const node = editor.children[i] as BlockElement;
      if (node.type !== 'list-item') continue;
      const indent = Math.min(5, Math.max(0, node.indent + delta));
      if (indent === node.indent) continue;
      if (mark && !allOwnBlocks(editor, i, i + 1)) relevelAsSuggestion(editor, i, indent, mark);
      else Transforms.setNodes(editor, { indent }, { at: [i] });
    }
  });
  return true;
}

export function activeLink(editor: Editor): LinkElement | null {
  const [entry] = Editor.nodes(editor, { match: (n) => Element.isElement(n) && n.type === 'link' });
  return entry ? (entry[0] as LinkElement) : null;
}

/**
 * Links only to http, https or mailto (subject, body, cc and bcc only); an empty address removes the link. The link
 * stored is the address as the URL parser writes it. Returns an error sentence or null.
 */
export function setLink(editor: Editor, href: string): string | null {
  const typed = href.trim();
  const checked = typed === '' ? '' : safeLink(typed);
  if (checked === null) {
    return 'A link must be a web address (https://…) or an email address (mailto:…, with at most a subject, body, cc and bcc).';
  }
  HistoryEditor.withNewBatch(editor, () => {
    if (activeLink(editor)) Transforms.unwrapNodes(editor, { match: (n) => Element.isElement(n) && n.type === 'link' });
    if (!checked) return;
    if (editor.selection && Range.isCollapsed(editor.selection)) {
      // The words shown are the ones typed; the address stored is the checked one.
      Transforms.insertNodes(editor, { type: 'link', href: checked, children: [{ text: typed.replace(/^mailto:/i, '') }] });
    } else {
      Transforms.wrapNodes(editor, { type: 'link', href: checked, children: [] }, { split: true });
    }
  });
  return null;
}
