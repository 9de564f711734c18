import { Element, type Editor, type NodeEntry, type Path } from 'slate';
import type { LevelChange } from '../../shared/model/document';
import type { BlockElement, InlineNode, TableCaptionElement, TableCellElement, TableElement, TableRowElement, TextContainerElement } from './types';

/**
 * What the editor's walkers need to know of a table: a top-level node whose text sits two levels down (caption, then
 * rows of cells). A reader of words asks for a block's inline lists; a reader of structure asks where a point is in
 * a table. Cheap: each looks at one block, never the document.
 */

export function isTableElement(node: unknown): node is TableElement {
  return Element.isElement(node) && node.type === 'table';
}

export function isTableRow(node: unknown): node is TableRowElement {
  return Element.isElement(node) && node.type === 'table-row';
}

export function isTableCell(node: unknown): node is TableCellElement {
  return Element.isElement(node) && node.type === 'table-cell';
}

export function isTableCaption(node: unknown): node is TableCaptionElement {
  return Element.isElement(node) && node.type === 'table-caption';
}

/** The lists of inlines a block holds, in reading order: a text block's own, or a table's caption and then its cells. */
export function inlineListsOf(block: BlockElement): InlineNode[][] {
  if (block.type !== 'table') return [block.children];
  const lists: InlineNode[][] = [];
  for (const child of block.children) {
    if (child.type === 'table-caption') lists.push(child.children);
    else for (const cell of child.children) lists.push(cell.children);
  }
  return lists;
}

/** The text containers of a block: the block itself, or a table's caption and cells. */
export function textContainersOf(block: BlockElement): TextContainerElement[] {
  if (block.type !== 'table') return [block];
  const out: TextContainerElement[] = [];
  for (const child of block.children) {
    if (child.type === 'table-caption') out.push(child);
    else out.push(...child.children);
  }
  return out;
}

/** A heading's or list item's suggested new level; a paragraph and a table have none. */
export function relevelOf(block: BlockElement): LevelChange | undefined {
  return block.type === 'heading' || block.type === 'list-item' ? block.relevel : undefined;
}

/** The rows of a table, without its caption. */
export function rowsOf(table: TableElement): TableRowElement[] {
  return table.children.filter((child): child is TableRowElement => child.type === 'table-row');
}

/** Where a path lies in a table: the table's index, and the row's and cell's child indexes (row counts the caption). */
export interface CellPlace {
  table: number;
  /** The row's index among the table's children (the caption, if any, is child 0). */
  row: number;
  cell: number;
}

/** The cell a path is in, if any. */
export function cellPlaceOf(editor: Editor, path: Path): CellPlace | null {
  if (path.length < 3) return null;
  const table = editor.children[path[0] as number];
  if (!isTableElement(table)) return null;
  const row = table.children[path[1] as number];
  if (!isTableRow(row) || !row.children[path[2] as number]) return null;
  return { table: path[0] as number, row: path[1] as number, cell: path[2] as number };
}

/** The text container (a top-level text block, a cell or a caption) a path is in, with its path. */
export function containerOf(editor: Editor, path: Path): NodeEntry<TextContainerElement> | null {
  const top = editor.children[path[0] as number];
  if (!top || !Element.isElement(top)) return null;
  if (top.type !== 'table') return [top as TextContainerElement, path.slice(0, 1)];
  const child = top.children[path[1] as number];
  if (!child) return null;
  if (child.type === 'table-caption') return [child, path.slice(0, 2)];
  const cell = child.children[path[2] as number];
  return cell ? [cell, path.slice(0, 3)] : null;
}

/** Whether the selection (or a path) is inside a table. */
export function inTable(editor: Editor, path: Path | undefined = editor.selection?.anchor.path): boolean {
  return path !== undefined && isTableElement(editor.children[path[0] as number]);
}

/** The number of columns of a table: its widest row. */
export function tableWidth(table: TableElement): number {
  return Math.max(0, ...rowsOf(table).map((row) => row.children.length));
}

/** An empty cell, and an empty row of `width` cells. */
export function emptyCell(): TableCellElement {
  return { type: 'table-cell', children: [{ text: '' }] };
}

export function emptyRow(width: number): TableRowElement {
  return { type: 'table-row', children: Array.from({ length: Math.max(1, width) }, emptyCell) };
}

/** A new table of `rows` × `columns` empty cells. */
export function newTable(rows: number, columns: number, header: boolean): TableElement {
  return { type: 'table', ...(header ? { header: true as const } : {}), children: Array.from({ length: Math.max(1, rows) }, () => emptyRow(columns)) };
}

/** The editor's node at a path, when it is an element: a quick typed lookup for the table commands. */
export function tableAt(editor: Editor, index: number): TableElement | null {
  const node = editor.children[index];
  return isTableElement(node) ? node : null;
}

/** The first row's index among a table's children (1 when it has a caption). */
export function firstRowIndex(table: TableElement): number {
  return table.children[0]?.type === 'table-caption' ? 1 : 0;
}
