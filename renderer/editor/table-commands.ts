import { Editor, Element, Node, Range, Transforms, type Path } from 'slate';
import { HistoryEditor } from 'slate-history';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../shared/model/vocabulary';
import { LOCKED_MESSAGE } from './clause-lock';
import { isSuggesting, suggestionMark } from './suggesting';
import { allOwnBlocks, asInsertedBlocks } from './suggest-blocks';
import { cellPlaceOf, emptyCell, emptyRow, firstRowIndex, inTable, newTable, rowsOf, tableAt, tableWidth, type CellPlace } from './table-nodes';
import type { BlockElement, TableElement } from './types';

/**
 * The table commands: insert a table, rows and columns in and out, the header row and the caption on and off, the
 * table away; Tab and Shift+Tab from cell to cell. Each is one undo step and leaves the caret in a cell (or after the
 * table it removed). Each returns a sentence for the status bar when it could not act, else null.
 *
 * Suggesting: a new table is a suggested insertion, and the reviewer's own suggested table is theirs to shape; a table
 * suggested away is marked deleted as any block. Rows, columns, the header and the caption of a table that stands are
 * not yet recorded as suggestions, so those commands say so instead of changing the table unrecorded.
 */

export const TABLE_COMMANDS = [
  'insertTable',
  'insertRowAbove',
  'insertRowBelow',
  'deleteRow',
  'insertColumnLeft',
  'insertColumnRight',
  'deleteColumn',
  'toggleHeaderRow',
  'toggleTableCaption',
  'deleteTable',
] as const;
export type TableCommand = (typeof TABLE_COMMANDS)[number];

export const NOT_IN_TABLE_MESSAGE = 'Put the cursor in a table first.';
export const TABLE_NOT_SUGGESTIBLE_MESSAGE = 'Table structure changes (rows, columns, header row, caption) cannot be suggested yet: turn Suggesting off (Ctrl+Shift+E) to make them.';
const TABLE_IN_TABLE_MESSAGE = 'A table cannot go inside a table: put the cursor after it first.';

export const DEFAULT_TABLE = { rows: 3, columns: 3, header: true } as const;

/** Whether a command is one of the table commands. */
export function isTableCommand(command: string): command is TableCommand {
  return (TABLE_COMMANDS as readonly string[]).includes(command);
}

/** Runs a table command other than Insert table (which asks for its size first: insertTable). */
export function runTableCommand(editor: Editor, command: Exclude<TableCommand, 'insertTable'>): string | null {
  const place = editor.selection ? cellOrCaptionPlace(editor, Range.start(editor.selection).path) : null;
  if (!place) return NOT_IN_TABLE_MESSAGE;
  const refusal = refusalFor(editor, place.table, command === 'deleteTable');
  if (refusal) return refusal;
  switch (command) {
    case 'insertRowAbove':
    case 'insertRowBelow':
      return insertRow(editor, place, command === 'insertRowAbove' ? 'above' : 'below');
    case 'deleteRow':
      return deleteRows(editor, place);
    case 'insertColumnLeft':
    case 'insertColumnRight':
      return insertColumn(editor, place, command === 'insertColumnLeft' ? 'left' : 'right');
    case 'deleteColumn':
      return deleteColumns(editor, place);
    case 'toggleHeaderRow':
      return toggleHeaderRow(editor, place.table);
    case 'toggleTableCaption':
      return toggleCaption(editor, place.table);
    case 'deleteTable':
      return deleteTable(editor, place.table);
  }
}

/** Where the caret is in a table: its cell, or (in the caption) the first row's first cell stands for it. */
function cellOrCaptionPlace(editor: Editor, path: Path): CellPlace | null {
  const cell = cellPlaceOf(editor, path);
  if (cell) return cell;
  const table = tableAt(editor, path[0] ?? -1);
  if (!table || path.length < 2) return null;
  return { table: path[0] as number, row: firstRowIndex(table), cell: 0 };
}

/** Why a table's shape may not change now: a locked clause, or suggesting on a table not the reviewer's own new one. */
function refusalFor(editor: Editor, index: number, wholeTable: boolean): string | null {
  const table = tableAt(editor, index);
  if (table?.clause?.state === 'locked') return LOCKED_MESSAGE;
  if (isSuggesting(editor) && !wholeTable && !allOwnBlocks(editor, index, index + 1)) return TABLE_NOT_SUGGESTIBLE_MESSAGE;
  return null;
}

