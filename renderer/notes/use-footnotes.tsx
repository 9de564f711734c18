/**
 * Footnotes in the document editor: the numbers (note-numbers.ts), the command that inserts a mark, and the notes at
 * the foot of the page (NotesArea.tsx). The editor calls `changed` with each change's operations, `insert` for the
 * command, and draws `area` below its text, inside FootnotesContext with `context`.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Operation } from 'slate';
import { lockedIn, LOCKED_MESSAGE } from '../editor/clause-lock';
import type { BlockElement, PolicyEditor } from '../editor/types';
import { FootnotesContext, type Footnotes } from './footnotes-context';
import { insertFootnote } from './note-commands';
import { changesNotes, NoteNumberStore } from './note-numbers';
import { NotesArea } from './NotesArea';

export interface FootnotesInEditor {
  readonly store: NoteNumberStore;
  /** After each change: recounts only when an operation can change a note (never for typing). */
  changed(operations: readonly Operation[]): void;
  /** Insert Footnote at the caret; returns a sentence when it could not. */
  insert(): string | null;
  /** The notes at the foot of the page; read-only while the document may not be edited (a conflict being settled). */
  area(readOnly: boolean): ReactNode;
  context: Footnotes;
}

export function useFootnotes(editor: PolicyEditor, initial: readonly BlockElement[]): FootnotesInEditor {
  const [store] = useState(() => {
    const created = new NoteNumberStore();
    created.update(initial);
    return created;
  });
  const [opening, setOpening] = useState<string | null>(null);
  const opened = useCallback(() => setOpening(null), []);
  const context = useMemo<Footnotes>(() => ({ store, open: setOpening }), [store]);

  const changed = useCallback(
    (operations: readonly Operation[]) => {
      if (operations.some((op) => changesNotes(op, store))) store.update(editor.children as BlockElement[]);
    },
    [editor, store],
  );

  const insert = useCallback((): string | null => {
    if (!editor.selection) return 'Put the cursor where the footnote should go, then press Ctrl+Alt+F.';
    if (lockedIn(editor, editor.selection) >= 0) return LOCKED_MESSAGE;
    const id = insertFootnote(editor);
    if (!id) return 'A footnote cannot go there.';
    // Its box at the foot of the page takes the cursor once the new note is counted and drawn (NotesArea.tsx).
    setOpening(id);
    return null;
  }, [editor]);

  const area = (readOnly: boolean) => <NotesArea store={store} editor={editor} opening={opening} onOpened={opened} readOnly={readOnly} />;
  return { store, changed, insert, area, context };
}

export { FootnotesContext };
