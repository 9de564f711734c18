import { useEffect, type RefObject } from 'react';

/**
 * Where the left column (the document list, the outline under it) was scrolled. The column is drawn anew with each
 * document opened, and would start at its top: a document opened from far down a long list would leave the list at
 * its top, the document chosen out of sight. One window shows one list, so one place keeps it.
 */
const kept = { top: 0 };

/**
 * Keeps the column's scroll across its redraws, and the open document's entry in view. Nothing here reads the layout:
 * the position is set after the first paint (set in React's commit it would force the layout of the whole new page, a
 * long document's first screen included), and whether the entry shows is asked of an IntersectionObserver, which the
 * browser answers with its own layout of the frame.
 */
export function useKeptColumnScroll(list: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const column = list.current?.closest<HTMLElement>('.left-column');
    if (!column) return;
    const remember = () => {
      kept.top = column.scrollTop;
    };
    let seen: IntersectionObserver | null = null;
    const frame = requestAnimationFrame(() => {
      if (kept.top > 0) column.scrollTop = kept.top;
      column.addEventListener('scroll', remember, { passive: true });
      const current = column.querySelector<HTMLElement>('.document-link.current');
      if (!current) return;
      seen = new IntersectionObserver(
        ([entry]) => {
          seen?.disconnect();
          if (entry && entry.intersectionRatio < 1) current.scrollIntoView({ block: 'nearest' });
        },
        { root: column, threshold: 1 },
      );
      seen.observe(current);
    });
    return () => {
      cancelAnimationFrame(frame);
      seen?.disconnect();
      column.removeEventListener('scroll', remember);
    };
  }, [list]);
}