/**
 * A new table of `rows` × `columns` after the caret's block (in place of an empty paragraph), the caret in its first
 * cell. Suggesting, the table is a suggested insertion.
 */
export function insertTable(editor: Editor, rows: number = DEFAULT_TABLE.rows, columns: number = DEFAULT_TABLE.columns, header: boolean = DEFAULT_TABLE.header): string | null {
  const selection = editor.selection;
  if (!selection) return 'Put the cursor where the table should go first.';
  if (inTable(editor, Range.start(selection).path)) return TABLE_IN_TABLE_MESSAGE;
  const wrongSize = tableSizeError(rows, columns);
  if (wrongSize) return wrongSize;
  const index = Range.end(selection).path[0] ?? 0;
  const block = editor.children[index] as BlockElement;
  const mark = suggestionMark(editor);
  const table = mark ? (asInsertedBlocks([newTable(rows, columns, header)], mark)[0] as TableElement) : newTable(rows, columns, header);
  const replace = !mark && block.type === 'paragraph' && !block.clause && !block.change && Node.string(block) === '' && !block.children.some((c) => Element.isElement(c));
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      if (replace) Transforms.removeNodes(editor, { at: [index] });
      Transforms.insertNodes(editor, table, { at: [replace ? index : index + 1], select: false });
    });
    Transforms.select(editor, Editor.start(editor, [replace ? index : index + 1]));
  });
  return null;
}

/** What is wrong with a table's size, if anything: the model holds 1 to MAX_TABLE_ROWS rows and 1 to MAX_TABLE_COLUMNS columns. */
export function tableSizeError(rows: number, columns: number): string | null {
  const fits = Number.isInteger(rows) && Number.isInteger(columns) && rows >= 1 && columns >= 1 && rows <= MAX_TABLE_ROWS && columns <= MAX_TABLE_COLUMNS;
  return fits ? null : `A table has 1 to ${MAX_TABLE_ROWS} rows and 1 to ${MAX_TABLE_COLUMNS} columns.`;
}

function cellPath(place: CellPlace, row = place.row, cell = place.cell): Path {
  return [place.table, row, cell];
}

function insertRow(editor: Editor, place: CellPlace, where: 'above' | 'below'): string | null {
  const table = tableAt(editor, place.table) as TableElement;
  if (rowsOf(table).length >= MAX_TABLE_ROWS) return `A table has at most ${MAX_TABLE_ROWS} rows.`;
  const at = where === 'above' ? place.row : place.row + 1;
  HistoryEditor.withNewBatch(editor, () => {
    Transforms.insertNodes(editor, emptyRow(tableWidth(table)), { at: [place.table, at], select: false });
    Transforms.select(editor, Editor.start(editor, cellPath(place, at)));
  });
  return null;
}

/** The rows (or columns) the selection spans in the caret's table, as child indexes. */
function spanned(editor: Editor, place: CellPlace, axis: 'row' | 'cell'): [number, number] {
  const selection = editor.selection as Range;
  const [start, end] = Range.edges(selection);
  const a = cellPlaceOf(editor, start.path);
  const b = cellPlaceOf(editor, end.path);
  const from = a && a.table === place.table ? a[axis] : place[axis];
  const to = b && b.table === place.table ? b[axis] : place[axis];
  return [Math.min(from, to), Math.max(from, to)];
}

function deleteRows(editor: Editor, place: CellPlace): string | null {
  const table = tableAt(editor, place.table) as TableElement;
  const [from, to] = spanned(editor, place, 'row');
  if (to - from + 1 >= rowsOf(table).length) return deleteTable(editor, place.table);
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (let r = to; r >= from; r--) Transforms.removeNodes(editor, { at: [place.table, r] });
    });
    const next = Math.min(from, table.children.length - 1 - (to - from + 1));
    Transforms.select(editor, Editor.start(editor, cellPath(place, next, Math.min(place.cell, tableWidth(table) - 1))));
  });
  return null;
}

function insertColumn(editor: Editor, place: CellPlace, where: 'left' | 'right'): string | null {
  const table = tableAt(editor, place.table) as TableElement;
  if (tableWidth(table) >= MAX_TABLE_COLUMNS) return `A table has at most ${MAX_TABLE_COLUMNS} columns.`;
  const at = where === 'left' ? place.cell : place.cell + 1;
  const first = firstRowIndex(table);
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (let r = first; r < table.children.length; r++) Transforms.insertNodes(editor, emptyCell(), { at: [place.table, r, at], select: false });
    });
    Transforms.select(editor, Editor.start(editor, cellPath(place, place.row, at)));
  });
  return null;
}

