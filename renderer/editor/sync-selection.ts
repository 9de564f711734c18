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

// The keys that extend the selection and that the browser, not Slate, carries out: how Selection.modify says each.
const EXTENDING: Readonly<Record<string, { direction: 'left' | 'right' | 'backward' | 'forward'; by: 'character' | 'line' | 'lineboundary' }>> = {
  ArrowLeft: { direction: 'left', by: 'character' },
  ArrowRight: { direction: 'right', by: 'character' },
  ArrowUp: { direction: 'backward', by: 'line' },
  ArrowDown: { direction: 'forward', by: 'line' },
  Home: { direction: 'backward', by: 'lineboundary' },
  End: { direction: 'forward', by: 'lineboundary' },
};

/**
 * Shift+Left, Shift+Right (with Ctrl, by a word), Shift+Up, Shift+Down, Shift+Home and Shift+End done here, as the
 * browser does them (Selection.modify), and told to Slate at once. Left to the browser, Slate's copy of the selection
 * trails behind until its throttled selectionchange, and a render already on its way (one a selection change asked
 * for, run after the browser moved the selection: Chromium runs input before other tasks) sets the page's selection
 * back to that copy: one key of a quick Shift+Left run was lost. Returns whether it was done.
 */
export function extendSelectionByKey(editor: PolicyEditor, event: KeyboardEvent): boolean {
  const how = EXTENDING[event.key];
  if (!how || !event.shiftKey || event.altKey || event.metaKey) return false;
  // Ctrl with Left or Right goes by words; Ctrl+Shift+Home and End (the document's edges) and Up and Down are not these.
  const byWord = event.ctrlKey && how.by === 'character';
  if (event.ctrlKey && !byWord) return false;
  const selection = window.getSelection();
  if (!selection || typeof selection.modify !== 'function' || selection.rangeCount === 0 || !selection.focusNode) return false;
  if (!ReactEditor.hasDOMNode(editor, selection.focusNode, { editable: true })) return false;
  selection.modify('extend', how.direction, byWord ? 'word' : how.by);
  syncSelectionFromDom(editor);
  return true;
}
