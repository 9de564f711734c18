import { Range } from 'slate';
import type { ReactEditor } from 'slate-react';
import { renderingHeldLetters } from './render-after-paint';

// Room kept between the caret and the scroller's edge, as a word processor keeps a line or so in view.
const MARGIN = 24;

/**
 * Keeps the caret in view as the person types: one rectangle measured against the page's scroller. Slate's default
 * walks every ancestor and reads their styles on every key, a tenth of our time per key in a long policy.
 */
export function scrollCaretIntoView(editor: ReactEditor, domRange: globalThis.Range): void {
  if (renderingHeldLetters(editor)) return;
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

// Frames in which a jump keeps aiming at its block while the chunks around it are drawn (about a third of a second).
const AIM_FRAMES = 20;
// The aiming under way in each scroller: a newer jump, or the person scrolling or typing, ends it.
const aiming = new WeakMap<HTMLElement, () => void>();

/**
 * Scrolls a block to the top of the page. Chunks off screen have estimated heights until they are drawn, so the first
 * scroll lands near the block rather than on it, and the browser's scroll anchoring then keeps it there as chunks are
 * drawn. So aim again on each frame until the block has stayed at the top (or the page's end) for three frames.
 */
export function scrollBlockToTop(element: HTMLElement): void {
  const scroller = element.closest<HTMLElement>('.page-scroll');
  element.scrollIntoView({ block: 'start' });
  if (!scroller) return;
  aiming.get(scroller)?.();
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of STOPPERS) scroller.removeEventListener(type, stop, true);
    if (aiming.get(scroller) === stop) aiming.delete(scroller);
  };
  aiming.set(scroller, stop);
  for (const type of STOPPERS) scroller.addEventListener(type, stop, { capture: true, passive: true });
  let frames = 0;
  let settled = 0;
  const aim = () => {
    const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    const onTarget = (offset >= 0 && offset <= 40) || (atEnd && offset >= 0 && offset < scroller.clientHeight);
    settled = onTarget ? settled + 1 : 0;
    if (!onTarget) element.scrollIntoView({ block: 'start' });
    if (settled < 3 && ++frames < AIM_FRAMES) frame = requestAnimationFrame(aim);
    else stop();
  };
  frame = requestAnimationFrame(aim);
}

const STOPPERS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
