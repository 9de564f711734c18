import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory, HistoryEditor } from 'slate-history';
import { slateToBlocks } from './convert';
import { runEditorCommand } from './run-command';
import type { BlockElement, PolicyEditor } from './types';
import { withPolicy } from './with-policy';

function editorWith(children: BlockElement['children']): PolicyEditor {
  const editor = withPolicy(withHistory(createEditor()) as PolicyEditor);
  editor.children = [{ type: 'paragraph', children }] as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const select = (editor: Editor, from: number, to: number) =>
  Transforms.select(editor, { anchor: { path: [0, 0], offset: from }, focus: { path: [0, 0], offset: to } });

/** The paragraph's runs as "text[marks]" pieces. */
function runs(editor: Editor): string[] {
  const [block] = slateToBlocks(editor.children as BlockElement[]);
  if (!block || block.kind === 'table') return [];
  return block.runs.map((run) => `${run.text}${run.marks ? `[${run.marks.join(',')}]` : ''}`);
}

describe('superscript and subscript', () => {
  it('raises the selected text, and the same command lowers it back', () => {
    const editor = editorWith([{ text: 'E=mc2' }]);
    select(editor, 4, 5);
    runEditorCommand(editor, 'superscript');
    expect(runs(editor)).toEqual(['E=mc', '2[superscript]']);
    runEditorCommand(editor, 'superscript');
    expect(runs(editor)).toEqual(['E=mc2']);
  });

  it('clears subscript when superscript is set, and the other way round (never both on one run)', () => {
    const editor = editorWith([{ text: 'H2O' }]);
    select(editor, 1, 2);
    runEditorCommand(editor, 'subscript');
    expect(runs(editor)).toEqual(['H', '2[subscript]', 'O']);
    runEditorCommand(editor, 'superscript');
    expect(runs(editor)).toEqual(['H', '2[superscript]', 'O']);
    runEditorCommand(editor, 'subscript');
    expect(runs(editor)).toEqual(['H', '2[subscript]', 'O']);
  });

  it('clears the other over a selection only partly lowered', () => {
    const editor = editorWith([{ text: 'ab' }, { text: 'cd', subscript: true }]);
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 1], offset: 2 } });
    runEditorCommand(editor, 'superscript');
    expect(runs(editor)).toEqual(['abcd[superscript]']);
  });

  it('is one undo step when it swaps one for the other', () => {
    const editor = editorWith([{ text: 'x2' }]);
    select(editor, 1, 2);
    runEditorCommand(editor, 'subscript');
    runEditorCommand(editor, 'superscript');
    HistoryEditor.undo(editor);
    expect(runs(editor)).toEqual(['x', '2[subscript]']);
    HistoryEditor.undo(editor);
    expect(runs(editor)).toEqual(['x2']);
  });

  it('sets the next letter raised at a caret, and lowered instead when asked', () => {
    const editor = editorWith([{ text: 'x' }]);
    Transforms.select(editor, { path: [0, 0], offset: 1 });
    runEditorCommand(editor, 'superscript');
    runEditorCommand(editor, 'subscript');
    expect(editor.marks).toEqual({ subscript: true });
    editor.insertText('n');
    expect(runs(editor)).toEqual(['x', 'n[subscript]']);
  });

  it('keeps the marks of pasted text, raised or lowered but never both', () => {
    const editor = editorWith([{ text: '' }]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    editor.insertFragment([{ type: 'paragraph', children: [{ text: 'a' }, { text: 'b', superscript: true }, { text: 'c', subscript: true, superscript: true }] }]);
    expect(runs(editor)).toEqual(['a', 'bc[superscript]']);
  });
});
