import { Editor, Element, Node, Path, Range, Text, Transforms, type BasePoint } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Run } from '../../shared/model/document';
import { newNoteId } from '../../shared/model/ids';
import { safeLink } from '../../shared/model/link';
import { isVariableName, MARKS, placeholder, referencePlaceholder, SECTION_ID_PATTERN, stripForbiddenCharacters, type Mark } from '../../shared/model/vocabulary';
import { lockedIn } from '../editor/clause-lock';
import { suggestionMark } from '../editor/suggesting';
import type { NoteElement, PolicyEditor } from '../editor/types';

/**
 * Puts a new footnote's mark at the caret (after the selection, which stays as it is: Word does the same), as one undo
 * step, with the caret after it. While suggesting, the mark is a suggested insertion. Returns the new note's id, or
 * null when there is no place for it or the place is in a locked clause.
 */
export function insertFootnote(editor: PolicyEditor, runs: Run[] = []): string | null {
  const selection = editor.selection;
  if (!selection || lockedIn(editor, selection) >= 0) return null;
  const mark = suggestionMark(editor);
  const id = newNoteId();
  const element: NoteElement = { type: 'note', note: id, runs, ...(mark ? { ins: mark } : {}), children: [{ text: '' }] };
  const caret = insertionPoint(editor, Range.end(selection));
  HistoryEditor.withNewBatch(editor, () => {
    // The text at the caret split in two, the mark between the halves, the caret at the start of the second.
    const place = Path.next(caret.path);
    Editor.withoutNormalizing(editor, () => {
      Transforms.splitNodes(editor, { at: caret, match: Text.isText, always: true });
      Transforms.insertNodes(editor, element, { at: place, select: false });
    });
    Transforms.select(editor, Editor.start(editor, Path.next(place)));
  });
  return id;
}

/** A point in a block's own text for an inline to go: inside a link (whose children are text only), just after it. */
function insertionPoint(editor: Editor, point: BasePoint): BasePoint {
  const above = Editor.above(editor, { at: point, match: (n) => Element.isElement(n) && n.type === 'link' });
  if (!above) return point;
  const next = Path.next(above[1]);
  return Editor.hasPath(editor, next) ? Editor.start(editor, next) : point;
}

/** Where the mark of note `id` is: at `hint` (the path it was counted at) when it is still there, else found by a walk. */
export function findNoteMark(editor: Editor, id: string, hint?: Path): Path | null {
  if (hint && isMarkOf(Node.getIf(editor, hint), id)) return hint;
  const [entry] = Editor.nodes(editor, { at: [], match: (n) => isMarkOf(n, id) });
  return entry ? entry[1] : null;
}

function isMarkOf(node: Node | undefined, id: string): node is NoteElement {
  return node !== undefined && Element.isElement(node) && node.type === 'note' && node.note === id;
}

/**
 * Sets note `id`'s text, as an undoable edit of its mark. Typing on in the same note joins the undo step before, as
 * typed letters in the text do. False when the mark is gone or stands in a locked clause.
 */
export function setNoteRuns(editor: PolicyEditor, id: string, runs: Run[], hint?: Path): boolean {
  const path = findNoteMark(editor, id, hint);
  if (!path || lockedIn(editor, { anchor: { path, offset: 0 }, focus: { path, offset: 0 } }) >= 0) return false;
  const set = () => Transforms.setNodes(editor, { runs }, { at: path });
  if (continuesNoteEdit(editor, path)) HistoryEditor.withMerging(editor, set);
  else HistoryEditor.withNewBatch(editor, set);
  return true;
}

function continuesNoteEdit(editor: PolicyEditor, path: Path): boolean {
  const batch = editor.history.undos[editor.history.undos.length - 1];
  return batch !== undefined && batch.operations.length > 0 && batch.operations.every((op) => op.type === 'set_node' && 'runs' in op.newProperties && Path.equals(op.path, path));
}

/**
 * A footnote mark pasted (from this document or any other, or forged by a page): a new note with a new id, so a copy
 * never shares its note with the original, and its text rebuilt from what the model knows. Its suggestion and comment
 * fields are left behind, as pasted text's are.
 */
export function pastedNoteMark(node: Partial<NoteElement>): NoteElement {
  const runs = Array.isArray(node.runs) ? node.runs.flatMap((run) => sanitizeRun(run as unknown)) : [];
  const mark: NoteElement = { type: 'note', note: newNoteId(), runs, children: [{ text: '' }] };
  for (const name of MARKS) if (node[name] === true) mark[name] = true;
  if (mark.superscript && mark.subscript) delete mark.subscript;
  return mark;
}

function sanitizeRun(value: unknown): Run[] {
  if (typeof value !== 'object' || value === null) return [];
  const run = value as Record<string, unknown>;
  const marks = Array.isArray(run.marks) ? MARKS.filter((mark) => (run.marks as unknown[]).includes(mark)) : [];
  const kept: Mark[] = marks.includes('superscript') ? marks.filter((mark) => mark !== 'subscript') : marks;
  const withMarks = kept.length > 0 ? { marks: kept } : {};
  if (typeof run.variable === 'string' && isVariableName(run.variable)) return [{ text: placeholder(run.variable), ...withMarks, variable: run.variable }];
  if (typeof run.ref === 'string' && SECTION_ID_PATTERN.test(run.ref)) {
    return [{ text: referencePlaceholder(run.ref), ...withMarks, ref: run.ref, ...(run.refTitle === true ? { refTitle: true as const } : {}) }];
  }
  // A note's note has no place: the model holds none, so its mark is left out.
  if (run.note !== undefined || typeof run.text !== 'string') return [];
  const text = stripForbiddenCharacters(run.text);
  const link = typeof run.link === 'string' ? safeLink(run.link) : null;
  return text ? [{ text, ...withMarks, ...(link ? { link } : {}) }] : [];
}
