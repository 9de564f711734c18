import { useEffect, useState, type RefObject } from 'react';
import { WINDOW_FROM, outlineWindow, sameWindow, type OutlineWindow } from './outline-window';

/** One entry's height in a windowed outline, where titles keep to one line (styles: .outline-list.windowed). */
export const OUTLINE_ROW_PX = 26;

/** The element that scrolls the list: its nearest ancestor whose content scrolls. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}

/**
 * The outline entries to draw (outline-window.ts): all of them below the threshold, else those in and near the view,
 * followed on every scroll and resize of the panel that scrolls the list.
 */
export function useOutlineWindow(list: RefObject<HTMLElement | null>, total: number): OutlineWindow & { windowed: boolean } {
  const windowed = total >= WINDOW_FROM;
  const [range, setRange] = useState<OutlineWindow>(() => outlineWindow(total, 0, 1000, OUTLINE_ROW_PX));
  useEffect(() => {
    const element = list.current;
    const scroller = element && windowed ? scrollerOf(element) : null;
    if (!element || !scroller) {
      setRange((current) => {
        const next = outlineWindow(total, 0, windowed ? 1000 : 0, OUTLINE_ROW_PX);
        return sameWindow(current, next) ? current : next;
      });
      return;
    }
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const next = outlineWindow(total, top, scroller.clientHeight, OUTLINE_ROW_PX);
      setRange((current) => (sameWindow(current, next) ? current : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [list, total, windowed]);
  return { ...(windowed ? range : { start: 0, end: total }), windowed };
}
