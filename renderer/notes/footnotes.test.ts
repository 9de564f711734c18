import { describe, expect, it } from 'vitest';
import { Editor, Node, Path, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { PolicyDocumentSchema, type Run } from '../../shared/model/document';
import { FORMAT_VERSION, NOTE_ID_PATTERN } from '../../shared/model/vocabulary';
import { blocksToSlate, notesById, slateToText } from '../editor/convert';
import { cursorIn, editorFrom } from '../editor/test-editor';
import type { BlockElement, NoteElement, PolicyEditor } from '../editor/types';
import { findNoteMark, insertFootnote, setNoteRuns } from './note-commands';
import { changesNotes, NoteNumberStore } from './note-numbers';
import { editRunsAsText, noteText } from './note-text';

/** Slate joins into one undo step what happens in one tick: a person's actions come in separate ones. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const note = (id: string, text = ''): NoteElement => ({ type: 'note', note: id, runs: text ? [{ text }] : [], children: [{ text: '' }] });
const para = (...children: BlockElement['children']): BlockElement => ({ type: 'paragraph', children: [{ text: '' }, ...children, { text: '' }] }) as BlockElement;

/** Every mark in the document, in reading order, as "id:number". */
function numbers(editor: Editor, store = counted(editor)): string[] {
  return [...Editor.nodes(editor, { at: [], match: (n) => (n as NoteElement).type === 'note' })].map(([n]) => `${(n as NoteElement).note}:${store.number((n as NoteElement).note)}`);
}

function counted(editor: Editor): NoteNumberStore {
  const store = new NoteNumberStore();
  store.update(editor.children as BlockElement[]);
  return store;
}

function marks(editor: Editor): NoteElement[] {
  return [...Editor.nodes(editor, { at: [], match: (n) => (n as NoteElement).type === 'note' })].map(([n]) => n as NoteElement);
}

/** The editor's document as saved: valid in the stored model, or the test fails with the model's words. */
function saved(editor: PolicyEditor) {
  const doc = { format: FORMAT_VERSION, title: 'T', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal' as const, ...slateToText(editor.children as BlockElement[]) };
  const parsed = PolicyDocumentSchema.safeParse(doc);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  return doc;
}

describe('the footnote numbers', () => {
  it('count the marks in reading order, table cells included, and the old place of a moved block not at all', () => {
    const store = new NoteNumberStore();
    const blocks = [
      para(note('n-bbbbbb')),
      { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'a' }, note('n-cccccc'), { text: '' }] }] }] },
      { ...para(note('n-aaaaaa')), change: { kind: 'move-from', id: 'c-1', by: 'A', at: '2026-01-01T00:00:00Z' } },
      para(note('n-aaaaaa')),
    ] as unknown as BlockElement[];
    store.update(blocks);
    expect(['n-bbbbbb', 'n-cccccc', 'n-aaaaaa'].map((id) => store.number(id))).toEqual([1, 2, 3]);
    expect(store.getNotes().map((entry) => `${entry.number} ${entry.id} ${entry.path.join('.')}`)).toEqual(['1 n-bbbbbb 0.1', '2 n-cccccc 1.0.0.1', '3 n-aaaaaa 3.1']);
  });

  it('tell only the marks whose number changed, and the list only when it changed', () => {
    const store = new NoteNumberStore();
    const a = para(note('n-aaaaaa'));
    const b = para(note('n-bbbbbb'));
    store.update([a, b]);
    const told: string[] = [];
    for (const id of ['n-aaaaaa', 'n-bbbbbb', 'n-cccccc']) store.subscribe(id, () => told.push(id));
    let lists = 0;
    store.subscribeNotes(() => lists++);
    // A new note after the others: only it is told.
    const c = para(note('n-cccccc'));
    store.update([a, b, c]);
    expect(told).toEqual(['n-cccccc']);
    expect(lists).toBe(1);
    // The same blocks again: nobody.
    const list = store.getNotes();
    store.update([a, b, c]);
    expect(lists).toBe(1);
    expect(store.getNotes()).toBe(list);
    // The first goes: the other two move up.
    told.length = 0;
    store.update([b, c]);
    expect(told.sort()).toEqual(['n-aaaaaa', 'n-bbbbbb', 'n-cccccc']);
  });

  it('are recounted for what can change a mark, never for typing or for a document without marks', () => {
    const editor = editorFrom(['# Scope', 'Plain text.', 'More.']);
    const store = counted(editor);
    expect(store.empty).toBe(true);
    const from = editor.operations.length;
    cursorIn(editor, 'Plain text.');
    editor.insertText(' And on.');
    editor.insertBreak();
    Transforms.moveNodes(editor, { at: [1], to: [2] });
    Transforms.insertNodes(editor, para(), { at: [0] });
    expect(editor.operations.slice(from).some((op) => changesNotes(op, store))).toBe(false);
    // A mark arrives: counted.
    const before = editor.operations.length;
    cursorIn(editor, 'More.');
    insertFootnote(editor);
    expect(editor.operations.slice(before).some((op) => changesNotes(op, store))).toBe(true);
    store.update(editor.children as BlockElement[]);
    // With a mark in the document, a moved block may reorder the marks.
    expect(changesNotes({ type: 'move_node', path: [1], newPath: [2] }, store)).toBe(true);
    expect(changesNotes({ type: 'insert_text', path: [1, 0], offset: 0, text: 'x' }, store)).toBe(false);
  });
});

