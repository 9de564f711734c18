/**
 * Which outline entries to draw when there are too many to keep in the page: a 1,000,000-word policy has twenty
 * thousand, whose elements and React fibers alone were a tenth of the editor's memory. Below WINDOW_FROM entries every
 * one is drawn (the browser's find and a screen reader's list see them all); above it, only those in and near the view,
 * each one row high, with the rest of the list's height kept as space above and below so the scroll bar is true.
 */
export const WINDOW_FROM = 3000;

/** Rows drawn beyond each edge of the view, so a fast scroll shows entries rather than space. */
export const OVERSCAN_ROWS = 40;

export interface OutlineWindow {
  /** The first entry drawn and the one after the last. */
  readonly start: number;
  readonly end: number;
}

/**
 * The entries to draw: `listTop` is where the list's top is relative to the top of the scrolled view (negative once it
 * has scrolled past), `viewHeight` the view's height, `rowHeight` one entry's.
 */
export function outlineWindow(total: number, listTop: number, viewHeight: number, rowHeight: number): OutlineWindow {
  if (total < WINDOW_FROM) return { start: 0, end: total };
  const row = Math.max(1, rowHeight);
  const first = Math.floor(Math.max(0, -listTop) / row);
  const last = Math.ceil((Math.max(0, -listTop) + Math.max(0, viewHeight)) / row);
  const start = Math.min(total, Math.max(0, first - OVERSCAN_ROWS));
  const end = Math.min(total, Math.max(start, last + OVERSCAN_ROWS));
  return { start, end };
}

/** Whether two windows draw the same entries: a scroll within one row changes nothing. */
export function sameWindow(a: OutlineWindow, b: OutlineWindow): boolean {
  return a.start === b.start && a.end === b.end;
}
