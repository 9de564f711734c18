import { Editor, Element, Node, Range, Text, Transforms, type Descendant, type NodeEntry } from 'slate';
import { isVariableName, SECTION_ID_PATTERN, stripForbiddenCharacters } from '../../shared/model/vocabulary';
import { safeLink } from '../../shared/model/link';
import { newSectionId } from '../../shared/model/ids';
import { pastedNoteMark } from '../notes/note-commands';
import type { BlockElement, FormattedText, InlineNode, PolicyEditor } from './types';

const BLOCK_TYPES = new Set(['heading', 'paragraph', 'list-item']);
/** What may stand at the top level: the text blocks, and tables (whose own shape with-tables.ts keeps). */
const TOP_LEVEL_TYPES = new Set([...BLOCK_TYPES, 'table']);

/**
 * Teaches Slate the policy model: links are inline; Enter in a heading opens its body; a heading always has an id of
 * its own; pasted content keeps only what the model knows.
 */
export function withPolicy(editor: PolicyEditor): PolicyEditor {
  const { isInline, isVoid, insertBreak, normalizeNode, insertFragment, insertText, insertData, deleteFragment } = editor;

  editor.isInline = (element) => element.type === 'link' || element.type === 'variable' || element.type === 'reference' || element.type === 'note' || isInline(element);
  // A variable (shown as its value), a cross-reference (shown as its section's number) and a footnote's mark (its
  // number) are one unit each: the caret goes round them, never into them, and Backspace takes them whole.
  editor.isVoid = (element) => element.type === 'variable' || element.type === 'reference' || element.type === 'note' || isVoid(element);

  editor.insertBreak = () => {
    const block = currentTopBlock(editor);
    if (block?.type === 'heading') return breakHeading(editor);
    if (block?.type === 'list-item' && Node.string(block) === '') {
      // Enter on an empty list item ends the list, as in Word.
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: [topIndex(editor)] });
      Transforms.unsetNodes(editor, ['list', 'indent'], { at: [topIndex(editor)] });
      return;
    }
    insertBreak();
  };

  editor.insertText = (text, options) => insertText(stripForbiddenCharacters(text), options);

  editor.deleteFragment = (options) => {
    const whole = wholeBlocksSelected(editor);
    deleteFragment(options);
    // Whole blocks selected and deleted (a section with its list, say) go entirely, as in Word: Slate would leave an
    // empty block of the last one's kind behind, an empty bullet that is then saved.
    if (whole && editor.children.length > 1) dropEmptyBlockAtCursor(editor);
  };

  editor.insertFragment = (fragment, options) => {
    const existing = new Set(headingIds(editor.children as BlockElement[]));
    insertFragment(sanitizeFragment(fragment as Descendant[], existing), options);
  };

  editor.insertData = (data) => {
    const html = data.getData('text/html');
    // Our own copies travel as Slate fragments (sanitised in insertFragment), also inside the HTML when the clipboard
    // kept only that (as the async clipboard does): only outside HTML is converted here.
    if (!html || data.types.includes('application/x-slate-fragment') || html.includes('data-slate-fragment=')) return insertData(data);
    const plain = data.getData('text/plain');
    const at = editor.selection;
    // The clipboard can only be read during the event, so both forms are taken now; the converter loads on demand.
    void import('./paste-html')
      .then(({ htmlToFragment }) => htmlToFragment(html))
      .catch(() => [])
      .then((fragment) => {
        if (!editor.selection && at) Transforms.select(editor, at);
        if (fragment.length > 0) editor.insertFragment(fragment);
        else if (plain) editor.insertText(plain.replace(/\r?\n/g, ' '));
      });
  };

  editor.normalizeNode = (entry, options) => {
    if (normalizePolicyNode(editor, entry)) return;
    normalizeNode(entry, options);
  };

  return editor;
}

function topIndex(editor: Editor): number {
  return editor.selection?.anchor.path[0] ?? 0;
}

function currentTopBlock(editor: Editor): BlockElement | undefined {
  return editor.selection ? (editor.children[topIndex(editor)] as BlockElement | undefined) : undefined;
}

/** Whether the selection runs over two or more top-level blocks, from the very start of the first to the very end of the last. */
function wholeBlocksSelected(editor: Editor): boolean {
  const selection = editor.selection;
  if (!selection || Range.isCollapsed(selection)) return false;
  const [start, end] = Range.edges(selection);
  const first = start.path[0] ?? 0;
  const last = end.path[0] ?? 0;
  return last > first && Editor.isStart(editor, start, [first]) && Editor.isEnd(editor, end, [last]);
}

/** Removes the empty block the cursor is in, and puts the cursor at the start of the next block (or the end of the one before). */
function dropEmptyBlockAtCursor(editor: Editor): void {
  const at = topIndex(editor);
  const block = editor.children[at] as BlockElement | undefined;
  // Truly empty only: a variable or a link has no text of its own but is something the person put there.
  if (!block || Node.string(block) !== '' || block.children.some((child) => Element.isElement(child))) return;
  Transforms.removeNodes(editor, { at: [at] });
  if (at < editor.children.length) Transforms.select(editor, Editor.start(editor, [at]));
  else Transforms.select(editor, Editor.end(editor, [at - 1]));
}

/**
 * Enter in a heading: the heading keeps its id and the text before the cursor; the rest becomes its body. At the end
 * of a heading whose body starts with an empty paragraph (a new section has one), Enter goes into that paragraph
 * rather than adding a second, empty one that would be saved.
 */
