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

  it('does not normalize the whole document for Enter, nor for a change inside a block', () => {
    const { editor, normalized } = editorWith(50);
    Transforms.splitNodes(editor, { at: { path: [20, 0], offset: 4 } });
    expect(editor.children).toHaveLength(51);
    Transforms.setNodes(editor, { bold: true } as never, { at: [30, 0] });
    Transforms.splitNodes(editor, { at: { path: [31, 0], offset: 3 }, match: (_, path) => path.length === 2 });
    expect(normalized.length).toBeGreaterThan(0);
    expect(normalized.some((path) => path.length === 0)).toBe(false);
  });

  it('still normalizes the whole document when blocks come or go at the top level', () => {
    const cases: Array<[string, (editor: ReturnType<typeof editorWith>['editor']) => void]> = [
      ['a block inserted', (editor) => Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: 'new' }] } as unknown as Descendant, { at: [2] })],
      ['a block removed', (editor) => Transforms.removeNodes(editor, { at: [2] })],
      ['a text moved out to the top level', (editor) => Transforms.moveNodes(editor, { at: [2, 0], to: [4] })],
    ];
    for (const [name, change] of cases) {
      const { editor, normalized } = editorWith(5);
      change(editor);
      expect(normalized.some((path) => path.length === 0), name).toBe(true);
    }
    // The text moved to the top level is not a block: the root's rules took it out of there again.
    const { editor } = editorWith(5);
    Transforms.moveNodes(editor, { at: [2, 0], to: [4] });
    expect(editor.children.every((child) => 'type' in child)).toBe(true);
  });
});
