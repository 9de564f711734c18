import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
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