function deleteColumns(editor: Editor, place: CellPlace): string | null {
  const table = tableAt(editor, place.table) as TableElement;
  const [from, to] = spanned(editor, place, 'cell');
  const width = tableWidth(table);
  if (to - from + 1 >= width) return deleteTable(editor, place.table);
  const first = firstRowIndex(table);
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (let r = first; r < table.children.length; r++) for (let c = to; c >= from; c--) Transforms.removeNodes(editor, { at: [place.table, r, c] });
    });
    Transforms.select(editor, Editor.start(editor, cellPath(place, place.row, Math.min(from, width - (to - from + 1) - 1))));
  });
  return null;
}

function toggleHeaderRow(editor: Editor, index: number): string | null {
  const table = tableAt(editor, index) as TableElement;
  HistoryEditor.withNewBatch(editor, () => Transforms.setNodes(editor, { header: table.header ? null : true } as unknown as Partial<TableElement>, { at: [index] }));
  return null;
}

function toggleCaption(editor: Editor, index: number): string | null {
  const table = tableAt(editor, index) as TableElement;
  HistoryEditor.withNewBatch(editor, () => {
    if (table.children[0]?.type === 'table-caption') {
      const inCaption = editor.selection ? Range.start(editor.selection).path[1] === 0 : false;
      Transforms.removeNodes(editor, { at: [index, 0] });
      if (inCaption) Transforms.select(editor, Editor.start(editor, [index, 0, 0]));
      return;
    }
    Transforms.insertNodes(editor, { type: 'table-caption', children: [{ text: '' }] }, { at: [index, 0], select: false });
    Transforms.select(editor, Editor.start(editor, [index, 0]));
  });
  return null;
}

/** The table goes, the caret to the block after it; suggesting, the table is suggested for deletion (its own new one goes). */
function deleteTable(editor: Editor, index: number): string | null {
  const mark = suggestionMark(editor);
  HistoryEditor.withNewBatch(editor, () => {
    if (mark && !allOwnBlocks(editor, index, index + 1)) {
      const table = tableAt(editor, index) as TableElement;
      if (!table.change) Transforms.setNodes(editor, { change: { ...mark, kind: 'delete' } }, { at: [index] });
      if (index + 1 < editor.children.length) Transforms.select(editor, Editor.start(editor, [index + 1]));
      return;
    }
    Transforms.removeNodes(editor, { at: [index] });
    if (editor.children.length === 0) Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0], select: false });
    const to = Math.min(index, editor.children.length - 1);
    Transforms.select(editor, index < editor.children.length ? Editor.start(editor, [to]) : Editor.end(editor, [to]));
  });
  return null;
}

/**
 * Tab and Shift+Tab in a table: to the next (previous) cell, its text selected as Word does; Tab in the last cell adds
 * a row and goes to it. Returns false when the caret is not in a table (Tab then means what it means elsewhere), or a
 * sentence when it could not act.
 */
export function moveToCell(editor: Editor, backward: boolean): false | string | null {
  const selection = editor.selection;
  if (!selection) return false;
  const path = Range.start(selection).path;
  if (!inTable(editor, path)) return false;
  const table = tableAt(editor, path[0] as number) as TableElement;
  const index = path[0] as number;
  const cells: Path[] = [];
  table.children.forEach((child, r) => {
    if (child.type === 'table-caption') cells.push([index, r]);
    else child.children.forEach((_, c) => cells.push([index, r, c]));
  });
  const here = cells.findIndex((cell) => cell.every((part, k) => path[k] === part));
  const target = here + (backward ? -1 : 1);
  if (backward && target < 0) return null;
  if (target >= cells.length) {
    const refusal = refusalFor(editor, index, false);
    if (refusal) return refusal;
    const place = cellPlaceOf(editor, path) as CellPlace;
    return insertRow(editor, { ...place, cell: 0 }, 'below');
  }
  const to = cells[target] as Path;
  Transforms.select(editor, { anchor: Editor.start(editor, to), focus: Editor.end(editor, to) });
  return null;
}
