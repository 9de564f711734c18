import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { insertSection } from './section-commands';
import { sanitizeFragment } from './with-policy';
import { cursorIn, editorFrom, idFor, numbered } from './test-editor';
import type { BlockElement } from './types';

describe('Enter in a heading', () => {
  it('at the end opens an empty body paragraph and keeps the heading and its id', () => {
    const editor = editorFrom(['# Scope', '# Next']);
    cursorIn(editor, 'Scope');
    editor.insertBreak();
    const nodes = editor.children as BlockElement[];
    expect(nodes[0]).toEqual({ type: 'heading', id: idFor('Scope'), level: 1, children: [{ text: 'Scope' }] });
    expect(nodes[1]).toEqual({ type: 'paragraph', children: [{ text: '' }] });
    expect(editor.selection?.anchor.path[0]).toBe(1);
  });

  it('in the middle moves the rest of the text to the body', () => {
    const editor = editorFrom(['# Scope of this policy']);
    editor.selection = { anchor: { path: [0, 0], offset: 5 }, focus: { path: [0, 0], offset: 5 } };
    editor.insertBreak();
    expect(numbered(editor)).toEqual(['1. Scope', '   of this policy']);
  });
});

describe('no stray empty paragraphs', () => {
  const blocks = (editor: Editor) =>
    (editor.children as BlockElement[]).map((node, i) => `${node.type === 'list-item' ? `${node.list} ` : node.type === 'heading' ? '# ' : ''}${Editor.string(editor, [i])}`);
  // Made before the test's steps, not as an undoable step of them.
  const bullets = (editor: Editor, ...at: number[]) =>
    HistoryEditor.withoutSaving(editor as HistoryEditor, () => at.forEach((i) => Transforms.setNodes(editor, { type: 'list-item', list: 'bullet', indent: 0 }, { at: [i] })));

  it('a new section, its title, Enter and its text: one body paragraph, not a second empty one', () => {
    const editor = editorFrom(['# A', 'text']);
    cursorIn(editor, 'text');
    insertSection(editor, false);
    editor.insertText('New');
    editor.insertBreak();
    editor.insertText('body');
    expect(blocks(editor)).toEqual(['# A', 'text', '# New', 'body']);
  });

  it('Enter at the end of a heading whose body already has text still opens a new paragraph before it', () => {
    const editor = editorFrom(['# A', 'text']);
    cursorIn(editor, 'A');
    editor.insertBreak();
    expect(blocks(editor)).toEqual(['# A', '', 'text']);
  });

  it('deleting a whole selected section, its list included, leaves no empty bullet', () => {
    const editor = editorFrom(['intro', '# A', 'text', 'one', 'two', '# B', 'b']);
    bullets(editor, 3, 4);
    Transforms.select(editor, { anchor: Editor.start(editor, [1]), focus: Editor.end(editor, [4]) });
    editor.deleteFragment();
    expect(blocks(editor)).toEqual(['intro', '# B', 'b']);
    expect(editor.selection?.anchor.path[0]).toBe(1);
    editor.undo();
    expect(blocks(editor)).toEqual(['intro', '# A', 'text', 'bullet one', 'bullet two', '# B', 'b']);
  });

  it('keeps the block when only part of it was selected', () => {
    const editor = editorFrom(['# A', 'text', 'one', 'two']);
    bullets(editor, 2, 3);
    Transforms.select(editor, { anchor: { path: [1, 0], offset: 2 }, focus: Editor.end(editor, [3]) });
    editor.deleteFragment();
    expect(blocks(editor)).toEqual(['# A', 'te']);
  });
});

describe('pasting Slate fragments', () => {
  it('keeps only what the model knows and drops unsafe links', () => {
    const hostile = [
      { type: 'paragraph', onclick: 'alert(1)', children: [{ text: 'a', bold: true, style: 'x' }, { type: 'link', href: 'javascript:alert(1)', children: [{ text: 'click' }] }] },
      { type: 'script', children: [{ text: 'b\u0000c' }] },
    ];
    // The fragment is deliberately malformed: it stands for what a hostile page could put on the clipboard.
    const clean = sanitizeFragment(hostile as never, new Set());
    expect(clean).toEqual([
      { type: 'paragraph', children: [{ text: 'a', bold: true }, { text: 'click' }] },
      { type: 'paragraph', children: [{ text: 'bc' }] },
    ]);
  });

  it('gives a pasted heading a new id when its id is already in the document', () => {
    const existing = idFor('Scope');
    const [copy] = sanitizeFragment([{ type: 'heading', id: existing, level: 2, children: [{ text: 'Scope' }] }], new Set([existing])) as BlockElement[];
    expect(copy?.type).toBe('heading');
    expect(copy && 'id' in copy ? copy.id : '').not.toBe(existing);
    expect(copy && 'id' in copy ? copy.id : '').toMatch(/^s-[a-z0-9]{10}$/);
  });
});

describe('typing', () => {
  it('drops characters XML forbids, which would make the DOCX unreadable', () => {
    const editor = editorFrom(['body']);
    cursorIn(editor, 'body');
    editor.insertText('\u0007!');
    expect(Editor.string(editor, [0])).toBe('body!');
  });
});
