import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Editor, Node, Range, Text, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import { lockedIn } from '../editor/clause-lock';
import type { SectionNumberStore } from '../editor/section-numbers';
import type { PolicyEditor } from '../editor/types';
import { completionFor, type CompletionOffer } from './completion';
import { insertReference } from './reference-commands';

/** Typing pauses this long before a typed "Section 4.2" is looked at: never while the keys come. */
const IDLE_MS = 600;
/** The longest typed reference looked at ("Sections 12.3.4(b)(iv)" fits). */
const LOOK_BACK = 40;

interface Shown {
  offer: CompletionOffer;
  range: BaseRange;
  left: number;
  top: number;
}

export interface ReferenceCompletion {
  /** The text changed (a key, a paste, an undo): any offer goes, and the text is looked at again once typing pauses. */
  typed(): void;
  /** The editor's keys, before its own: Tab or Enter accepts an offer, Esc dismisses it; true when the key was taken. */
  onKeyDown(event: KeyboardEvent): boolean;
  /** The offer, drawn under the caret. */
  popup: ReactNode;
}

/**
 * Typing "Section 4.2" (or "Article IV", "§ 5") and pausing offers to make it a live cross-reference (completion.ts):
 * a small note under the caret; Tab or Enter accepts it (one undo step), Esc or typing on leaves the text as typed.
 * The only cost while typing is a timer restarted.
 */
export function useReferenceCompletion(editor: PolicyEditor, numbers: SectionNumberStore, renderNow: () => void): ReferenceCompletion {
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The place and text of the offer last dismissed with Esc: not offered again there.
  const dismissed = useRef('');

  const show = useCallback((next: Shown | null) => {
    shownRef.current = next;
    setShown(next);
  }, []);

  const look = useCallback(() => {
    timer.current = null;
    const selection = editor.selection;
    if (!selection || Range.isExpanded(selection) || lockedIn(editor, selection) >= 0) return;
    const leaf = Node.getIf(editor, selection.anchor.path);
    if (!Text.isText(leaf) || leaf.del) return;
    const before = leaf.text.slice(0, selection.anchor.offset);
    const tail = before.slice(-LOOK_BACK);
    const offer = completionFor(tail, numbers.referenceTargets());
    if (!offer) return;
    const start = before.length - tail.length + offer.start;
    const key = `${selection.anchor.path.join('.')}:${start}:${offer.text}`;
    if (key === dismissed.current) return;
    const range = { anchor: { path: selection.anchor.path, offset: start }, focus: selection.anchor };
    renderNow();
    try {
      const rect = ReactEditor.toDOMRange(editor, range).getBoundingClientRect();
      show({ offer, range, left: rect.left, top: rect.bottom + 4 });
    } catch {
      // The text is not in the page (scrolled far, being redrawn): no offer this time.
    }
  }, [editor, numbers, renderNow, show]);

  const typed = useCallback(() => {
    if (shownRef.current) show(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(look, IDLE_MS);
  }, [look, show]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // A click anywhere, or a scroll, leaves the offer behind.
  useEffect(() => {
    if (!shown) return;
    const away = () => show(null);
    window.addEventListener('mousedown', away, true);
    window.addEventListener('scroll', away, true);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('scroll', away, true);
    };
  }, [shown, show]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent): boolean => {
      const current = shownRef.current;
      if (!current || ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return false;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      if (plain && (event.key === 'Tab' || event.key === 'Enter')) {
        event.preventDefault();
        show(null);
        // Still the text offered for (nothing moved it since): it becomes the reference.
        if (Editor.hasPath(editor, current.range.anchor.path) && Editor.string(editor, current.range) === current.offer.text) {
          insertReference(editor, current.offer.id, { replacing: current.range });
        }
        return true;
      }
      if (plain && event.key === 'Escape') {
        event.preventDefault();
        dismissed.current = `${current.range.anchor.path.join('.')}:${current.range.anchor.offset}:${current.offer.text}`;
        show(null);
        return true;
      }
      show(null);
      return false;
    },
    [editor, show],
  );

  const popup = shown
    ? createPortal(
        <div className="reference-offer" role="status" style={{ left: shown.left, top: shown.top }}>
          <kbd>Tab</kbd> makes it a cross-reference to <strong>{shown.offer.number}</strong> {shown.offer.title}
          <span className="muted"> · Esc keeps the text</span>
        </div>,
        document.body,
      )
    : null;

  return { typed, onKeyDown, popup };
}
