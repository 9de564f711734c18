import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// slate-react reads the page's selection through lodash's throttle (100 ms), and at every beforeinput calls it and then
// flushes it (Editable's flushDOMSelectionChange). patches/lodash+4.18.1.patch makes flush clear the pending timer.
type Throttled = (() => void) & { flush(): void; cancel(): void };
const throttle = createRequire(import.meta.url)('lodash/throttle') as (fn: () => void, wait: number) => Throttled;

describe("the selection handler's throttle, as slate-react uses it", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps one timer, not one more per key, through a run of typing', () => {
    const handled = vi.fn();
    const onSelectionChange = throttle(handled, 100);
    for (let key = 0; key < 40; key++) {
      // A key: beforeinput's call and flush, then the selectionchange the browser sends after the text changed.
      onSelectionChange();
      onSelectionChange.flush();
      onSelectionChange();
      vi.advanceTimersByTime(8);
    }
    // Unpatched, each flush left its timer running, and each re-armed itself while calls kept coming: 41 here.
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
    // Every flush still ran the handler at once, and the last selection change is still handled once the typing stops.
    const duringTyping = handled.mock.calls.length;
    expect(duringTyping).toBeGreaterThanOrEqual(40);
    vi.advanceTimersByTime(200);
    expect(handled.mock.calls.length).toBe(duringTyping + 1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