describe('Insert Footnote', () => {
  it('puts a mark with a new id at the caret, the caret after it, as one undo step', () => {
    const editor = editorFrom(['# Scope', 'We keep data.']);
    Transforms.select(editor, { path: [1, 0], offset: 'We keep data'.length });
    const id = insertFootnote(editor);
    expect(id).toMatch(NOTE_ID_PATTERN);
    expect(marks(editor).map((m) => m.note)).toEqual([id]);
    expect(Node.string(editor.children[1] as Node)).toBe('We keep data.');
    editor.insertText('!');
    expect(Editor.string(editor, [1])).toBe('We keep data!.');
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    expect(marks(editor)).toEqual([]);
    HistoryEditor.redo(editor);
    expect(marks(editor).map((m) => m.note)).toEqual([id]);
  });

  it('renumbers both when a second goes before the first', () => {
    const editor = editorFrom(['# Scope', 'First sentence. Second sentence.']);
    Transforms.select(editor, { path: [1, 0], offset: 'First sentence. Second sentence.'.length });
    const later = insertFootnote(editor) as string;
    expect(numbers(editor)).toEqual([`${later}:1`]);
    Transforms.select(editor, { path: [1, 0], offset: 'First sentence.'.length });
    const earlier = insertFootnote(editor) as string;
    expect(numbers(editor)).toEqual([`${earlier}:1`, `${later}:2`]);
    expect(saved(editor).notes?.map((n) => n.id)).toEqual([earlier, later]);
  });

  it('is refused in an approved clause', () => {
    const editor = editorFrom(['Clause text.']);
    Transforms.setNodes(editor, { clause: { id: 'c', version: 1, use: 'u-1', state: 'locked' } } as Partial<BlockElement>, { at: [0] });
    cursorIn(editor, 'Clause text.');
    expect(insertFootnote(editor)).toBeNull();
    expect(marks(editor)).toEqual([]);
  });
});

describe("a note's text", () => {
  it('is set as an undoable edit, typing on joining one step, and saved as the note', async () => {
    const editor = editorFrom(['Text.']);
    cursorIn(editor, 'Text.');
    const id = insertFootnote(editor) as string;
    for (const typed of ['S', 'Se', 'See']) {
      await tick();
      const [mark] = marks(editor);
      expect(setNoteRuns(editor, id, editRunsAsText(mark?.runs ?? [], typed))).toBe(true);
    }
    await tick();
    expect(marks(editor)[0]?.runs).toEqual([{ text: 'See' }]);
    expect(saved(editor).notes).toEqual([{ id, runs: [{ text: 'See' }] }]);
    HistoryEditor.undo(editor);
    expect(marks(editor)[0]?.runs).toEqual([]);
    HistoryEditor.undo(editor);
    expect(marks(editor)).toEqual([]);
  });

  it('goes with its mark on Backspace, and comes back with it on undo', async () => {
    const editor = editorFrom(['Text.']);
    cursorIn(editor, 'Text.');
    const id = insertFootnote(editor) as string;
    await tick();
    setNoteRuns(editor, id, [{ text: 'A note.' }]);
    await tick();
    // The caret is after the mark: one Backspace takes it whole.
    editor.deleteBackward('character');
    expect(marks(editor)).toEqual([]);
    expect(Editor.string(editor, [0])).toBe('Text.');
    expect(saved(editor).notes).toBeUndefined();
    HistoryEditor.undo(editor);
    expect(marks(editor).map((m) => [m.note, noteText(m.runs)])).toEqual([[id, 'A note.']]);
  });

  it('is found by its mark wherever typing moved it', () => {
    const editor = editorFrom(['Text.', 'Second.']);
    cursorIn(editor, 'Second.');
    const id = insertFootnote(editor) as string;
    const hint = findNoteMark(editor, id) as Path;
    Transforms.insertNodes(editor, para(), { at: [0] });
    expect(findNoteMark(editor, id, hint)).toEqual(Path.next([hint[0] as number]).concat(hint.slice(1)));
  });
});

