import { createEditor, Transforms, type Descendant } from 'slate';
import { DOMEditor, NODE_TO_INDEX, NODE_TO_PARENT } from 'slate-dom';
import { describe, expect, it } from 'vitest';

// slate-react no longer records the new index of each block an edit above it moved (patches/slate-react+0.146.1.patch:
// a millisecond of every Enter at 47,000 blocks); slate-dom's findPath finds such a block again near its old index
// (patches/slate-dom+0.146.1.patch).

const paragraph = (text: string): Descendant => ({ type: 'paragraph', children: [{ text }] }) as Descendant;

/** An editor whose nodes have their parents and indexes recorded, as slate-react records them when it draws them. */
function drawnEditor(count: number) {
  const editor = createEditor();
  editor.children = Array.from({ length: count }, (_, i) => paragraph(`Block ${i}`));
  editor.children.forEach((block, i) => {
    NODE_TO_PARENT.set(block, editor);
    NODE_TO_INDEX.set(block, i);
    if ('children' in block)
      block.children.forEach((text, j) => {
        NODE_TO_PARENT.set(text, block);
        NODE_TO_INDEX.set(text, j);
      });
  });
  return editor;
}

describe('findPath after an edit moved the blocks below it', () => {
  it('finds a block whose recorded index is behind by a few, and records the new one', () => {
    const editor = drawnEditor(1000);
    const far = editor.children[700] as Descendant & { children: Descendant[] };
    // Three Enters' worth of blocks inserted near the top: every block below moved down by three.
    for (let i = 0; i < 3; i++) Transforms.insertNodes(editor, paragraph('New'), { at: [10] });
    expect(NODE_TO_INDEX.get(far)).toBe(700);
    expect(DOMEditor.findPath(editor, far.children[0] as Descendant)).toEqual([703, 0]);
    expect(DOMEditor.findPath(editor, far)).toEqual([703]);
    expect(NODE_TO_INDEX.get(far)).toBe(703);
  });

  it('finds a block moved up (blocks removed above it) and one moved a long way', () => {
    const editor = drawnEditor(500);
    const below = editor.children[400] as Descendant;
    const moved = editor.children[5] as Descendant;
    Transforms.removeNodes(editor, { at: [100] });
    Transforms.moveNodes(editor, { at: [5], to: [450] });
    expect(DOMEditor.findPath(editor, below)).toEqual([398]);
    expect(DOMEditor.findPath(editor, moved)).toEqual([450]);
  });

  it('still fails for a node that is no longer in the document', () => {
    const editor = drawnEditor(20);
    const gone = editor.children[7] as Descendant;
    Transforms.removeNodes(editor, { at: [7] });
    expect(() => DOMEditor.findPath(editor, gone)).toThrow(/Unable to find the path/);
  });
});
