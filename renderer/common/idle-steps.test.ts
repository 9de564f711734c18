import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Steps } from '../../shared/steps/steps';
import { runWhenIdle } from './idle-steps';

/** Idle callbacks run by hand, each told it has no time left, as on a busy machine whose callbacks timed out. */
function fakeIdle() {
  const waiting = new Map<number, IdleRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
    waiting.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => waiting.delete(handle));
  return {
    get pending() {
      return waiting.size;
    },
    runOne() {
      const [handle, callback] = [...waiting][0] ?? [];
      if (handle === undefined || !callback) throw new Error('nothing waiting');
      waiting.delete(handle);
      callback({ didTimeout: true, timeRemaining: () => 0 });
    },
  };
}

function* counting(upTo: number, seen: number[]): Steps<string> {
  for (let i = 0; i < upTo; i++) {
    seen.push(i);
    yield;
  }
  return 'done';
}

describe('runWhenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does the work in pieces of a few milliseconds, and hands over the result at the end', () => {
    const idle = fakeIdle();
    const seen: number[] = [];
    const results: string[] = [];
    // Each step takes 3 ms here, so a 5 ms piece holds two of them.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1.5));
    runWhenIdle(counting(6, seen), (value) => results.push(value));
    idle.runOne();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(6);
    while (idle.pending > 0) idle.runOne();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results).toEqual(['done']);
  });

  it('stopped, it does no more work and hands over nothing', () => {
    const idle = fakeIdle();
    const seen: number[] = [];
    const results: string[] = [];
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    const stop = runWhenIdle(counting(6, seen), (value) => results.push(value));
    idle.runOne();
    const before = seen.length;
    stop();
    expect(idle.pending).toBe(0);
    expect(seen.length).toBe(before);
    expect(results).toEqual([]);
  });
});
