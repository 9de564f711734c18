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
