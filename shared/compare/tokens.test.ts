import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, tokenize } from './tokens';

/** The split the hand-written scanner must make, written as the pattern it replaces for speed. */
const TOKEN = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

function tokensOf(text: string): string[] {
  return tokenize([{ kind: 'paragraph', runs: [{ text }] }]).texts.slice(0, -1);
}

describe('tokenize', () => {
  it('splits words (with inner apostrophes, hyphens and dots), spaces and single punctuation', () => {
    expect(tokensOf("The controller's opt-out, e.g. by email — « ok »")).toEqual([
      'The', ' ', "controller's", ' ', 'opt-out', ',', ' ', 'e.g', '.', ' ', 'by', ' ', 'email', ' ', '—', ' ', '«', ' ', 'ok', ' ', '»',
    ]);
  });

  it('splits any text exactly as the pattern does, and loses nothing', () => {
    const alphabet = fc.constantFrom('a', 'Z', '7', ' ', '\u00a0', '\t', "'", '’', '-', '.', ',', 'é', 'ß', '中', '😀', '\u0301', '§', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const tokens = tokensOf(text);
        expect(tokens).toEqual(text.match(TOKEN) ?? []);
        expect(tokens.join('')).toBe(text);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('gives equal tokens equal keys, and tells marks, links and block kinds apart', () => {
    const plain = tokenize([{ kind: 'paragraph', runs: [{ text: 'data' }] }]);
    const bold = tokenize([{ kind: 'paragraph', runs: [{ text: 'data', marks: ['bold'] }] }]);
    const item = tokenize([{ kind: 'list-item', list: 'bullet', indent: 0, runs: [{ text: 'data' }] }]);
    expect(plain.keys[0]).not.toBe(bold.keys[0]);
    expect(plain.keys[0]).toBe(item.keys[0]);
    expect(plain.keys[1]).not.toBe(item.keys[1]);
  });

  it('counts words, not spaces or punctuation', () => {
    expect(countWords("We don't sell data — ever.")).toBe(5);
  });
});
