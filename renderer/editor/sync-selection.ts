import { Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { PolicyEditor } from './types';

/**
 * Takes the selection from the page into the editor now. Slate reads the page's selection on a throttled
 * selectionchange (every 100 ms at most), so Shift+Home then Ctrl+B typed quickly would bold the old selection:
 * every keyboard command reads the selection the person sees.
 */
export function syncSelectionFromDom(editor: PolicyEditor): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode) return;
  if (!ReactEditor.hasDOMNode(editor, selection.anchorNode, { editable: true })) return;
  const range = ReactEditor.toSlateRange(editor, selection, { exactMatch: false, suppressThrow: true });
  if (range && (!editor.selection || !Range.equals(range, editor.selection))) Transforms.select(editor, range);
}

/**
 * Shift+Left and Shift+Right (with Ctrl, by a word) done here, as the browser does them (Selection.modify), and told to
 * Slate at once. Left to the browser, Slate's copy of the selection trails behind until its throttled selectionchange,
 * and a render already on its way (one a selection change asked for, run after the browser moved the selection) sets
 * the page's selection back to that copy: one key of a quick Shift+Left run was lost. Returns whether it was done.
 */
export function extendSelectionByKey(editor: PolicyEditor, event: KeyboardEvent): boolean {
  if (!event.shiftKey || event.altKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return false;
  const selection = window.getSelection();
  if (!selection || typeof selection.modify !== 'function' || selection.rangeCount === 0 || !selection.focusNode) return false;
  if (!ReactEditor.hasDOMNode(editor, selection.focusNode, { editable: true })) return false;
  selection.modify('extend', event.key === 'ArrowLeft' ? 'left' : 'right', event.ctrlKey ? 'word' : 'character');
  syncSelectionFromDom(editor);
  return true;
}
