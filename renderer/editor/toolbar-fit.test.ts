import { describe, expect, it } from 'vitest';
import { groupsThatFit } from './toolbar-fit';

describe('groupsThatFit', () => {
  const widths = [50, 60, 200, 120, 100];

  it('keeps every group when the row is wide enough, without a More button', () => {
    expect(groupsThatFit(widths, 530 + 4 * 6, 6, 60)).toBe(5);
  });

  it('leaves room for the More button once anything overflows', () => {
    // 50+60+200+120 = 430 and 3 gaps: 448; with More (6 + 60) 514: fits in 520, but all five (554) do not.
    expect(groupsThatFit(widths, 520, 6, 60)).toBe(4);
    expect(groupsThatFit(widths, 513, 6, 60)).toBe(3);
  });

  it('can put every group in the menu, never a negative count', () => {
    expect(groupsThatFit(widths, 40, 6, 60)).toBe(0);
    expect(groupsThatFit([], 0, 6, 60)).toBe(0);
  });
});
