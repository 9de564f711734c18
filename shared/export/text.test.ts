import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../model/text';
import { exportableText } from './text';

describe('exportableText', () => {
  it('returns clean text itself, without a copy', () => {
    const clean = 'Personal data\tis\nkept 🙂 for 30 days.';
    expect(exportableText(clean)).toBe(clean);
  });

  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\u000Bb', 'a\nb'],
    ['a\u000Cb', 'a\nb'],
    ['a\u2028b\u2029c', 'a\nb\nc'],
    ['a\u0001b\u001Fc\uFFFEd\uFFFF', 'abcd'],
    ['lone \uD800 high', 'lone \uFFFD high'],
    ['lone \uDC00 low', 'lone \uFFFD low'],
    ['pair \uD83D\uDE42 kept', 'pair \uD83D\uDE42 kept'],
  ])('cleans %j', (text, expected) => {
    expect(exportableText(text)).toBe(expected);
  });
});

describe('collapseSpaces', () => {
  it('returns text already on one line with single spaces as it is', () => {
    const text = 'Data Protection Officer';
    expect(collapseSpaces(text)).toBe(text);
  });

  it.each([
    ['two  spaces', 'two spaces'],
    ['a\nb', 'a b'],
    ['a\tb', 'a b'],
    [' leading', 'leading'],
    ['trailing ', 'trailing'],
    ['\u00A0non-breaking', 'non-breaking'],
    ['a \n\t b', 'a b'],
    ['', ''],
  ])('collapses %j', (text, expected) => {
    expect(collapseSpaces(text)).toBe(expected);
    expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' ').trim());
  });
});
