import { Editor, Element, Node, Path, Point, Range, Text, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Mark, SuggestionMark } from '../../shared/model/document';
import { MARKS, stripForbiddenCharacters } from '../../shared/model/vocabulary';
import { isOwn, isSuggesting, suggestionMark } from './suggesting';
import { asInserted, breakAsSuggestion, isAllOwnInsertion, isOwnInsertedBlock, markDeleted, standingCopy, stepOverDeleted } from './suggest-text';
import type { BlockElement, FormattedText, PolicyEditor } from './types';
import { sanitizeFragment } from './with-policy';

/** Every mark a format suggestion records: bold, italic, underline, superscript, subscript. */
const FORMAT_MARKS: readonly Mark[] = MARKS;

/** Superscript and subscript exclude each other (the model holds no run with both): setting one clears the other. */
const EXCLUDES: Partial<Record<Mark, Mark>> = { superscript: 'subscript', subscript: 'superscript' };

/** A text's marks as set on it (the editor keeps each mark as a field of the text, `true` when set). */
const hasMark = (node: FormattedText, mark: Mark): boolean => (node as Partial<Record<Mark, unknown>>)[mark] === true;

/**
 * Suggesting mode (tracked changes): while it is on (suggesting.ts), typing, deleting, Enter, pasting and formatting
 * are recorded as suggestions in the reviewer's name instead of being made. Each action is one undo step, as the edit
 * it replaces. Typing on in one's own insertion is a plain insertion into it, so it costs what typing costs, and the
 * browser may still insert the letter itself; only the first letter of a new suggestion changes the runs. Off, every
 * method is passed straight through after one lookup.
 */
export function withSuggestions(editor: PolicyEditor): PolicyEditor {
  const { insertText, deleteBackward, deleteForward, deleteFragment, insertBreak, insertSoftBreak, insertFragment, addMark, removeMark, leafEdgeAffinity } = editor;
  const insertTextData = editor.insertTextData as PolicyEditor['insertTextData'] | undefined;

  const asOneStep = (change: () => void) => HistoryEditor.withNewBatch(editor, () => Editor.withoutNormalizing(editor, change));

  // Between the reviewer's own insertion and other text, a letter goes into the insertion: typing on continues it.
  editor.leafEdgeAffinity = (before, after) => {
    if (isSuggesting(editor)) {
      if (isOwn(editor, before.ins)) return 'backward';
      if (isOwn(editor, after.ins)) return 'forward';
    }
    return leafEdgeAffinity(before, after);
  };

  editor.insertText = (text, options) => {
    if (!isSuggesting(editor) || options?.at || !editor.selection) return insertText(text, options);
    const clean = stripForbiddenCharacters(text);
    if (!clean) return;
    if (Range.isExpanded(editor.selection)) {
      const mark = suggestionMark(editor) as SuggestionMark;
      asOneStep(() => {
        markDeleted(editor, editor.selection as Range, mark, 'end');
        insertSuggested(editor, clean, mark, insertText);
      });
      return;
    }
    const point = Editor.insertionPoint(editor, editor.selection.anchor);
    const leaf = Node.getIf(editor, point.path);
    if (Text.isText(leaf) && !editor.marks && isOwn(editor, leaf.ins)) {
      if (!Point.equals(point, editor.selection.anchor)) Transforms.select(editor, point);
      // The letter after a suggestion's first goes into the same undo step, as typed letters do.
      if (startedHere(editor, leaf.ins?.id)) HistoryEditor.withMerging(editor, () => insertText(clean));
      else insertText(clean);
      return;
    }
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => insertSuggested(editor, clean, mark, insertText));
  };

  editor.deleteBackward = (unit) => deleteAtCaret(editor, 'backward', () => deleteBackward(unit), unit);
  editor.deleteForward = (unit) => deleteAtCaret(editor, 'forward', () => deleteForward(unit), unit);

  editor.deleteFragment = (options) => {
    const selection = editor.selection;
    if (!isSuggesting(editor) || !selection || Range.isCollapsed(selection)) return deleteFragment(options);
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => markDeleted(editor, selection, mark, options?.direction === 'forward' ? 'end' : 'start'));
  };

  const suggestBreak = (plain: () => void) => {
    const selection = editor.selection;
    if (!isSuggesting(editor) || !selection) return plain();
    const index = Range.start(selection).path[0] ?? 0;
    if (Range.isCollapsed(selection) && (isOwnInsertedBlock(editor, index) || opensHeadingBody(editor))) return plain();
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => {
      if (Range.isExpanded(selection)) markDeleted(editor, selection, mark, 'end');
      breakAsSuggestion(editor, mark);
    });
  };
  editor.insertBreak = () => suggestBreak(insertBreak);
  editor.insertSoftBreak = () => suggestBreak(insertSoftBreak);

  editor.insertFragment = (fragment, options) => {
    if (!isSuggesting(editor) || options?.at || !editor.selection) return insertFragment(fragment, options);
    const existing = new Set((editor.children as BlockElement[]).flatMap((n) => (n.type === 'heading' ? [n.id] : [])));
    const blocks = sanitizeFragment(fragment as Descendant[], existing) as BlockElement[];
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => pasteAsSuggestion(editor, blocks, mark));
  };

  if (insertTextData) {
    editor.insertTextData = (data) => {
      if (!isSuggesting(editor)) return insertTextData(data);
      const text = data.getData('text/plain');
      if (!text) return false;
      const lines = text.split(/\r\n|\r|\n/);
      if (lines.length === 1) editor.insertText(text);
      else editor.insertFragment(lines.map((line) => ({ type: 'paragraph', children: [{ text: line }] }) as Descendant));
      return true;
    };
  }

  editor.addMark = (key, value) => {
    const selection = editor.selection;
    if (!isSuggesting(editor) || !selection || Range.isCollapsed(selection) || !FORMAT_MARKS.includes(key as Mark)) return addMark(key, value);
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => formatAsSuggestion(editor, selection, key as Mark, true, mark));
  };
  editor.removeMark = (key) => {
    const selection = editor.selection;
    if (!isSuggesting(editor) || !selection || Range.isCollapsed(selection) || !FORMAT_MARKS.includes(key as Mark)) return removeMark(key);
    const mark = suggestionMark(editor) as SuggestionMark;
    asOneStep(() => formatAsSuggestion(editor, selection, key as Mark, false, mark));
  };

  return editor;
}

