/**
 * Puts replacements into the document: one match, or all of a plan as one step that one Ctrl+Z undoes
 * (slate-history's withNewBatch: the first operation starts a new batch, the rest join it).
 *
 * A match inside one text (the usual case) becomes two operations, a removal and an insertion, applied directly:
 * Slate's own insertText over a range walks the range's nodes and keeps point references for each match, which is
 * most of the cost of replacing a thousand. A match across texts (a bold letter inside the word) goes through
 * insertText, and the replacement takes the formatting of the match's first letter. Suggesting, a replacement is a
 * suggestion instead.
 */
import { Editor, Node, Path, Range, Text, Transforms, type BaseRange } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { TextMatch } from '../../shared/find/find';
import type { SuggestionMark } from '../../shared/model/document';
import { suggestionMark } from '../editor/suggesting';
import { markDeleted } from '../editor/suggest-text';
import type { BlockElement, FormattedText, PolicyEditor } from '../editor/types';
import { rangeOf } from './block-text';

export interface Replacement extends TextMatch {
  text: string;
}

function replaceOne(editor: PolicyEditor, edit: Replacement, mark: SuggestionMark | null): void {
  const range = rangeOf(editor.children[edit.block] as BlockElement, edit);
  if (mark) return suggestReplacement(editor, range, edit.text, mark);
  const { anchor, focus } = range;
  const leaf = Path.equals(anchor.path, focus.path) ? Node.get(editor, anchor.path) : null;
  if (leaf && Text.isText(leaf)) {
    const removed = leaf.text.slice(anchor.offset, focus.offset);
    if (removed) editor.apply({ type: 'remove_text', path: anchor.path, offset: anchor.offset, text: removed });
    if (edit.text) editor.apply({ type: 'insert_text', path: anchor.path, offset: anchor.offset, text: edit.text });
    return;
  }
  Transforms.insertText(editor, edit.text, { at: range });
}

/** Replaces each edit's match, as one undoable step. `edits` are in document order; they are applied last first. */
export function applyReplacements(editor: PolicyEditor, edits: readonly Replacement[]): void {
  if (edits.length === 0) return;
  const mark = suggestionMark(editor);
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (let i = edits.length - 1; i >= 0; i--) replaceOne(editor, edits[i] as Replacement, mark);
    });
  });
}

/**
 * Suggesting, a replacement is a suggestion (all of a replace all, one): the new text is inserted after the match, with
 * the formatting of the match's first letter, and the match is marked deleted.
 */
function suggestReplacement(editor: PolicyEditor, range: BaseRange, text: string, mark: SuggestionMark): void {
  const start = Range.start(range);
  const first = Node.getIf(editor, start.path);
  if (text) {
    const { text: _old, ins: _i, del: _d, formatted: _f, ...marks } = Text.isText(first) ? first : ({ text: '' } as FormattedText);
    Transforms.insertNodes(editor, { ...marks, text, ins: { ...mark } }, { at: Range.end(range), select: false });
  }
  markDeleted(editor, range, mark, 'keep');
}
