import { describe, expect, it } from 'vitest';
import { toLetters, toRoman, twoDigits } from './counters';

describe('toLetters (bijective base 26)', () => {
  it.each([
    [1, 'A'],
    [2, 'B'],
    [25, 'Y'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('%i → %s', (n, letters) => expect(toLetters(n)).toBe(letters));

  it('never repeats a string and never contains anything but capitals, for 1..2000', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 2000; n++) {
      const s = toLetters(n);
      expect(s).toMatch(/^[A-Z]+$/);
      seen.add(s);
    }
    expect(seen.size).toBe(2000);
  });
});

describe('toRoman', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [5, 'V'],
    [6, 'VI'],
    [9, 'IX'],
    [10, 'X'],
    [14, 'XIV'],
    [19, 'XIX'],
    [40, 'XL'],
    [44, 'XLIV'],
    [49, 'XLIX'],
    [90, 'XC'],
    [99, 'XCIX'],
    [400, 'CD'],
    [900, 'CM'],
    [1994, 'MCMXCIV'],
    [2024, 'MMXXIV'],
    [3999, 'MMMCMXCIX'],
  ])('%i → %s', (n, roman) => expect(toRoman(n)).toBe(roman));

  it('never writes four of the same symbol in a row below 4000', () => {
    for (let n = 1; n < 4000; n++) expect(toRoman(n)).not.toMatch(/(.)\1\1\1/);
  });
});

describe('twoDigits', () => {
  it.each([
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [42, '42'],
    [100, '100'],
  ])('%i → %s', (n, s) => expect(twoDigits(n)).toBe(s));
});
