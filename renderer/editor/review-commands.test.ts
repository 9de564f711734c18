import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { goToChange, settle, suggestionAuthors, suggestionsAtSelection, suggestionsBy, suggestionsInSection } from './review-commands';
import { SectionNumberStore } from './section-numbers';
import { editorFrom } from './test-editor';
import type { BlockElement } from './types';

const ana = { id: 'c-ana00001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben00001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
const moved = { id: 'c-mov00001', by: 'Ana', at: '2026-12-04T12:00:00Z' };

function reviewed() {
  const editor = editorFrom(['# Intro', 'x', '# Data', 'y', '# Rights']);
  const [intro, , data, , rights] = editor.children as BlockElement[];
  editor.children = [
    intro as BlockElement,
    { type: 'paragraph', children: [{ text: 'We ' }, { text: 'sell', del: ana }, { text: 'never sell', ins: ana }, { text: ' data.' }] },
    { ...(rights as BlockElement), change: { ...moved, kind: 'move-to' } } as BlockElement,
    data as BlockElement,
    { type: 'paragraph', change: { ...ben, kind: 'insert' }, children: [{ text: 'New.', ins: ben }] },
    { ...(rights as BlockElement), change: { ...moved, kind: 'move-from' } } as BlockElement,
  ];
  return editor;
}
const texts = (editor: Editor) => editor.children.map((_, i) => Editor.string(editor, [i]));

describe('going through suggestions', () => {
  it('selects each suggestion in turn, and wraps round', () => {
    const editor = reviewed();
    Transforms.select(editor, Editor.start(editor, [0]));
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      expect(goToChange(editor, 'next')).toBe(true);
      seen.push(Editor.string(editor, editor.selection as NonNullable<typeof editor.selection>));
    }
    // A replacement (a deletion and an insertion of one suggestion) is one change; a move is two places.
    expect(seen).toEqual(['sellnever sell', 'Rights', 'New.', 'Rights', 'sellnever sell', 'Rights']);
    expect(goToChange(editor, 'previous')).toBe(true);
    expect(editor.selection?.anchor.path[0]).toBe(1);
  });

  it('says so when there is none', () => {
    const editor = editorFrom(['# A', 'b']);
    expect(goToChange(editor, 'next')).toBe(false);
  });
});

describe('settling suggestions in the editor', () => {
  it('accepts the one at the caret, as one undo step', () => {
    const editor = reviewed();
    Transforms.select(editor, { path: [1, 2], offset: 3 });
    expect([...suggestionsAtSelection(editor)]).toEqual(['c-ana00001']);
    expect(settle(editor, suggestionsAtSelection(editor), 'accept')).toBe(1);
    expect(texts(editor)[1]).toBe('We never sell data.');
    HistoryEditor.undo(editor);
    expect(texts(editor)[1]).toBe('We sellnever sell data.');
  });

  it('rejects a move at either place: the section goes back', () => {
    const editor = reviewed();
    Transforms.select(editor, Editor.start(editor, [2]));
    settle(editor, suggestionsAtSelection(editor), 'reject');
    expect(texts(editor)).toEqual(['Intro', 'We sellnever sell data.', 'Data', 'New.', 'Rights']);
  });

  it('settles by author, and within the caret’s section', () => {
    const editor = reviewed();
    expect(suggestionAuthors(editor)).toEqual(['Ana', 'Ben']);
    expect([...suggestionsBy(editor, 'Ben')]).toEqual(['c-ben00001']);
    Transforms.select(editor, Editor.start(editor, [3]));
    expect([...suggestionsInSection(editor)].sort()).toEqual(['c-ben00001', 'c-mov00001']);
    settle(editor, suggestionsBy(editor), 'accept');
    expect(texts(editor)).toEqual(['Intro', 'We never sell data.', 'Rights', 'Data', 'New.']);
  });
});

describe('section numbers with suggestions', () => {
  it('number the document as if accepted, and keep the old number of a heading moved away', () => {
    const editor = reviewed();
    const store = new SectionNumberStore();
    store.update(editor.children as BlockElement[], 'decimal');
    expect(store.getOutline().map((item) => `${item.label} ${item.title}`)).toEqual(['1. Intro', '2. Rights', '3. Data']);
    expect(store.oldLabel((editor.children[5] as { id: string }).id)).toBe('3.');
  });
});
