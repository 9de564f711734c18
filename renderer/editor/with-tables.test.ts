import { describe, expect, it } from 'vitest';
import { Editor, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { editorFrom, grid, withTable } from './test-editor';
import { setSuggesting } from './suggesting';
import { withParagraphAfterTable, withTables } from './with-tables';
import type { BlockElement, TableElement } from './types';

const caretIn = (editor: Editor, path: number[], offset = 0) => Transforms.select(editor, { path, offset });

describe('table shape', () => {
  it('pads short rows with empty cells to the widest row', () => {
    const editor = withTable([['a', 'b', 'c'], ['d'], ['e', 'f']]);
    expect(grid(editor)).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
      ['e', 'f', ''],
    ]);
  });

  it('gives a cell holding a paragraph its text, as inlines', () => {
    const editor = withTable([['a', 'b']]);
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: 'nested' }] } as Descendant, { at: [1, 0, 1, 1] });
    Editor.normalize(editor, { force: true });
    expect(grid(editor)).toEqual([['a', 'bnested']]);
    const cell = (editor.children[1] as TableElement).children[0];
    expect(cell?.type === 'table-row' && cell.children[1]?.children.every((child) => 'text' in child)).toBe(true);
  });

  it('moves a caption that is not first to the top', () => {
    const editor = withTable([['a'], ['b']]);
    Transforms.insertNodes(editor, { type: 'table-caption', children: [{ text: 'Title' }] } as Descendant, { at: [1, 2] });
    expect(grid(editor)).toEqual([['caption:Title'], ['a'], ['b']]);
  });

  it('makes a second caption a row of its own', () => {
    const editor = withTable([['a']], { caption: 'One' });
    Transforms.insertNodes(editor, { type: 'table-caption', children: [{ text: 'Two' }] } as Descendant, { at: [1, 2] });
    expect(grid(editor)).toEqual([['caption:One'], ['a'], ['Two']]);
  });

  it('removes a table whose last row is removed', () => {
    const editor = withTable([['a', 'b']], { caption: 'Gone' });
    Transforms.removeNodes(editor, { at: [1, 1] });
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('follows a table that ends the document with an empty paragraph', () => {
    const editor = withTable([['a']], { last: true });
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(Editor.string(editor, [2])).toBe('');
  });

  it('gives a document opened with a table last its empty paragraph before any edit, and leaves others as they are', () => {
    const table = { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'a' }] }] }] } as Descendant;
    const paragraph = { type: 'paragraph', children: [{ text: 'p' }] } as Descendant;
    const settled = withParagraphAfterTable([paragraph, table]);
    expect((settled as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const untouched = [table, paragraph];
    expect(withParagraphAfterTable(untouched)).toBe(untouched);
  });

  it('wraps a row that lands at the top level in a table', () => {
    const editor = editorFrom(['x']);
    Transforms.insertNodes(editor, { type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'r' }] }] } as Descendant, { at: [1] });
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(grid(editor)).toEqual([['r']]);
  });
});

