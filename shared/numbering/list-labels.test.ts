import { describe, expect, it } from 'vitest';
import { toLetters, toRoman } from './counters';
import { LIST_DEPTHS, bulletLabel, counterText, listLabel, numberLevel } from './list-labels';

const DEPTHS = Array.from({ length: LIST_DEPTHS }, (_, depth) => depth);

describe('list labels', () => {
  it('offers six depths, as the editor indents (0–5) and Word list definitions hold them', () => {
    expect(LIST_DEPTHS).toBe(6);
  });

  it.each(DEPTHS)('depth %i numbers 1. → a) → i. by its place in the cycle, for ordinals past one letter or numeral', (depth) => {
    const written = [1, 4, 27].map((n) => listLabel('number', depth, n));
    const expected = [
      ['1.', '4.', '27.'],
      ['a)', 'd)', 'aa)'],
      ['i.', 'iv.', 'xxvii.'],
    ][depth % 3];
    expect(written).toEqual(expected);
  });

  it('writes the third level with a full stop, as the exporters always did (the editor used to show "i)")', () => {
    expect(listLabel('number', 2, 3)).toBe('iii.');
    expect(listLabel('number', 5, 3)).toBe('iii.');
  });

  it.each(DEPTHS)('depth %i: the label is the level counter followed by its separator', (depth) => {
    const level = numberLevel(depth);
    expect(listLabel('number', depth, 12)).toBe(`${counterText(level.format, 12)}${level.separator}`);
  });

  it('writes counters as the shared counters do', () => {
    for (const n of [1, 9, 26, 27, 49, 702]) {
      expect(counterText('decimal', n)).toBe(String(n));
      expect(counterText('lower-alpha', n)).toBe(toLetters(n).toLowerCase());
      expect(counterText('lower-roman', n)).toBe(toRoman(n).toLowerCase());
    }
  });

  it.each(DEPTHS)('depth %i bullets alternate a dot and a dash, whatever the ordinal', (depth) => {
    expect(bulletLabel(depth)).toBe(depth % 2 === 0 ? '•' : '–');
    expect(listLabel('bullet', depth, 0)).toBe(bulletLabel(depth));
    expect(listLabel('bullet', depth, 7)).toBe(bulletLabel(depth));
  });

  it('reads a depth outside 0–5 as the nearest one it has', () => {
    expect(listLabel('number', -1, 2)).toBe(listLabel('number', 0, 2));
    expect(listLabel('number', 9, 2)).toBe(listLabel('number', LIST_DEPTHS - 1, 2));
    expect(bulletLabel(9)).toBe(bulletLabel(LIST_DEPTHS - 1));
  });
});
