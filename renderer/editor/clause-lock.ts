import { Editor, Point, Range, Transforms, type BaseRange } from 'slate';
import { HistoryEditor } from 'slate-history';
import { isSuggesting, suggestionMark } from './suggesting';
import { isOwnInsertedBlock } from './suggest-text';
import type { BlockElement, PolicyEditor } from './types';

/**
 * Approved clauses are locked in the document: their wording is what the legal team approved, so it is never changed
 * in place. Every way text can change (typing, Enter, Backspace and Delete, cut, paste, drop, marks) is checked here
 * against the top-level blocks it would touch (not insertNodes or setNodes: Transforms call those, and the app's own
 * commands, such as inserting, updating and unlinking a clause, must still work); each check looks only at those blocks, never the whole document, so
 * typing costs the same in a 100,000-word policy. A refusal is never silent: the editor is told why.
 */

const refusals = new WeakMap<Editor, (message: string, index: number) => void>();

/** Where a refusal is reported (the status bar, and a flash on the clause). */
export function onRefusal(editor: Editor, listener: (message: string, index: number) => void): void {
  refusals.set(editor, listener);
}

export const LOCKED_MESSAGE = 'This is an approved clause, so its text is locked. Use “Unlink to edit” on the clause to change it here.';

export function isLocked(editor: Editor, index: number): boolean {
  return (editor.children[index] as BlockElement | undefined)?.clause?.state === 'locked';
}

/** The first locked block among the top-level blocks a range spans, or -1. */
export function lockedIn(editor: Editor, range: BaseRange | null): number {
  if (!range) return -1;
  const [start, end] = Range.edges(range);
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) if (isLocked(editor, i)) return i;
  return -1;
}

/** The blocks [start, end] of the clause use that block `index` belongs to: it walks only the use's own blocks. */
export function clauseSpanAt(editor: Editor, index: number): [number, number] {
  const use = (editor.children[index] as BlockElement | undefined)?.clause?.use;
  if (!use) return [index, index];
  let start = index;
  let end = index;
  while (start > 0 && (editor.children[start - 1] as BlockElement).clause?.use === use) start--;
  while (end < editor.children.length - 1 && (editor.children[end + 1] as BlockElement).clause?.use === use) end++;
  return [start, end];
}

/** Whether a selection takes in whole locked clauses only: removing a clause entirely is allowed, trimming it is not. */
function coversWholeLockedUses(editor: Editor, range: BaseRange): boolean {
  const [start, end] = Range.edges(range);
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) {
    if (!isLocked(editor, i)) continue;
    const [first, last] = clauseSpanAt(editor, i);
    if (Point.isAfter(start, Editor.start(editor, [first])) || Point.isBefore(end, Editor.end(editor, [last]))) return false;
    i = last;
  }
  return true;
}

function refuse(editor: Editor, index: number): void {
  refusals.get(editor)?.(LOCKED_MESSAGE, index);
}

export function withClauseLock(editor: PolicyEditor): PolicyEditor {
  const { insertText, insertBreak, insertSoftBreak, insertData, insertFragment, deleteBackward, deleteForward, deleteFragment, addMark, removeMark } = editor;

  /** Runs `action` unless the selection touches a locked block. */
  const guard = (action: () => void) => {
    const locked = lockedIn(editor, editor.selection);
    if (locked >= 0) refuse(editor, locked);
    else action();
  };

  editor.insertText = (text, options) => guard(() => insertText(text, options));
  editor.insertData = (data) => guard(() => insertData(data));
  editor.insertFragment = (fragment, options) => guard(() => insertFragment(fragment, options));
  editor.insertSoftBreak = () => guard(() => insertSoftBreak());
  editor.addMark = (key, value) => guard(() => addMark(key, value));
  editor.removeMark = (key) => guard(() => removeMark(key));

  editor.insertBreak = () => {
    const selection = editor.selection;
    const index = selection ? (Range.start(selection).path[0] ?? 0) : -1;
    if (selection && Range.isCollapsed(selection) && isLocked(editor, index)) {
      // Enter at either edge of a clause opens a new paragraph beside it, as in Word: the clause itself is untouched.
      const [first, last] = clauseSpanAt(editor, index);
      if (Point.equals(selection.anchor, Editor.end(editor, [last]))) return openParagraph(editor, last + 1);
      if (Point.equals(selection.anchor, Editor.start(editor, [first]))) return openParagraph(editor, first);
    }
    guard(() => insertBreak());
  };

  editor.deleteBackward = (unit) => {
    const selection = editor.selection;
    if (selection && Range.isCollapsed(selection)) {
      const index = selection.anchor.path[0] ?? 0;
      if (isLocked(editor, index)) return refuse(editor, index);
      // Backspace at the start of a block would merge it into a locked block before it.
      if (index > 0 && isLocked(editor, index - 1) && Point.equals(selection.anchor, Editor.start(editor, [index]))) {
        return removeEmptyOrRefuse(editor, index, index - 1);
      }
    }
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const selection = editor.selection;
    if (selection && Range.isCollapsed(selection)) {
      const index = selection.anchor.path[0] ?? 0;
      if (isLocked(editor, index)) return refuse(editor, index);
      if (index < editor.children.length - 1 && isLocked(editor, index + 1) && Point.equals(selection.anchor, Editor.end(editor, [index]))) {
        return removeEmptyOrRefuse(editor, index, index + 1);
      }
    }
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const selection = editor.selection;
    const locked = lockedIn(editor, selection);
    if (selection && locked >= 0) {
      if (!coversWholeLockedUses(editor, selection)) return refuse(editor, locked);
      // Whole clauses go: what is left of their blocks after the delete is ordinary text, not an empty clause. Suggested
      // for deletion, they stay clauses, so that rejecting the deletion gives them back as they were.
      const [start, end] = Range.edges(selection);
      for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) {
        if (isLocked(editor, i) && !isSuggesting(editor)) Transforms.unsetNodes(editor, 'clause', { at: [i] });
      }
    }
    deleteFragment(options);
  };

  return editor;
}

function openParagraph(editor: Editor, at: number): void {
  // Suggesting, the new paragraph is a suggested insertion, as any other Enter then is.
  const mark = suggestionMark(editor);
  const paragraph: BlockElement = mark ? { type: 'paragraph', change: { ...mark, kind: 'insert' }, children: [{ text: '', ins: mark }] } : { type: 'paragraph', children: [{ text: '' }] };
  HistoryEditor.withNewBatch(editor, () => Transforms.insertNodes(editor, paragraph, { at: [at], select: true }));
}

/** An empty paragraph next to a clause simply goes; anything else would be merged into the clause, so it is refused. */
function removeEmptyOrRefuse(editor: Editor, index: number, locked: number): void {
  const block = editor.children[index] as BlockElement;
  if (Editor.isEmpty(editor, block) && !block.clause) {
    // Suggesting, an empty paragraph that is not the reviewer's own new one is suggested for deletion instead.
    const mark = suggestionMark(editor);
    if (mark && !isOwnInsertedBlock(editor, index)) {
      HistoryEditor.withNewBatch(editor, () => {
        if (!block.change) Transforms.setNodes(editor, { change: { ...mark, kind: 'delete' } }, { at: [index] });
        Transforms.select(editor, locked < index ? Editor.end(editor, [locked]) : Editor.start(editor, [index + 1]));
      });
      return;
    }
    Transforms.removeNodes(editor, { at: [index] });
    Transforms.select(editor, locked < index ? Editor.end(editor, [locked]) : Editor.start(editor, [index]));
    return;
  }
  refuse(editor, locked);
}
