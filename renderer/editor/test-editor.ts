import { createEditor, Editor, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { numberSections } from '../../shared/numbering/number';
import type { BlockElement, PolicyEditor } from './types';
import { withPolicy } from './with-policy';
import { withSuggestions } from './with-suggestions';

/**
 * A headless editor for unit tests, built from a compact outline: "# A" is a level-1 heading titled A, "## A.a" a
 * level-2 one, anything else a body paragraph. Heading ids are derived from titles so tests can name sections.
 */
export function editorFrom(lines: string[]): PolicyEditor {
  const editor = withSuggestions(withPolicy(withHistory(createEditor()) as PolicyEditor));
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
