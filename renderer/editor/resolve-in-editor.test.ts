import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { editorFrom } from './test-editor';
import { resolveInEditor } from './resolve-in-editor';
import type { BlockElement } from './types';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };

function reviewed() {
  const editor = editorFrom(['# Intro', 'x', 'y']);
  editor.children = [
    editor.children[0] as BlockElement,
    { type: 'paragraph', children: [{ text: 'We ' }, { text: 'sell', del: ana }, { text: 'never sell', ins: ana }, { text: ' data.' }] },
    { type: 'paragraph', change: { ...ben, kind: 'insert' }, children: [{ text: 'New.', ins: ben }] },
  ];
  return editor;
}
const texts = (editor: Editor) => editor.children.map((_, i) => Editor.string(editor, [i]));

describe('accepting and rejecting in the editor', () => {
  it('accepts one author, leaving the other open, as one undo step', () => {
    const editor = reviewed();
    expect(resolveInEditor(editor, (part) => (part.by === 'Ana' ? 'accept' : undefined))).toBe(1);
    expect(texts(editor)).toEqual(['Intro', 'We never sell data.', 'New.']);
    expect((editor.children[2] as BlockElement).change?.by).toBe('Ben');
    editor.undo();
    expect(texts(editor)).toEqual(['Intro', 'We sellnever sell data.', 'New.']);
  });

  it('rejects everything: the inserted paragraph goes, the deleted word comes back', () => {
    const editor = reviewed();
    expect(resolveInEditor(editor, () => 'reject')).toBe(2);
    expect(texts(editor)).toEqual(['Intro', 'We sell data.']);
  });

  it('does nothing, and adds no undo step, when nothing is settled', () => {
    const editor = reviewed();
    const undos = editor.history.undos.length;
    expect(resolveInEditor(editor, () => undefined)).toBe(0);
    expect(editor.history.undos.length).toBe(undos);
  });

  it('keeps a footnote’s text when its block is resolved', () => {
    const editor = editorFrom(['x']);
    // A footnote's mark is an inline void, as the footnote feature teaches the editor.
    const { isInline, isVoid } = editor;
    editor.isInline = (element) => element.type === 'note' || isInline(element);
    editor.isVoid = (element) => element.type === 'note' || isVoid(element);
    editor.children = [
      {
        type: 'paragraph',
        children: [
          { text: 'Kept', ins: ana },
          { type: 'note', note: 'n-abc123', runs: [{ text: 'The note.' }], children: [{ text: '' }] },
          { text: '' },
        ],
      },
    ];
    expect(resolveInEditor(editor, () => 'accept')).toBe(1);
    const note = (editor.children[0] as BlockElement & { children: Array<{ type?: string; runs?: unknown }> }).children.find((child) => child.type === 'note');
    expect(note?.runs).toEqual([{ text: 'The note.' }]);
  });
});
