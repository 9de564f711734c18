import { Editor, Element, Node, Path, Point, Range, Text, Transforms, type Descendant, type NodeEntry } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { SuggestionMark } from '../../shared/model/document';
import { isSuggesting, suggestionMark } from './suggesting';
import { markDeleted } from './suggest-text';
import { asInsertedBlocks } from './suggest-blocks';
import { containerOf, emptyCell, isTableCaption, isTableCell, isTableElement, rowsOf, tableWidth } from './table-nodes';
import type { BlockElement, InlineNode, PolicyEditor, TableElement } from './types';
import { sanitizeFragment } from './with-policy';

/**
 * Teaches the editor tables. A table is one top-level node whose text is two levels down (caption, rows, cells), so
 * the edits that would join or split blocks are kept inside a cell: Enter breaks the line in the cell, Backspace at a
 * cell's start and Delete at its end do nothing, a selection over several cells empties them and leaves the table as
 * it was. The normalizer keeps a table's shape whatever an edit, an undo or a paste made of it: rows of cells, every row
 * as wide as the widest, cells of inlines only, the caption only first, never an empty table, and a paragraph after
 * a table that ends the document, so the caret can leave it.
 *
 * It sits outside suggesting mode (create-editor.ts): Enter in a cell becomes a typed "\n", which suggesting mode
 * then records as any typed text.
 */
export function withTables(editor: PolicyEditor): PolicyEditor {
  const { insertText, insertBreak, insertSoftBreak, deleteBackward, deleteForward, deleteFragment, insertFragment, normalizeNode } = editor;

  const inCellText = () => editor.selection !== null && containerIsInTable(editor, editor.selection.anchor.path);
  // Typing, Enter or a paste over a selection that crosses cells empties them first (deleteFragment below): Slate's
  // own delete would join the cells at the selection's ends and shift the columns after them.
  const clearAcrossCells = () => {
    const selection = editor.selection;
    if (selection && Range.isExpanded(selection) && crossesTableText(editor, selection)) editor.deleteFragment();
  };

  editor.insertText = (text, options) => {
    if (!options?.at) clearAcrossCells();
    insertText(text, options);
  };
  editor.insertBreak = () => {
    clearAcrossCells();
    if (opensParagraphBefore(editor)) return;
    if (inCellText()) editor.insertText('\n');
    else insertBreak();
  };
  editor.insertSoftBreak = () => {
    clearAcrossCells();
    if (inCellText()) editor.insertText('\n');
    else insertSoftBreak();
  };

  editor.deleteBackward = (unit) => {
    if (atTableEdge(editor, 'backward')) return;
    deleteBackward(unit);
  };
  editor.deleteForward = (unit) => {
    if (atTableEdge(editor, 'forward')) return;
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const selection = editor.selection;
    if (!selection || Range.isCollapsed(selection) || !crossesTableText(editor, selection)) return deleteFragment(options);
    const mark = isSuggesting(editor) ? (suggestionMark(editor) as SuggestionMark) : null;
    HistoryEditor.withNewBatch(editor, () => emptyAcross(editor, selection, mark));
  };

  editor.insertFragment = (fragment, options) => {
    if (options?.at || !editor.selection) return insertFragment(fragment, options);
    clearAcrossCells();
    if (!editor.selection) return;
    const nodes = fragment as Descendant[];
    if (containerIsInTable(editor, editor.selection.anchor.path)) {
      // Into a cell goes text only: the fragment's blocks (and any table's cells) become lines of the cell.
      const inlines = fragmentInlines(nodes);
      return insertFragment([{ type: 'paragraph', children: inlines }], options);
    }
    const single = singleCellText(nodes);
    if (single) return insertFragment([{ type: 'paragraph', children: single }], options);
    if (!nodes.some(isTableElement)) return insertFragment(fragment, options);
    HistoryEditor.withNewBatch(editor, () => insertBlocksWithTables(editor, nodes));
  };

  // Plain text pasted into a cell keeps its lines in the cell: Slate would split the cell at each line.
  const insertTextData = editor.insertTextData as PolicyEditor['insertTextData'] | undefined;
  if (insertTextData) {
    editor.insertTextData = (data) => {
      if (!inCellText()) return insertTextData(data);
      const text = data.getData('text/plain');
      if (!text) return false;
      editor.insertText(text.replace(/\r\n|\r/g, '\n'));
      return true;
    };
  }

  editor.normalizeNode = (entry, options) => {
    if (normalizeTables(editor, entry)) return;
    normalizeNode(entry, options);
  };

  return editor;
}

