import { memo, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import { commandForKeyPress } from '../../shared/api/commands';
import type { Run } from '../../shared/model/document';
import type { PolicyEditor } from '../editor/types';
import { findNoteMark, setNoteRuns } from './note-commands';
import type { NoteEntry, NoteNumberStore } from './note-numbers';
import { editRunsAsText, noteText } from './note-text';

interface Props {
  store: NoteNumberStore;
  editor: PolicyEditor;
  /** The note asked for (a click on its mark, or one just inserted): its box takes the focus, once. */
  opening: string | null;
  onOpened: () => void;
  readOnly: boolean;
}

/**
 * The footnotes at the foot of the page, as Word lists them: each number with its text, editable in place. An edit is
 * an edit of the mark's note (note-commands.ts), so Ctrl+Z undoes it with everything else; nothing is drawn for a
 * document without notes.
 */
export function NotesArea({ store, editor, opening, onOpened, readOnly }: Props) {
  const notes = useSyncExternalStore(store.subscribeNotes, store.getNotes);
  if (notes.length === 0) return null;
  return (
    <section className="footnotes" aria-label="Footnotes">
      <ol className="footnote-list">
        {notes.map((entry) => (
          <NoteRow key={entry.id} entry={entry} editor={editor} open={opening === entry.id} onOpened={onOpened} readOnly={readOnly || entry.locked} />
        ))}
      </ol>
    </section>
  );
}

interface RowProps {
  entry: NoteEntry;
  editor: PolicyEditor;
  open: boolean;
  onOpened: () => void;
  readOnly: boolean;
}

const NoteRow = memo(function NoteRow({ entry, editor, open, onOpened, readOnly }: RowProps) {
  const stored = noteText(entry.runs);
  // The box shows what was typed at once; the note itself follows a moment later (Slate's change), and an undo or a
  // redo that changes the note changes the box.
  const [text, setText] = useState(stored);
  useEffect(() => setText(stored), [stored]);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!open || !element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
    element.scrollIntoView({ block: 'nearest' });
    onOpened();
  }, [open, onOpened]);

  const change = (typed: string, caret: number) => {
    setText(typed);
    const path = findNoteMark(editor, entry.id, entry.path);
    if (!path) return;
    const [mark] = Editor.node(editor, path) as [{ runs: Run[] }, unknown];
    setNoteRuns(editor, entry.id, editRunsAsText(mark.runs, typed, caret), path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = commandForKeyPress(event);
    // The document's undo, not the box's own: a note's edits are steps of the document's history.
    if (command === 'undo' || command === 'redo') {
      event.preventDefault();
      if (command === 'undo') HistoryEditor.undo(editor);
      else HistoryEditor.redo(editor);
      return;
    }
    // A note is one paragraph; Esc (or Enter) goes back to the text, just after the note's mark.
    if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
      event.preventDefault();
      backToMark(editor, entry);
    }
  };

  return (
    <li className="footnote" data-note={entry.id}>
      <span className="footnote-number" aria-hidden="true">
        {entry.number}
      </span>
      <textarea
        ref={box}
        className="footnote-text"
        aria-label={`Footnote ${entry.number}`}
        rows={1}
        value={text}
        readOnly={readOnly}
        spellCheck
        placeholder="Type the footnote"
        onChange={(event) => change(event.target.value, event.target.selectionEnd)}
        onKeyDown={onKeyDown}
      />
    </li>
  );
});

function backToMark(editor: PolicyEditor, entry: NoteEntry): void {
  const path = findNoteMark(editor, entry.id, entry.path);
  if (path) {
    const after = Editor.after(editor, path);
    if (after) Transforms.select(editor, after);
  }
  ReactEditor.focus(editor);
}
