import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, WINDOW_FROM, outlineWindow } from './outline-window';

describe('outlineWindow', () => {
  it('draws every entry of an outline shorter than the windowing threshold, wherever it is scrolled', () => {
    expect(outlineWindow(WINDOW_FROM - 1, -50_000, 800, 25)).toEqual({ start: 0, end: WINDOW_FROM - 1 });
  });

  it('draws the rows in view and the overscan around them', () => {
    // Scrolled 1,000 rows down with 32 rows in view.
    const window = outlineWindow(20_000, -25_000, 800, 25);
    expect(window).toEqual({ start: 1000 - OVERSCAN_ROWS, end: 1032 + OVERSCAN_ROWS });
  });

  it('starts at the first entry while the list is below the top of the view, and never runs past the end', () => {
    expect(outlineWindow(20_000, 300, 800, 25)).toEqual({ start: 0, end: 32 + OVERSCAN_ROWS });
    expect(outlineWindow(20_000, -25 * 19_990, 800, 25)).toEqual({ start: 19_990 - OVERSCAN_ROWS, end: 20_000 });
    expect(outlineWindow(20_000, -25 * 50_000, 800, 25)).toEqual({ start: 20_000, end: 20_000 });
  });
});
