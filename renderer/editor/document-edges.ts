import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { PolicyEditor } from './types';

/**
 * Ctrl+Home / Ctrl+End (Cmd+Up / Cmd+Down on a Mac too), with Shift to extend the selection: which edge of the document,
 * if the key asks for one.
 */
export function documentEdgeKey(event: React.KeyboardEvent): 'start' | 'end' | null {
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) {
    if (event.key === 'Home') return 'start';
    if (event.key === 'End') return 'end';
  }
  if (event.metaKey && !event.ctrlKey) {
    if (event.key === 'ArrowUp') return 'start';
    if (event.key === 'ArrowDown') return 'end';
  }
  return null;
}

/**
 * Moves the caret to the start or end of the document, as Word does. The browser's own Ctrl+End stops short when the
 * last chunks are skipped by content-visibility (it took "Clause 697" for the end of a 700-clause policy), so the
 * editor moves the selection itself and scrolls there. `drawAll` puts every block in the page first.
 */
export function moveToDocumentEdge(editor: PolicyEditor, edge: 'start' | 'end', extend: boolean, drawAll: () => void): void {
  if (editor.children.length === 0) return;
  drawAll();
  const point = edge === 'start' ? Editor.start(editor, []) : Editor.end(editor, []);
  if (extend && editor.selection) Transforms.setSelection(editor, { focus: point });
  else Transforms.select(editor, point);
  const scroller = ReactEditor.toDOMNode(editor, editor).closest<HTMLElement>('.page-scroll');
  if (!scroller) return;
  // The start of the document is the top of the page, title and dates included.
  const last = editor.children.at(-1);
  if (edge === 'start') scroller.scrollTop = 0;
  else if (last) ReactEditor.toDOMNode(editor, last).scrollIntoView({ block: 'end' });
}
