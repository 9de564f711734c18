import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonStretches } from './sequences';

type Stretch = [length: number, aStart: number, bStart: number];

function stretchesOf(a: readonly string[], b: readonly string[], isCommon = (i: number, j: number) => a[i] === b[j]): Stretch[] {
  const found: Stretch[] = [];
  commonStretches(a.length, b.length, isCommon, (length, aStart, bStart) => found.push([length, aStart, bStart]));
  return found;
}

/** The length of a longest common subsequence, by the textbook table: what Myers' algorithm finds too. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}

const sequence = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 14 });

describe('commonStretches', () => {
  it('finds a longest common subsequence, in order, each stretch equal on both sides', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const found = stretchesOf(a, b);
        let aNext = 0;
        let bNext = 0;
        for (const [length, aStart, bStart] of found) {
          expect(length).toBeGreaterThan(0);
          expect(aStart).toBeGreaterThanOrEqual(aNext);
          expect(bStart).toBeGreaterThanOrEqual(bNext);
          expect(a.slice(aStart, aStart + length)).toEqual(b.slice(bStart, bStart + length));
          aNext = aStart + length;
          bNext = bStart + length;
        }
        expect(found.reduce((sum, [length]) => sum + length, 0)).toBe(lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('reports the shared start and end as stretches of their own, around what changed', () => {
    expect(stretchesOf(['h', 'p', 'q', 'z'], ['h', 'x', 'q', 'y', 'z'])).toEqual([
      [1, 0, 0],
      [1, 2, 2],
      [1, 3, 4],
    ]);
  });

  it('asks nothing of a changed item against a changed item between a shared start and end', () => {
    const asked: Array<[number, number]> = [];
    const a = ['heading', 'old paragraph', 'end'];
    const b = ['heading', 'new paragraph', 'end'];
    const found = stretchesOf(a, b, (i, j) => {
      asked.push([i, j]);
      return a[i] === b[j];
    });
    expect(found).toEqual([
      [1, 0, 0],
      [1, 2, 2],
    ]);
    // Each pair asked once: the shared start stopped at the changed pair, and the shared end did not ask it again.
    expect(asked).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('takes empty sequences and sequences with nothing in common', () => {
    expect(stretchesOf([], [])).toEqual([]);
    expect(stretchesOf(['a'], [])).toEqual([]);
    expect(stretchesOf(['a', 'b'], ['c', 'd'])).toEqual([]);
    expect(stretchesOf(['a', 'b'], ['a', 'b'])).toEqual([[2, 0, 0]]);
  });
});
