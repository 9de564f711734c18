import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { slateToBlocks } from './convert';
import { editorFrom, grid, withTable } from './test-editor';
import { setSuggesting } from './suggesting';
import { handleTab, runEditorCommand } from './run-command';
import { TABLE_NOT_SUGGESTIBLE_MESSAGE, insertTable } from './table-commands';
import type { BlockElement, TableElement } from './types';

const caretIn = (editor: Editor, path: number[], offset = 0) => Transforms.select(editor, { path, offset });
const types = (editor: Editor) => (editor.children as BlockElement[]).map((n) => n.type);

describe('Insert table', () => {
  it('puts a 3 × 3 table with a header row in place of an empty paragraph, the caret in its first cell', () => {
    const editor = editorFrom(['text', '']);
    Transforms.select(editor, Editor.start(editor, [1]));
    expect(insertTable(editor)).toBeNull();
    expect(types(editor)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(grid(editor)).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect((editor.children[1] as TableElement).header).toBe(true);
    expect(editor.selection?.anchor.path).toEqual([1, 0, 0, 0]);
    // One undo step takes it all back.
    HistoryEditor.undo(editor);
    expect(types(editor)).toEqual(['paragraph', 'paragraph']);
  });

  it('goes after a paragraph with text, of the size asked, and stores as a table', () => {
    const editor = editorFrom(['text']);
    Transforms.select(editor, Editor.end(editor, [0]));
    insertTable(editor, 2, 4, false);
    expect(grid(editor)).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    const [, stored] = slateToBlocks(editor.children as BlockElement[]);
    expect(stored).toEqual({ kind: 'table', rows: [{ cells: [{ runs: [] }, { runs: [] }, { runs: [] }, { runs: [] }] }, { cells: [{ runs: [] }, { runs: [] }, { runs: [] }, { runs: [] }] }] });
  });

  it('refuses a size the model cannot hold, and a table inside a table', () => {
    const editor = editorFrom(['text']);
    Transforms.select(editor, Editor.end(editor, [0]));
    expect(insertTable(editor, 0, 3)).toMatch(/1 to .* rows/);
    expect(insertTable(editor, 2, 31)).toMatch(/columns/);
    insertTable(editor, 1, 1);
    expect(insertTable(editor, 1, 1)).toMatch(/inside a table/);
  });
});

describe('rows and columns', () => {
  const two = () =>
    withTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);

  it('inserts a row above and below the caret’s, each one undo step', () => {
    const editor = two();
    caretIn(editor, [1, 1, 0, 0]);
    runEditorCommand(editor, 'insertRowAbove');
    expect(grid(editor)).toEqual([['a', 'b'], ['', ''], ['c', 'd']]);
    expect(editor.selection?.anchor.path.slice(0, 3)).toEqual([1, 1, 0]);
    runEditorCommand(editor, 'insertRowBelow');
    expect(grid(editor)).toEqual([['a', 'b'], ['', ''], ['', ''], ['c', 'd']]);
    HistoryEditor.undo(editor);
    expect(grid(editor)).toEqual([['a', 'b'], ['', ''], ['c', 'd']]);
  });

  it('deletes the caret’s row, and the table with its last row', () => {
    const editor = two();
    caretIn(editor, [1, 0, 1, 0]);
    runEditorCommand(editor, 'deleteRow');
    expect(grid(editor)).toEqual([['c', 'd']]);
    expect(editor.selection?.anchor.path.slice(0, 3)).toEqual([1, 0, 1]);
    runEditorCommand(editor, 'deleteRow');
    expect(types(editor)).toEqual(['paragraph', 'paragraph']);
    expect(Editor.string(editor, [1])).toBe('after');
  });

  it('inserts a column left and right of the caret’s, in every row', () => {
    const editor = two();
    caretIn(editor, [1, 0, 1, 0]);
    runEditorCommand(editor, 'insertColumnLeft');
    expect(grid(editor)).toEqual([
      ['a', '', 'b'],
      ['c', '', 'd'],
    ]);
    caretIn(editor, [1, 0, 2, 0]);
    runEditorCommand(editor, 'insertColumnRight');
    expect(grid(editor)).toEqual([
      ['a', '', 'b', ''],
      ['c', '', 'd', ''],
    ]);
  });

  it('deletes the columns the selection spans, and the table with its last column', () => {
    const editor = withTable([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    Transforms.select(editor, { anchor: { path: [1, 0, 0, 0], offset: 0 }, focus: { path: [1, 1, 1, 0], offset: 1 } });
    runEditorCommand(editor, 'deleteColumn');
    expect(grid(editor)).toEqual([['c'], ['f']]);
    runEditorCommand(editor, 'deleteColumn');
    expect(types(editor)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps the caption out of the row and column commands', () => {
    const editor = withTable([['a', 'b']], { caption: 'Title' });
    caretIn(editor, [1, 1, 1, 0]);
    runEditorCommand(editor, 'insertColumnRight');
    runEditorCommand(editor, 'insertRowAbove');
    expect(grid(editor)).toEqual([['caption:Title'], ['', '', ''], ['a', 'b', '']]);
  });
});

describe('header row, caption and the table itself', () => {
  it('toggles the header row, one undo step each', () => {
    const editor = withTable([['a']]);
    caretIn(editor, [1, 0, 0, 0]);
    runEditorCommand(editor, 'toggleHeaderRow');
    expect((editor.children[1] as TableElement).header).toBe(true);
    runEditorCommand(editor, 'toggleHeaderRow');
    expect('header' in (editor.children[1] as TableElement)).toBe(false);
    HistoryEditor.undo(editor);
    expect((editor.children[1] as TableElement).header).toBe(true);
  });

  it('adds a caption with the caret in it, and removes it again', () => {
    const editor = withTable([['a']]);
    caretIn(editor, [1, 0, 0, 0]);
    runEditorCommand(editor, 'toggleTableCaption');
    expect(editor.selection?.anchor.path).toEqual([1, 0, 0]);
    editor.insertText('Fees');
    expect(grid(editor)).toEqual([['caption:Fees'], ['a']]);
    expect(slateToBlocks(editor.children as BlockElement[])[1]).toMatchObject({ kind: 'table', caption: [{ text: 'Fees' }] });
    runEditorCommand(editor, 'toggleTableCaption');
    expect(grid(editor)).toEqual([['a']]);
    expect(editor.selection?.anchor.path.slice(0, 3)).toEqual([1, 0, 0]);
  });

  it('deletes the table, the caret after it', () => {
    const editor = withTable([['a']]);
    caretIn(editor, [1, 0, 0, 0]);
    runEditorCommand(editor, 'deleteTable');
    expect(types(editor)).toEqual(['paragraph', 'paragraph']);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
  });

  it('says so when the caret is not in a table', () => {
    const editor = withTable([['a']]);
    caretIn(editor, [0, 0]);
    expect(runEditorCommand(editor, 'deleteRow')).toMatch(/in a table/);
  });
});

describe('Tab in a table', () => {
  it('moves to the next cell and back, selecting its text, and adds a row from the last cell', () => {
    const editor = withTable([['a', 'b']]);
    caretIn(editor, [1, 0, 0, 0]);
    handleTab(editor, false);
    expect(editor.selection).toEqual({ anchor: { path: [1, 0, 1, 0], offset: 0 }, focus: { path: [1, 0, 1, 0], offset: 1 } });
    handleTab(editor, true);
    expect(editor.selection?.anchor.path).toEqual([1, 0, 0, 0]);
    handleTab(editor, false);
    handleTab(editor, false);
    expect(grid(editor)).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(editor.selection?.anchor.path).toEqual([1, 1, 0, 0]);
    editor.insertText('c');
    expect(grid(editor)).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });
});

describe('suggesting', () => {
  const suggesting = (editor: Editor) => setSuggesting(editor, true, () => 'Ana', () => '2026-12-05T06:00:00Z');

  it('refuses to change the rows of a table that stands, saying why', () => {
    const editor = withTable([['a']]);
    suggesting(editor);
    caretIn(editor, [1, 0, 0, 0]);
    expect(runEditorCommand(editor, 'insertRowBelow')).toBe(TABLE_NOT_SUGGESTIBLE_MESSAGE);
    expect(runEditorCommand(editor, 'toggleHeaderRow')).toBe(TABLE_NOT_SUGGESTIBLE_MESSAGE);
    expect(grid(editor)).toEqual([['a']]);
  });

  it('inserts a table as a suggested insertion, which its author may then shape', () => {
    const editor = editorFrom(['text']);
    suggesting(editor);
    Transforms.select(editor, Editor.end(editor, [0]));
    insertTable(editor, 1, 2, false);
    const table = editor.children[1] as TableElement;
    expect(table.change).toMatchObject({ kind: 'insert', by: 'Ana' });
    expect(runEditorCommand(editor, 'insertRowBelow')).toBeNull();
    expect(grid(editor)).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('suggests a table’s deletion rather than removing it', () => {
    const editor = withTable([['a']]);
    suggesting(editor);
    caretIn(editor, [1, 0, 0, 0]);
    runEditorCommand(editor, 'deleteTable');
    expect((editor.children[1] as TableElement).change).toMatchObject({ kind: 'delete', by: 'Ana' });
  });
});
