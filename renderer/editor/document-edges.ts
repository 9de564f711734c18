import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { scrollBlockToTop } from './scroll-caret';

/** Ctrl+Home / Ctrl+End (Cmd on a Mac), with Shift to extend the selection: which edge of the document, if any. */
export function documentEdgeKey(event: React.KeyboardEvent): 'start' | 'end' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  return event.key === 'Home' ? 'start' : event.key === 'End' ? 'end' : null;
}

/**
 * Moves the caret to the start or end of the document, as Word does. The browser's own Ctrl+End stops short when the
 * last chunks are skipped by content-visibility (it measured "Clause 697" as the end of a 700-clause policy), so the
 * editor moves the selection itself, then scrolls to it.
 */
export function moveToDocumentEdge(editor: Editor, edge: 'start' | 'end', extend: boolean): void {
  if (editor.children.length === 0) return;
  const point = edge === 'start' ? Editor.start(editor, []) : Editor.end(editor, []);
  if (extend && editor.selection) Transforms.setSelection(editor, { focus: point });
  else Transforms.select(editor, point);
  const index = edge === 'start' ? 0 : editor.children.length - 1;
  const block = ReactEditor.toDOMNode(editor as ReactEditor, editor.children[index] as Parameters<typeof ReactEditor.toDOMNode>[1]);
  if (edge === 'start') scrollBlockToTop(block);
  else block.scrollIntoView({ block: 'end' });
}
