import { describe, expect, it } from 'vitest';
import { definedTerms, definedTermsInSteps } from '../check/terms';
import { bold, h, p, policy } from '../testing/builders';
import { BLOCKS_PER_STEP, runToEnd, type Steps } from './steps';

/** Runs steps to their end, counting the yields on the way. */
function countYields<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, yields };
    yields++;
  }
}

describe('work in steps', () => {
  const blocks = Array.from({ length: 1000 }, (_, i) =>
    i % 50 === 0 ? h(1, `s-sect${String(i).padStart(4, '0')}`, `Section ${i}`) : i % 7 === 0 ? p(bold(`Term ${i}`), ' means a thing we name.') : p(`The Term ${i - (i % 7)} is used here, as is Term ${i % 7}.`),
  );
  const doc = policy(blocks);

  it('reads a document’s terms in many small pieces, and finds what one reading at once finds', () => {
    const { value, yields } = countYields(definedTermsInSteps(doc));
    // Three walks of 1,000 blocks (places, definitions, uses), each yielding every BLOCKS_PER_STEP blocks.
    expect(yields).toBeGreaterThanOrEqual(3 * Math.floor(1000 / BLOCKS_PER_STEP));
    expect(value.length).toBeGreaterThan(100);
    expect(value).toEqual(definedTerms(doc));
  });

  it('runToEnd returns what the steps return', () => {
    function* twice(): Steps<number> {
      yield;
      yield;
      return 2;
    }
    expect(runToEnd(twice())).toBe(2);
  });
});