/** Whether the last undo step is the start of suggestion `id`: the next letter typed into it belongs to that step. */
function startedHere(editor: PolicyEditor, id: string | undefined): boolean {
  const batch = editor.history.undos[editor.history.undos.length - 1];
  const op = batch?.operations[batch.operations.length - 1];
  if (!op || !id) return false;
  if (op.type === 'set_node') return (op.newProperties as Partial<FormattedText>).ins?.id === id;
  if (op.type === 'insert_node') return Text.isText(op.node) && op.node.ins?.id === id;
  return false;
}

/**
 * A letter (or more) that starts a suggestion at the caret. It is inserted into the text at the caret, as the browser
 * already shows it, and that piece is then split off and marked: the text's element changes, so its render corrects
 * the page whichever way the letter came. The caret ends inside the new piece, where typing on continues it.
 */
function insertSuggested(editor: PolicyEditor, text: string, mark: SuggestionMark, insertText: PolicyEditor['insertText']): void {
  const selection = editor.selection;
  if (!selection) return;
  const point = Editor.insertionPoint(editor, Range.start(selection));
  if (!Point.equals(point, selection.anchor) || !Point.equals(point, selection.focus)) Transforms.select(editor, point);
  const leaf = Node.getIf(editor, point.path);
  if (editor.marks || !Text.isText(leaf)) {
    // Marks chosen for the next letter: the letter is a new text of its own anyway.
    const base: Partial<FormattedText> = Text.isText(leaf) ? { ...leaf } : {};
    const { text: _t, ins: _i, del: _d, formatted: _f, ...marks } = { ...base, ...(editor.marks ?? {}) } as FormattedText;
    editor.marks = null;
    Transforms.insertNodes(editor, { ...marks, text, ins: { ...mark } } as FormattedText);
    return;
  }
  insertText(text);
  const piece = { anchor: point, focus: { path: point.path, offset: point.offset + text.length } };
  Transforms.setNodes(editor, { ins: { ...mark }, del: null, formatted: null } as unknown as Partial<FormattedText>, { at: piece, match: Text.isText, split: true });
  const path = point.offset > 0 ? Path.next(point.path) : point.path;
  Transforms.select(editor, { path, offset: text.length });
}

