import { Range } from 'slate';
import type { ReactEditor } from 'slate-react';

// Room kept between the caret and the scroller's edge, as a word processor keeps a line or so in view.
const MARGIN = 24;

/**
 * Keeps the caret in view as the person types: one rectangle measured against the page's scroller. Slate's default
 * walks every ancestor and reads their styles on every key, a tenth of our time per key in a long policy.
 */
export function scrollCaretIntoView(editor: ReactEditor, domRange: globalThis.Range): void {
  const { selection } = editor;
  // Like Slate's own: a selection being extended by the mouse is not chased.
  if (selection && Range.isExpanded(selection)) return;
  const scroller = domRange.startContainer.parentElement?.closest<HTMLElement>('.page-scroll');
  if (!scroller) return;
  let rect = domRange.getBoundingClientRect();
  // Chromium measures a collapsed range at a line break as an empty rectangle at 0,0: measure its line's element then.
  if (rect.width === 0 && rect.height === 0 && rect.x === 0 && rect.y === 0) {
    const element = domRange.startContainer instanceof Element ? domRange.startContainer : domRange.startContainer.parentElement;
    if (!element) return;
    rect = element.getBoundingClientRect();
  }
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + MARGIN) scroller.scrollTop -= box.top + MARGIN - rect.top;
  else if (rect.bottom > box.bottom - MARGIN) scroller.scrollTop += rect.bottom - (box.bottom - MARGIN);
}
