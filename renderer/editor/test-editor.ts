import { createEditor, Editor, Node, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { numberSections } from '../../shared/numbering/number';
import type { BlockElement, PolicyEditor, TableElement } from './types';
import { withPolicy } from './with-policy';
import { withSuggestions } from './with-suggestions';
import { withTables } from './with-tables';

/**
 * A headless editor for unit tests, built from a compact outline: "# A" is a level-1 heading titled A, "## A.a" a
 * level-2 one, anything else a body paragraph. Heading ids are derived from titles so tests can name sections.
 */
export function editorFrom(lines: string[]): PolicyEditor {
  const editor = withTables(withSuggestions(withPolicy(withHistory(createEditor()) as PolicyEditor)));
  editor.children = lines.map((line): BlockElement => {
    const match = /^(#+) (.*)$/.exec(line);
    if (match) return { type: 'heading', id: idFor(match[2] ?? ''), level: match[1]?.length ?? 1, children: [{ text: match[2] ?? '' }] };
    return { type: 'paragraph', children: [{ text: line }] };
  });
  Editor.normalize(editor, { force: true });
  return editor;
}

export function idFor(title: string): string {
  return `s-${title.toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(6, '0')}`;
}

/** Puts the cursor at the end of the block whose text is `text`. */
export function cursorIn(editor: Editor, text: string): void {
  const index = (editor.children as BlockElement[]).findIndex((n) => Editor.string(editor, [editor.children.indexOf(n)]) === text);
  if (index < 0) throw new Error(`no block with text ${text}`);
  Transforms.select(editor, Editor.end(editor, [index]));
}

/** The document as numbered lines: "2.1 Title" for headings, "  text" for body paragraphs. */
export function numbered(editor: Editor): string[] {
  const nodes = editor.children as BlockElement[];
  const numbers = numberSections(nodes.flatMap((n) => (n.type === 'heading' ? [{ id: n.id, level: n.level, unnumbered: n.unnumbered }] : [])), 'decimal');
  let h = 0;
  return nodes.map((node, i) => {
    const text = Editor.string(editor, [i]);
    if (node.type !== 'heading') return `  ${text}`;
    return `${numbers[h++]?.label ?? '?'} ${text}`;
  });
}

/** An editor holding: a paragraph "before", a table of these cells' texts, a paragraph "after". */
export function withTable(cells: string[][], options: { header?: boolean; caption?: string; last?: boolean } = {}): PolicyEditor {
  const editor = editorFrom(['before']);
  const table: TableElement = {
    type: 'table',
    ...(options.header ? { header: true as const } : {}),
    children: [
      ...(options.caption !== undefined ? [{ type: 'table-caption' as const, children: [{ text: options.caption }] }] : []),
      ...cells.map((row) => ({ type: 'table-row' as const, children: row.map((text) => ({ type: 'table-cell' as const, children: [{ text }] })) })),
    ],
  };
  editor.children = [...(editor.children as BlockElement[]), table, ...(options.last ? [] : [{ type: 'paragraph' as const, children: [{ text: 'after' }] }])];
  Editor.normalize(editor, { force: true });
  editor.history.undos = [];
  return editor;
}

/** The cells' texts of the table at `index` (its caption, if any, as a row of its own marked "caption:"). */
export function grid(editor: Editor, index = 1): string[][] {
  const table = editor.children[index] as TableElement;
  if (table.type !== 'table') throw new Error(`block ${index} is a ${table.type}, not a table`);
  return table.children.map((child) => (child.type === 'table-caption' ? [`caption:${Node.string(child)}`] : child.children.map((cell) => Node.string(cell))));
}