/**
 * Backspace or Delete with a caret, suggesting: steps over text already deleted; the reviewer's own inserted text
 * really goes (a plain delete); other text is marked deleted and the caret moves past it. At a block's edge the
 * blocks are not joined: the caret moves into the next block, and an empty block is suggested for deletion.
 */
function deleteAtCaret(editor: PolicyEditor, direction: 'backward' | 'forward', plain: () => void, unit: 'character' | 'word' | 'line' | 'block'): void {
  const selection = editor.selection;
  if (!isSuggesting(editor) || !selection) return plain();
  if (Range.isExpanded(selection)) return editor.deleteFragment({ direction });
  const index = selection.anchor.path[0] ?? 0;
  const at = stepOverDeleted(editor, selection.anchor, direction);
  const atEdge = direction === 'backward' ? Editor.isStart(editor, at, [index]) : Editor.isEnd(editor, at, [index]);
  if (atEdge) return crossBlockEdge(editor, index, direction, plain);
  const other = direction === 'backward' ? Editor.before(editor, at, { unit }) : Editor.after(editor, at, { unit });
  if (!other || other.path[0] !== index) return;
  const range = { anchor: other, focus: at };
  if (isAllOwnInsertion(editor, range)) {
    if (!Point.equals(at, selection.anchor)) Transforms.select(editor, at);
    Transforms.delete(editor, { at: range });
    return;
  }
  const mark = suggestionMark(editor) as SuggestionMark;
  HistoryEditor.withNewBatch(editor, () => markDeleted(editor, range, mark, direction === 'backward' ? 'start' : 'end'));
}

function crossBlockEdge(editor: PolicyEditor, index: number, direction: 'backward' | 'forward', plain: () => void): void {
  const neighbour = direction === 'backward' ? index - 1 : index + 1;
  if (neighbour < 0 || neighbour >= editor.children.length) return;
  const block = editor.children[index] as BlockElement;
  const whole = { anchor: Editor.start(editor, [index]), focus: Editor.end(editor, [index]) };
  // The reviewer's own inserted block joins its neighbour (backward) as a plain edit would: its text is inserted text
  // wherever it goes. Forward, it takes in only another block of its own.
  const ownBlock = isOwnInsertedBlock(editor, index) && (Range.isCollapsed(whole) || isAllOwnInsertion(editor, whole));
  if (ownBlock && (direction === 'backward' || isOwnInsertedBlock(editor, neighbour))) return plain();
  const empty = Node.string(block) === '' && !block.children.some((child) => Element.isElement(child));
  HistoryEditor.withNewBatch(editor, () => {
    if (empty && !block.change) {
      const mark = suggestionMark(editor) as SuggestionMark;
      Transforms.setNodes(editor, { change: { ...mark, kind: 'delete' } }, { at: [index] });
    }
    Transforms.select(editor, direction === 'backward' ? Editor.end(editor, [neighbour]) : Editor.start(editor, [neighbour]));
  });
}

/** Enter at the end of a heading whose body starts with an empty paragraph only moves the caret there (with-policy.ts). */
function opensHeadingBody(editor: Editor): boolean {
  const selection = editor.selection;
  if (!selection) return false;
  const index = selection.anchor.path[0] ?? 0;
  const block = editor.children[index] as BlockElement;
  const next = editor.children[index + 1] as BlockElement | undefined;
  return (
    block.type === 'heading' &&
    Editor.isEnd(editor, selection.anchor, [index]) &&
    next?.type === 'paragraph' &&
    Node.string(next) === '' &&
    !next.children.some((child) => Element.isElement(child))
  );
}

