import { useEffect, type RefObject } from 'react';

/**
 * Where the left column (the document list, the outline under it) was scrolled. The column is drawn anew with each
 * document opened, and would start at its top: a document opened from far down a long list would leave the list at
 * its top, the document chosen out of sight. One window shows one list, so one place keeps it.
 */
const kept = { top: 0 };

/**
 * Keeps the column's scroll across its redraws, and the open document's entry in view. Set after the first paint,
 * never in React's commit: a scroll position set there forces the layout of the whole new page, the document's first
 * screen included.
 */
export function useKeptColumnScroll(list: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const column = list.current?.closest<HTMLElement>('.left-column');
    if (!column) return;
    const remember = () => {
      kept.top = column.scrollTop;
    };
    const frame = requestAnimationFrame(() => {
      if (kept.top > 0) column.scrollTop = kept.top;
      const current = column.querySelector<HTMLElement>('.document-link.current');
      if (current) {
        const box = column.getBoundingClientRect();
        const entry = current.getBoundingClientRect();
        if (entry.top < box.top || entry.bottom > box.bottom) current.scrollIntoView({ block: 'nearest' });
      }
      column.addEventListener('scroll', remember, { passive: true });
    });
    return () => {
      cancelAnimationFrame(frame);
      column.removeEventListener('scroll', remember);
    };
  }, [list]);
}