/**
 * Enter at the very start of a table that nothing but another table (or the document's start) comes before: a new
 * paragraph goes before the table, as in Word, since the caret has no other way to get there.
 */
function opensParagraphBefore(editor: Editor): boolean {
  const selection = editor.selection;
  if (!selection || Range.isExpanded(selection) || isSuggesting(editor)) return false;
  const index = selection.anchor.path[0] as number;
  if (!isTableElement(editor.children[index]) || !Editor.isStart(editor, selection.anchor, [index])) return false;
  if (index > 0 && !isTableElement(editor.children[index - 1])) return false;
  HistoryEditor.withNewBatch(editor, () => {
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [index], select: false });
    Transforms.select(editor, Editor.start(editor, [index]));
  });
  return true;
}

/** Whether a path's text container is a table's cell or caption. */
function containerIsInTable(editor: Editor, path: Path): boolean {
  return path.length > 1 && isTableElement(editor.children[path[0] as number]);
}

/**
 * Backspace at a cell's start or Delete at its end (nothing to join with); or at the edge of a block beside a table,
 * where Slate would pull the block into the table's last (or first) cell: an empty block goes, else the caret steps
 * into the table. Returns true when it handled the key. Suggesting mode handles a block's edge itself (it never joins).
 */
function atTableEdge(editor: Editor, direction: 'backward' | 'forward'): boolean {
  const selection = editor.selection;
  if (!selection || Range.isExpanded(selection)) return false;
  const point = selection.anchor;
  const container = containerOf(editor, point.path);
  if (!container) return false;
  const [, at] = container;
  const edge = direction === 'backward' ? Editor.isStart(editor, point, at) : Editor.isEnd(editor, point, at);
  if (!edge) return false;
  if (at.length > 1) return true;
  const index = at[0] as number;
  const neighbour = direction === 'backward' ? index - 1 : index + 1;
  if (!isTableElement(editor.children[neighbour]) || isSuggesting(editor)) return false;
  const block = editor.children[index] as BlockElement;
  const empty = Node.string(block) === '' && !block.children.some((child) => Element.isElement(child));
  // The paragraph after a table that ends the document stays: it is how the caret leaves the table.
  const lastAfterTable = index === editor.children.length - 1 && direction === 'backward';
  HistoryEditor.withNewBatch(editor, () => {
    if (empty && !lastAfterTable && !block.clause) {
      Transforms.removeNodes(editor, { at: [index] });
      const table = direction === 'backward' ? neighbour : index;
      Transforms.select(editor, direction === 'backward' ? Editor.end(editor, [table]) : Editor.start(editor, [table]));
      return;
    }
    Transforms.select(editor, direction === 'backward' ? Editor.end(editor, [neighbour]) : Editor.start(editor, [neighbour]));
  });
  return true;
}

/** Whether a selection goes from one text container to another with a table's text among them. */
function crossesTableText(editor: Editor, range: Range): boolean {
  const [start, end] = Range.edges(range);
  const a = containerOf(editor, start.path);
  const b = containerOf(editor, end.path);
  if (a && b && Path.equals(a[1], b[1])) return false;
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) if (isTableElement(editor.children[i])) return true;
  return false;
}

/**
 * Deletes a selection that crosses a table without joining anything: the selected text of each cell, caption and
 * block goes, whole text blocks and whole tables between the edges go (suggesting: their text is marked deleted), and
 * the table keeps its rows and columns.
 */
function emptyAcross(editor: Editor, range: Range, mark: SuggestionMark | null): void {
  const [start, end] = Range.edges(range);
  const first = start.path[0] ?? 0;
  const last = end.path[0] ?? 0;
  const startRef = Editor.pointRef(editor, start, { affinity: 'backward' });
  Editor.withoutNormalizing(editor, () => {
    for (let i = last; i >= first; i--) {
      const node = editor.children[i] as BlockElement;
      const blockStart = Editor.start(editor, [i]);
      const blockEnd = Editor.end(editor, [i]);
      const from = Point.isAfter(start, blockStart) ? start : blockStart;
      const to = Point.isBefore(end, blockEnd) ? end : blockEnd;
      const whole = Point.equals(from, blockStart) && Point.equals(to, blockEnd) && first !== last;
      if (whole && !mark) {
        Transforms.removeNodes(editor, { at: [i] });
        continue;
      }
      const pieces = node.type === 'table' ? containerRanges(editor, i, from, to) : [{ anchor: from, focus: to }];
      for (let k = pieces.length - 1; k >= 0; k--) {
        const piece = pieces[k] as Range;
        if (Range.isCollapsed(piece)) continue;
        if (mark) markDeleted(editor, piece, mark, 'keep');
        else Transforms.delete(editor, { at: piece });
      }
    }
  });
  const caret = startRef.unref();
  if (caret && Editor.hasPath(editor, caret.path)) Transforms.select(editor, caret);
  else if (editor.children.length > 0) Transforms.select(editor, Editor.start(editor, [Math.min(first, editor.children.length - 1)]));
}

