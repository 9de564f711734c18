import { describe, expect, it, vi } from 'vitest';
import { Transforms, type Descendant, type NodeEntry } from 'slate';
import { createPolicyEditor } from './create-editor';

function editorWith(count: number) {
  const { editor } = createPolicyEditor();
  editor.children = Array.from({ length: count }, (_, i) => ({ type: 'paragraph', children: [{ text: `Paragraph ${i}` }] }) as unknown as Descendant);
  const normalized: number[][] = [];
  const { normalizeNode } = editor;
  editor.normalizeNode = vi.fn((entry: NodeEntry, options) => {
    normalized.push(entry[1]);
    normalizeNode(entry, options);
  });
  return { editor, normalized };
}

describe('createPolicyEditor', () => {
  it('does not normalize the whole document for typing, only the text and its block', () => {
    const { editor, normalized } = editorWith(50);
    Transforms.insertText(editor, 'abc', { at: { path: [7, 0], offset: 2 } });
    Transforms.delete(editor, { at: { path: [7, 0], offset: 2 }, distance: 1 });
    expect(normalized.length).toBeGreaterThan(0);
    expect(normalized.some((path) => path.length === 0)).toBe(false);
    expect(normalized.every((path) => path[0] === 7)).toBe(true);
  });

  it('does not normalize a table or its row for typing in one of its cells', () => {
    const { editor, normalized } = editorWith(3);
    const row = (r: number) => ({ type: 'table-row', children: [0, 1].map((c) => ({ type: 'table-cell', children: [{ text: `${r}.${c}` }] })) });
    Transforms.insertNodes(editor, { type: 'table', children: Array.from({ length: 40 }, (_, r) => row(r)) } as unknown as Descendant, { at: [1] });
    normalized.length = 0;
    Transforms.insertText(editor, 'abc', { at: { path: [1, 20, 1, 0], offset: 1 } });
    expect(normalized.length).toBeGreaterThan(0);
    expect(normalized.every((path) => path.length >= 3 && path[0] === 1 && path[1] === 20)).toBe(true);
  });

  it('still normalizes the whole document when blocks come or go', () => {
    const { editor, normalized } = editorWith(5);
    Transforms.splitNodes(editor, { at: { path: [2, 0], offset: 4 } });
    expect(normalized.some((path) => path.length === 0)).toBe(true);
    expect(editor.children).toHaveLength(6);
  });
});