/**
 * Pasted blocks as a suggestion: one block's text goes in at the caret, inserted; several make new blocks after the
 * caret's block, each `change: insert`, the first block's text joining the caret's block and the text after the caret
 * moving (deleted there, inserted again) to the end of the last new block, as Enter does.
 */
function pasteAsSuggestion(editor: PolicyEditor, blocks: readonly BlockElement[], mark: SuggestionMark): void {
  const selection = editor.selection;
  if (!selection || blocks.length === 0) return;
  if (Range.isExpanded(selection)) markDeleted(editor, selection, mark, 'end');
  const caret = editor.selection ? Range.start(editor.selection) : Range.start(selection);
  const index = caret.path[0] ?? 0;
  const [head, ...rest] = blocks as [BlockElement, ...BlockElement[]];
  if (rest.length === 0) {
    Transforms.insertNodes(editor, asInserted(head.children, mark) as Descendant[], { at: caret, select: true });
    return;
  }
  const tailRange = { anchor: caret, focus: Editor.end(editor, [index]) };
  const tail = standingCopy(editor, tailRange, mark);
  if (!Range.isCollapsed(tailRange)) markDeleted(editor, tailRange, mark, 'start');
  const fresh = rest.map((block, k): BlockElement => {
    const children = asInserted(block.children, mark);
    if (k === rest.length - 1) children.push(...tail);
    return { ...block, change: { ...mark, kind: 'insert' }, children } as BlockElement;
  });
  Transforms.insertNodes(editor, fresh as Descendant[], { at: [index + 1], select: false });
  const headText = asInserted(head.children, mark);
  if (Node.string({ type: 'paragraph', children: headText } as BlockElement) !== '') {
    Transforms.insertNodes(editor, headText as Descendant[], { at: Editor.end(editor, [index]), select: false });
  }
  const lastIndex = index + fresh.length;
  const tailLength = tail.reduce((sum, node) => sum + ('text' in node ? node.text.length : 0), 0);
  // The caret after the pasted text, before the carried rest.
  const end = Editor.end(editor, [lastIndex]);
  const before = tailLength > 0 ? (Editor.before(editor, end, { distance: tailLength }) ?? end) : end;
  Transforms.select(editor, before);
}

/**
 * Bold, italic, underline, superscript or subscript over a selection as a suggestion: each piece of text records the marks it had (`was`,
 * kept from an earlier format suggestion) and the new ones are set; a piece back to what it was is no longer a
 * suggestion. The reviewer's own inserted text is simply formatted.
 */
function formatAsSuggestion(editor: Editor, range: Range, key: Mark, on: boolean, mark: SuggestionMark): void {
  const [start, end] = Range.edges(range);
  const entries = [...Editor.nodes(editor, { at: range, match: Text.isText })] as Array<[FormattedText, Path]>;
  for (let k = entries.length - 1; k >= 0; k--) {
    const [node, path] = entries[k] as [FormattedText, Path];
    const from = Path.equals(path, start.path) ? start.offset : 0;
    const to = Path.equals(path, end.path) ? end.offset : node.text.length;
    if (to <= from) continue;
    const piece = { anchor: { path, offset: from }, focus: { path, offset: to } };
    const value = on ? true : null;
    const excluded = on ? EXCLUDES[key] : undefined;
    const marks = { [key]: value, ...(excluded ? { [excluded]: null } : {}) };
    if (isOwn(editor, node.ins)) {
      Transforms.setNodes(editor, marks as Partial<FormattedText>, { at: piece, match: Text.isText, split: true });
      continue;
    }
    const was = node.formatted?.was ?? FORMAT_MARKS.filter((m) => hasMark(node, m));
    const next = FORMAT_MARKS.filter((m) => (m === key ? on : m !== excluded && hasMark(node, m)));
    const same = was.length === next.length && was.every((m) => next.includes(m));
    const formatted = same ? null : { ...mark, was: [...was] };
    Transforms.setNodes(editor, { ...marks, formatted } as unknown as Partial<FormattedText>, { at: piece, match: Text.isText, split: true });
  }
}