function breakHeading(editor: Editor): void {
  if (editor.selection && Range.isExpanded(editor.selection)) Transforms.delete(editor);
  const at = topIndex(editor);
  const next = editor.children[at + 1] as BlockElement | undefined;
  if (editor.selection && Editor.isEnd(editor, editor.selection.anchor, [at]) && next?.type === 'paragraph' && Node.string(next) === '' && !next.children.some((child) => Element.isElement(child))) {
    Transforms.select(editor, Editor.start(editor, [at + 1]));
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    Transforms.splitNodes(editor, { always: true, match: (n) => Element.isElement(n) && BLOCK_TYPES.has(n.type), mode: 'highest' });
    Transforms.unsetNodes(editor, ['id', 'level'], { at: [at + 1] });
    Transforms.setNodes(editor, { type: 'paragraph' }, { at: [at + 1] });
  });
}

function headingIds(nodes: readonly BlockElement[]): string[] {
  return nodes.flatMap((n) => (n.type === 'heading' ? [n.id] : []));
}

/**
 * Content pasted from another Policywright window arrives as Slate nodes, which a hostile page could also forge:
 * rebuild each node from the fields the model knows, drop unsafe links, and give copied headings new ids.
 */
export function sanitizeFragment(fragment: readonly Descendant[], existingIds: ReadonlySet<string>): Descendant[] {
  const seen = new Set(existingIds);
  return fragment.map((node): Descendant => {
    if (!Element.isElement(node) || node.type === 'link') return { type: 'paragraph', children: sanitizeInlines([node]) };
    const children = sanitizeInlines(node.children);
    switch (node.type) {
      case 'heading': {
        const id = typeof node.id === 'string' && !seen.has(node.id) && SECTION_ID_PATTERN.test(node.id) ? node.id : newSectionId();
        seen.add(id);
        const level = Number.isInteger(node.level) ? Math.min(6, Math.max(1, node.level)) : 1;
        return { type: 'heading', id, level, ...(node.unnumbered === true ? { unnumbered: true as const } : {}), children };
      }
      case 'list-item':
        return {
          type: 'list-item',
          list: node.list === 'number' ? 'number' : 'bullet',
          indent: Number.isInteger(node.indent) ? Math.min(5, Math.max(0, node.indent)) : 0,
          children,
        };
      default:
        return { type: 'paragraph', children };
    }
  });
}

function sanitizeInlines(nodes: readonly Descendant[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (Text.isText(node)) out.push(sanitizeText(node));
    else if (Element.isElement(node) && node.type === 'link' && safeLink(node.href) !== null) {
      out.push({ type: 'link', href: safeLink(node.href) as string, children: node.children.filter(Text.isText).map(sanitizeText) });
    } else if (Element.isElement(node) && node.type === 'variable' && typeof node.name === 'string' && isVariableName(node.name)) {
      // A copied variable stays a variable (its name checked), so pasting clause text keeps its placeholders.
      out.push({ type: 'variable', name: node.name, children: [{ text: '' }] });
    } else if (Element.isElement(node) && node.type === 'reference' && typeof node.ref === 'string' && SECTION_ID_PATTERN.test(node.ref)) {
      // A copied reference stays a reference to the same section (in another document it shows as missing, flagged).
      out.push({ type: 'reference', ref: node.ref, ...(node.refTitle === true ? { refTitle: true } : {}), children: [{ text: '' }] });
    } else if (Element.isElement(node) && node.type === 'note') {
      // A pasted footnote is a new note with its text: never a second mark of the original's (note-commands.ts).
      out.push(pastedNoteMark(node));
    } else if (Element.isElement(node)) {
      out.push(...sanitizeInlines(node.children).filter(Text.isText));
    }
  }
  return out.length ? out : [{ text: '' }];
}

function sanitizeText(node: FormattedText): FormattedText {
  const text: FormattedText = { text: stripForbiddenCharacters(String(node.text)) };
  if (node.bold === true) text.bold = true;
  if (node.italic === true) text.italic = true;
  if (node.underline === true) text.underline = true;
  // Raised or lowered, never both (the model refuses a run with the two).
  if (node.superscript === true) text.superscript = true;
  else if (node.subscript === true) text.subscript = true;
  return text;
}

/** One repair per call, as Slate asks; returns true when it changed something. */
function normalizePolicyNode(editor: Editor, [node, path]: NodeEntry): boolean {
  if (path.length === 0) {
    if (editor.children.length === 0) {
      Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0] });
      return true;
    }
    return false;
  }
  if (path.length === 1 && Element.isElement(node)) {
    if (!TOP_LEVEL_TYPES.has(node.type)) {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
      return true;
    }
    if (node.type === 'heading' && (typeof node.id !== 'string' || node.id === '')) {
      Transforms.setNodes(editor, { id: newSectionId() }, { at: path });
      return true;
    }
    if (node.type !== 'heading' && ('id' in node || 'level' in node)) {
      Transforms.unsetNodes(editor, ['id', 'level'], { at: path });
      return true;
    }
    if (node.type !== 'list-item' && ('list' in node || 'indent' in node)) {
      Transforms.unsetNodes(editor, ['list', 'indent'], { at: path });
      return true;
    }
  }
  if (Element.isElement(node) && node.type === 'link' && Node.string(node) === '') {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  return false;
}
