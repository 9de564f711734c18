import { describe, expect, it } from 'vitest';
import { nextRegionIndex } from './regions';

describe('nextRegionIndex (F6 and Shift+F6)', () => {
  it('goes to the next region and wraps round from the last to the first', () => {
    expect(nextRegionIndex(5, 1, 1)).toBe(2);
    expect(nextRegionIndex(5, 4, 1)).toBe(0);
  });

  it('goes back with Shift+F6, wrapping from the first to the last', () => {
    expect(nextRegionIndex(5, 2, -1)).toBe(1);
    expect(nextRegionIndex(5, 0, -1)).toBe(4);
  });

  it('from outside every region, starts at the first (or with Shift+F6 the last); with none, goes nowhere', () => {
    expect(nextRegionIndex(5, -1, 1)).toBe(0);
    expect(nextRegionIndex(5, -1, -1)).toBe(4);
    expect(nextRegionIndex(0, -1, 1)).toBe(-1);
  });
});