/** The part of [from, to] in each of a table's caption and cells, in order. */
function containerRanges(editor: Editor, index: number, from: Point, to: Point): Range[] {
  const table = editor.children[index] as TableElement;
  const out: Range[] = [];
  table.children.forEach((child, r) => {
    const paths = child.type === 'table-caption' ? [[index, r]] : child.children.map((_, c) => [index, r, c]);
    for (const path of paths) {
      const cellStart = Editor.start(editor, path);
      const cellEnd = Editor.end(editor, path);
      if (Point.isBefore(cellEnd, from) || Point.isAfter(cellStart, to)) continue;
      out.push({ anchor: Point.isAfter(from, cellStart) ? from : cellStart, focus: Point.isBefore(to, cellEnd) ? to : cellEnd });
    }
  });
  return out;
}

/** A fragment's text as inlines for a cell: its blocks, a table's caption and cells, each on a line of its own. */
function fragmentInlines(nodes: readonly Descendant[]): InlineNode[] {
  const lines: InlineNode[][] = [];
  const visit = (node: Descendant) => {
    if (Text.isText(node)) lines.push([node]);
    else if (Element.isElement(node) && (node.type === 'table' || node.type === 'table-row')) node.children.forEach(visit);
    else if (Element.isElement(node) && (node.type === 'link' || node.type === 'variable' || node.type === 'reference' || node.type === 'note')) lines.push([node]);
    else if (Element.isElement(node)) lines.push(node.children as InlineNode[]);
  };
  nodes.forEach(visit);
  const out: InlineNode[] = [];
  lines.forEach((line, k) => {
    if (k > 0) out.push({ text: '\n' });
    out.push(...line);
  });
  return out.length > 0 ? out : [{ text: '' }];
}

/** A fragment that is one cell of a table (text copied inside a cell): its text, to paste as text. */
function singleCellText(nodes: readonly Descendant[]): InlineNode[] | null {
  const [only] = nodes;
  if (nodes.length !== 1 || !isTableElement(only)) return null;
  const rows = rowsOf(only);
  if (rows.length !== 1 || only.children.length !== 1 || rows[0]?.children.length !== 1) return null;
  return rows[0].children[0]?.children ?? null;
}

/**
 * Pasted blocks among which is a table: they go in as blocks of their own after the caret's block (splitting it at
 * the caret; an empty paragraph is replaced). Suggesting, they are suggested insertions after the caret's block.
 */
function insertBlocksWithTables(editor: PolicyEditor, nodes: readonly Descendant[]): void {
  if (editor.selection && Range.isExpanded(editor.selection)) editor.deleteFragment();
  const selection = editor.selection;
  if (!selection) return;
  const existing = new Set((editor.children as BlockElement[]).flatMap((n) => (n.type === 'heading' ? [n.id] : [])));
  const mark = suggestionMark(editor);
  let blocks = sanitizeFragment(nodes, existing) as BlockElement[];
  if (mark) blocks = asInsertedBlocks(blocks, mark);
  const caret = selection.anchor;
  const index = caret.path[0] ?? 0;
  const block = editor.children[index] as BlockElement;
  let at = index + 1;
  Editor.withoutNormalizing(editor, () => {
    if (!mark && block.type === 'paragraph' && !block.clause && Node.string(block) === '' && !block.children.some((c) => Element.isElement(c))) {
      Transforms.removeNodes(editor, { at: [index] });
      at = index;
    } else if (!mark && Editor.isStart(editor, caret, [index])) {
      at = index;
    } else if (!mark && !Editor.isEnd(editor, caret, [index]) && block.type !== 'heading') {
      Transforms.splitNodes(editor, { at: caret, always: true, mode: 'highest', match: (n, p) => p.length === 1 && Element.isElement(n) });
    }
    Transforms.insertNodes(editor, blocks, { at: [at], select: false });
  });
  Transforms.select(editor, Editor.end(editor, [at + blocks.length - 1]));
}

const TEXT_BLOCK_FIELDS = ['id', 'level', 'list', 'indent', 'relevel', 'unnumbered', 'clause', 'change'];

