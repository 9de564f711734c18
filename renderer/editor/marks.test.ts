import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms, type Descendant, type Path } from 'slate';
import { withHistory } from 'slate-history';
import { currentMarks } from './marks';
import type { BlockElement, PolicyEditor } from './types';
import { withPolicy } from './with-policy';

/** Blocks with marks at their starts and ends, a link first and last, a variable chip, an empty paragraph. */
const BLOCKS: BlockElement[] = [
  { type: 'heading', id: 's-aaaaaa', level: 1, children: [{ text: 'Scope', bold: true }] },
  { type: 'paragraph', children: [{ text: 'Plain then ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'italic', italic: true }] },
  { type: 'paragraph', children: [{ text: 'Underlined start', underline: true }, { text: ' plain end' }] },
  {
    type: 'paragraph',
    children: [{ text: '' }, { type: 'link', href: 'https://example.com', children: [{ text: 'a link', bold: true }] }, { text: ' between ', italic: true }, { type: 'variable', name: 'company', children: [{ text: '' }] }, { text: '' }],
  },
  { type: 'paragraph', children: [{ text: '' }] },
  { type: 'list-item', list: 'bullet', indent: 0, children: [{ text: 'Item', italic: true, underline: true }] },
] as BlockElement[];

function editorWith(blocks: BlockElement[]): PolicyEditor {
  const editor = withPolicy(withHistory(createEditor()) as PolicyEditor);
  editor.children = structuredClone(blocks) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

describe('currentMarks', () => {
  it('says what Editor.marks says, at every caret position of every text and across every range start', () => {
    const editor = editorWith(BLOCKS);
    const texts = [...Node.texts(editor)].map(([node, path]): [number, Path] => [node.text.length, path]);
    let compared = 0;
    for (const [length, path] of texts) {
      for (let offset = 0; offset <= length; offset++) {
        Transforms.select(editor, { path, offset });
        expect(currentMarks(editor), `caret at ${path.join('.')}:${offset}`).toEqual(Editor.marks(editor));
        Transforms.select(editor, { anchor: { path, offset }, focus: Editor.end(editor, []) });
        expect(currentMarks(editor), `range from ${path.join('.')}:${offset}`).toEqual(Editor.marks(editor));
        compared += 2;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('gives the marks set for the next letter before anything else', () => {
    const editor = editorWith(BLOCKS);
    Transforms.select(editor, { path: [2, 0], offset: 0 });
    Editor.addMark(editor, 'bold', true);
    expect(currentMarks(editor)).toEqual({ underline: true, bold: true });
    expect(currentMarks(editor)).toEqual(Editor.marks(editor));
  });

  it('is nothing without a selection', () => {
    const editor = editorWith(BLOCKS);
    expect(currentMarks(editor)).toBeNull();
  });
});