describe('keys in a cell', () => {
  it('Enter breaks the line inside the cell', () => {
    const editor = withTable([['ab', 'c']]);
    caretIn(editor, [1, 0, 0, 0], 1);
    editor.insertBreak();
    expect(grid(editor)).toEqual([['a\nb', 'c']]);
  });

  it('Enter at the start of a table that opens the document puts a paragraph before it', () => {
    const editor = withTable([['a', 'b']]);
    Transforms.removeNodes(editor, { at: [0] });
    caretIn(editor, [0, 0, 0, 0], 0);
    editor.insertBreak();
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(editor.selection?.anchor.path).toEqual([0, 0]);
    expect(grid(editor)).toEqual([['a', 'b']]);
  });

  it('Backspace at a cell’s start and Delete at its end join nothing', () => {
    const editor = withTable([['a', 'b']]);
    caretIn(editor, [1, 0, 1, 0], 0);
    editor.deleteBackward('character');
    caretIn(editor, [1, 0, 0, 0], 1);
    editor.deleteForward('character');
    expect(grid(editor)).toEqual([['a', 'b']]);
  });

  it('Backspace inside a cell deletes a letter', () => {
    const editor = withTable([['ab', 'c']]);
    caretIn(editor, [1, 0, 0, 0], 2);
    editor.deleteBackward('character');
    expect(grid(editor)).toEqual([['a', 'c']]);
  });

  it('Backspace at the start of a paragraph after a table steps into the last cell, and takes an empty one away', () => {
    const editor = withTable([['a', 'b']]);
    caretIn(editor, [2, 0], 0);
    editor.deleteBackward('character');
    expect(Editor.string(editor, [2])).toBe('after');
    expect(editor.selection?.anchor.path).toEqual([1, 0, 1, 0]);
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] } as Descendant, { at: [2] });
    caretIn(editor, [2, 0], 0);
    editor.deleteBackward('character');
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(Editor.string(editor, [2])).toBe('after');
  });

  it('deleting a selection across cells empties them and keeps the rows and columns', () => {
    const editor = withTable([
      ['one', 'two'],
      ['three', 'four'],
    ]);
    Transforms.select(editor, { anchor: { path: [1, 0, 0, 0], offset: 1 }, focus: { path: [1, 1, 0, 0], offset: 2 } });
    editor.deleteFragment();
    expect(grid(editor)).toEqual([
      ['o', ''],
      ['ree', 'four'],
    ]);
  });

  it('typing over a selection across cells empties them and types into the first', () => {
    const editor = withTable([
      ['one', 'two', 'three'],
      ['four', 'five', 'six'],
    ]);
    Transforms.select(editor, { anchor: { path: [1, 0, 0, 0], offset: 1 }, focus: { path: [1, 0, 1, 0], offset: 1 } });
    editor.insertText('x');
    expect(grid(editor)).toEqual([
      ['ox', 'wo', 'three'],
      ['four', 'five', 'six'],
    ]);
    Transforms.select(editor, { anchor: { path: [1, 0, 2, 0], offset: 0 }, focus: { path: [1, 1, 0, 0], offset: 4 } });
    editor.insertBreak();
    expect(grid(editor)).toEqual([
      ['ox', 'wo', '\n'],
      ['', 'five', 'six'],
    ]);
  });

  it('deleting from a paragraph into a table trims both, joining nothing', () => {
    const editor = withTable([['one', 'two']]);
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 3 }, focus: { path: [1, 0, 0, 0], offset: 2 } });
    editor.deleteFragment();
    expect(Editor.string(editor, [0])).toBe('bef');
    expect(grid(editor)).toEqual([['e', 'two']]);
  });

  it('suggesting, typing in a cell marks the letters inserted and Enter a suggested line break', () => {
    const editor = withTable([['ab']]);
    setSuggesting(editor, true, () => 'Ana', () => '2026-12-05T06:00:00Z');
    caretIn(editor, [1, 0, 0, 0], 2);
    editor.insertText('c');
    editor.insertBreak();
    const cell = ((editor.children[1] as TableElement).children[0] as { children: Array<{ children: Array<{ text: string; ins?: { by: string } }> }> }).children[0];
    expect(cell?.children.map((leaf) => [leaf.text, leaf.ins?.by ?? null])).toEqual([
      ['ab', null],
      ['c\n', 'Ana'],
    ]);
  });

  it('suggesting, deleting across cells marks the text deleted and keeps every cell', () => {
    const editor = withTable([['one', 'two']]);
    setSuggesting(editor, true, () => 'Ana', () => '2026-12-05T06:00:00Z');
    Transforms.select(editor, { anchor: { path: [1, 0, 0, 0], offset: 1 }, focus: { path: [1, 0, 1, 0], offset: 1 } });
    editor.deleteFragment();
    expect(grid(editor)).toEqual([['one', 'two']]);
    const row = (editor.children[1] as TableElement).children[0] as { children: Array<{ children: Array<{ text: string; del?: object }> }> };
    expect(row.children.map((cell) => cell.children.filter((leaf) => leaf.del).map((leaf) => leaf.text).join(''))).toEqual(['ne', 't']);
  });

  it('undo puts back what a delete across cells took, in one step', () => {
    const editor = withTable([['one', 'two']]);
    Transforms.select(editor, { anchor: { path: [1, 0, 0, 0], offset: 0 }, focus: { path: [1, 0, 1, 0], offset: 3 } });
    editor.deleteFragment();
    expect(grid(editor)).toEqual([['', '']]);
    HistoryEditor.undo(editor);
    expect(grid(editor)).toEqual([['one', 'two']]);
  });
});

describe('pasting', () => {
  it('plain text of several lines pasted into a cell stays in the cell, line by line', () => {
    const editor = withTable([['x', 'y']]);
    editor.insertTextData = () => false;
    // The test editor has no slate-dom; given one that reads nothing, withTables wraps it as it wraps slate-dom's.
    const wrapped = withTables(editor);
    caretIn(wrapped, [1, 0, 0, 0], 1);
    const data = { getData: (type: string) => (type === 'text/plain' ? 'one\r\ntwo' : '') } as unknown as DataTransfer;
    expect(wrapped.insertTextData(data)).toBe(true);
    expect(grid(wrapped)).toEqual([['xone\ntwo', 'y']]);
  });

  it('a table fragment between paragraphs goes in as a table of its own', () => {
    const editor = editorFrom(['before', 'after']);
    Transforms.select(editor, Editor.end(editor, [0]));
    const table: TableElement = { type: 'table', header: true, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'H' }] }] }, { type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'v' }] }] }] };
    editor.insertFragment([table]);
    expect((editor.children as BlockElement[]).map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(grid(editor)).toEqual([['H'], ['v']]);
    expect((editor.children[1] as TableElement).header).toBe(true);
  });

  it('blocks pasted into a cell become lines of the cell', () => {
    const editor = withTable([['x', 'y']]);
    caretIn(editor, [1, 0, 0, 0], 1);
    editor.insertFragment([
      { type: 'paragraph', children: [{ text: 'one' }] },
      { type: 'paragraph', children: [{ text: 'two' }] },
    ]);
    expect(grid(editor)).toEqual([['xone\ntwo', 'y']]);
  });
});