/**
 * The root's rule below, for a value given to the editor whole (a document opened): a table last gets an empty
 * paragraph after it, so the caret can leave it. Slate normalizes only what edits make dirty, and an edit inside a
 * block leaves the root out (create-editor.ts), so a value read from a file is settled here before the editor has it.
 */
export function withParagraphAfterTable<T extends Descendant>(value: T[]): T[] {
  return isTableElement(value[value.length - 1]) ? [...value, { type: 'paragraph', children: [{ text: '' }] } as unknown as T] : value;
}

/** One repair of a table's shape per call, as Slate asks; true when it changed something. */
function normalizeTables(editor: Editor, [node, path]: NodeEntry): boolean {
  if (path.length === 0) {
    const last = editor.children[editor.children.length - 1];
    if (isTableElement(last)) {
      Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [editor.children.length], select: false });
      return true;
    }
    return false;
  }
  if (!Element.isElement(node)) return false;
  if (path.length === 1) {
    if (node.type === 'table-row') {
      wrap(editor, path, 'table');
      return true;
    }
    if (node.type === 'table-cell' || node.type === 'table-caption') {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
      return true;
    }
    if (node.type === 'table') return normalizeTable(editor, node, path);
    return false;
  }
  const parent = Node.parent(editor, path);
  if (node.type === 'table-row' && isTableElement(parent)) return normalizeRow(editor, node.children as Descendant[], path);
  // Inside a cell or a caption only inlines stand: any block in it gives up its text to it.
  if ((isTableCell(parent) || isTableCaption(parent)) && !editor.isInline(node)) {
    Transforms.unwrapNodes(editor, { at: path });
    return true;
  }
  return false;
}

function wrap(editor: Editor, path: Path, type: 'table' | 'table-row'): void {
  Transforms.wrapNodes(editor, { type, children: [] } as unknown as Element, { at: path });
}

function normalizeTable(editor: Editor, table: TableElement, path: Path): boolean {
  const stray = TEXT_BLOCK_FIELDS.filter((field) => field !== 'clause' && field !== 'change' && field in table);
  if (stray.length > 0) {
    Transforms.unsetNodes(editor, stray, { at: path });
    return true;
  }
  const children = table.children as Descendant[];
  for (let k = 0; k < children.length; k++) {
    const child = children[k] as Descendant;
    const at = [...path, k];
    if (Text.isText(child)) {
      // Text straight in a table would make Slate take the table for a block of text and drop its rows.
      if (child.text === '') Transforms.removeNodes(editor, { at });
      else wrap(editor, at, 'table-row');
      return true;
    }
    if (child.type === 'table-row') continue;
    if (child.type === 'table-caption' && k === 0) continue;
    if (child.type === 'table-caption' && !isTableCaption(children[0])) {
      Transforms.moveNodes(editor, { at, to: [...path, 0] });
      return true;
    }
    if (child.type === 'table-cell') {
      wrap(editor, at, 'table-row');
      return true;
    }
    // A second caption, a paragraph, a list item: a row of one cell with its text.
    if (child.type === 'table') {
      Transforms.unwrapNodes(editor, { at });
      return true;
    }
    Transforms.unsetNodes(editor, TEXT_BLOCK_FIELDS, { at });
    Transforms.setNodes(editor, { type: 'table-cell' }, { at });
    return true;
  }
  const rows = rowsOf(table);
  if (rows.length === 0) {
    // A table with no rows left is no table: it goes, as Word's last row deleted takes the table with it.
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  const width = tableWidth(table);
  const offset = children.length - rows.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.children.length >= width || row.children.some((cell) => !isTableCell(cell))) continue;
    const cells = Array.from({ length: width - row.children.length }, emptyCell);
    Transforms.insertNodes(editor, cells, { at: [...path, r + offset, row.children.length], select: false });
    return true;
  }
  return false;
}

function normalizeRow(editor: Editor, children: readonly Descendant[], path: Path): boolean {
  if (children.length === 0) {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  for (let k = 0; k < children.length; k++) {
    const child = children[k] as Descendant;
    const at = [...path, k];
    if (isTableCell(child)) continue;
    if (Text.isText(child) || (Element.isElement(child) && editor.isInline(child))) {
      Transforms.wrapNodes(editor, { type: 'table-cell', children: [] }, { at });
      return true;
    }
    if (child.type === 'table-row' || child.type === 'table') {
      Transforms.unwrapNodes(editor, { at });
      return true;
    }
    Transforms.unsetNodes(editor, TEXT_BLOCK_FIELDS, { at });
    Transforms.setNodes(editor, { type: 'table-cell' }, { at });
    return true;
  }
  return false;
}