describe('a copied footnote mark', () => {
  it('pastes as a new note with the same text, so no id is marked twice', () => {
    const editor = editorFrom(['Text.', 'Other.']);
    cursorIn(editor, 'Text.');
    const id = insertFootnote(editor) as string;
    setNoteRuns(editor, id, [{ text: 'Cited ' }, { text: 'Smith v Jones', marks: ['italic'] }]);
    Transforms.select(editor, { anchor: Editor.start(editor, [0]), focus: Editor.end(editor, [0]) });
    const fragment = Editor.fragment(editor, editor.selection as NonNullable<typeof editor.selection>);
    cursorIn(editor, 'Other.');
    editor.insertFragment(structuredClone(fragment) as Descendant[]);
    const all = marks(editor);
    expect(all).toHaveLength(2);
    expect(all[0]?.note).toBe(id);
    expect(all[1]?.note).not.toBe(id);
    expect(all[1]?.note).toMatch(NOTE_ID_PATTERN);
    expect(all[1]?.runs).toEqual(all[0]?.runs);
    expect(saved(editor).notes).toHaveLength(2);
  });

  it('keeps only what the model knows of a forged mark', () => {
    const editor = editorFrom(['Text.']);
    cursorIn(editor, 'Text.');
    const forged = { type: 'note', note: 'n-aaaaaa', runs: [{ text: 'ok', marks: ['bold', 'blink'] }, { text: '{{note:n-x}}', note: 'n-zzzzzz' }, { text: 'x', link: 'javascript:alert(1)' }], children: [{ text: '' }] };
    editor.insertFragment([{ type: 'paragraph', children: [{ text: '' }, forged, { text: '' }] }] as unknown as Descendant[]);
    expect(marks(editor)[0]?.runs).toEqual([{ text: 'ok', marks: ['bold'] }, { text: 'x' }]);
    saved(editor);
  });
});

describe('editing a note as text', () => {
  const runs: Run[] = [{ text: 'See ' }, { text: 'Smith v Jones', marks: ['italic'] }, { text: ' at 4.' }];

  it('keeps the formatting of every word not touched', () => {
    expect(editRunsAsText(runs, 'See Smith v Jones at 5.')).toEqual([{ text: 'See ' }, { text: 'Smith v Jones', marks: ['italic'] }, { text: ' at 5.' }]);
    expect(editRunsAsText(runs, 'Cf. Smith v Jones at 4.')).toEqual([{ text: 'Cf. ' }, { text: 'Smith v Jones', marks: ['italic'] }, { text: ' at 4.' }]);
  });

  it('takes the change to end at the caret, where the texts alone cannot tell', () => {
    // A space typed after "Jones" or before "at": only the caret tells which, and so which marks it takes.
    expect(editRunsAsText(runs, 'See Smith v Jones  at 4.', 'See Smith v Jones '.length)).toEqual([{ text: 'See ' }, { text: 'Smith v Jones ', marks: ['italic'] }, { text: ' at 4.' }]);
    expect(editRunsAsText(runs, 'See Smith v Jones  at 4.', 'See Smith v Jones  '.length)).toEqual([{ text: 'See ' }, { text: 'Smith v Jones', marks: ['italic'] }, { text: '  at 4.' }]);
  });

  it('gives new letters the marks of the letter before them', () => {
    expect(editRunsAsText(runs, 'See Smith v Jones Ltd at 4.', 'See Smith v Jones Ltd'.length)).toEqual([{ text: 'See ' }, { text: 'Smith v Jones Ltd', marks: ['italic'] }, { text: ' at 4.' }]);
    expect(editRunsAsText([], 'New')).toEqual([{ text: 'New' }]);
  });

  it('takes a variable the change cuts into away whole', () => {
    const withVariable: Run[] = [{ text: 'By ' }, { text: '{{company}}', variable: 'company' }, { text: '.' }];
    expect(editRunsAsText(withVariable, 'By {{compan}}.')).toEqual([{ text: 'By .' }]);
    expect(editRunsAsText(withVariable, 'By {{company}} Ltd.')).toEqual([{ text: 'By ' }, { text: '{{company}}', variable: 'company' }, { text: ' Ltd.' }]);
  });
});

describe('notes through convert', () => {
  it('come back from the stored notes into their marks', () => {
    const blocks = blocksToSlate([{ kind: 'paragraph', runs: [{ text: 'A' }, { text: '{{note:n-aaaaaa}}', note: 'n-aaaaaa' }] }], notesById([{ id: 'n-aaaaaa', runs: [{ text: 'Note.' }] }]));
    const store = new NoteNumberStore();
    store.update(blocks);
    expect(store.getNotes().map((entry) => [entry.number, noteText(entry.runs)])).toEqual([[1, 'Note.']]);
  });
});
