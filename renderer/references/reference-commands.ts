import { Editor, Element, Path, Range, Text, Transforms, type BasePoint, type BaseRange } from 'slate';
import { HistoryEditor } from 'slate-history';
import { lockedIn } from '../editor/clause-lock';
import { suggestionMark } from '../editor/suggesting';
import type { PolicyEditor, ReferenceElement } from '../editor/types';

/**
 * Puts a cross-reference to section `ref` at the caret (replacing the selection, or `replacing`: the typed "4.2" a
 * completion turns into a reference), as one undo step, with the caret after it so typing goes on. While suggesting,
 * the reference is a suggested insertion and what it replaces a suggested deletion (with-suggestions.ts). False when
 * there is no place for it, or the place is in a locked clause.
 */
export function insertReference(editor: PolicyEditor, ref: string, options: { refTitle?: boolean; replacing?: BaseRange } = {}): boolean {
  const at = options.replacing ?? editor.selection;
  // Approved clause text is not edited here either (clause-lock.ts guards typing; this inserts nodes directly).
  if (!at || lockedIn(editor, at) >= 0) return false;
  const mark = suggestionMark(editor);
  const reference: ReferenceElement = {
    type: 'reference',
    ref,
    ...(options.refTitle ? { refTitle: true } : {}),
    ...(mark ? { ins: mark } : {}),
    children: [{ text: '' }],
  };
  HistoryEditor.withNewBatch(editor, () => {
    Transforms.select(editor, at);
    // Through the editor's own delete, so that suggesting marks the replaced text deleted rather than removing it (the
    // reference then goes after it, as typed text would).
    if (Range.isExpanded(at)) editor.deleteFragment({ direction: 'forward' });
    const caret = editor.selection ? insertionPoint(editor, Range.start(editor.selection)) : null;
    if (!caret) return;
    // The text at the caret split in two, the reference between the halves, the caret at the start of the second.
    const place = Path.next(caret.path);
    Editor.withoutNormalizing(editor, () => {
      Transforms.splitNodes(editor, { at: caret, match: Text.isText, always: true });
      Transforms.insertNodes(editor, reference, { at: place, select: false });
    });
    Transforms.select(editor, Editor.start(editor, Path.next(place)));
  });
  return true;
}

/** A point in a block's own text for an inline to go: inside a link (whose children are text only), just after it. */
function insertionPoint(editor: Editor, point: BasePoint): BasePoint {
  const above = Editor.above(editor, { at: point, match: (n) => Element.isElement(n) && n.type === 'link' });
  if (!above) return point;
  const next = Path.next(above[1]);
  return Editor.hasPath(editor, next) ? Editor.start(editor, next) : point;
}
