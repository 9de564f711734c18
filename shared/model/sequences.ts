import diffSequences from '@jest/diff-sequences';

/**
 * The common stretches of two sequences, as Jest's diff-sequences (Myers' algorithm) reports them: `foundCommon` is
 * called for each, in order. The shared start and end are matched here first, and Myers runs only on what lies
 * between, and not at all where one item is left against one: a section with one paragraph changed then needs no
 * call, where each call sets up its own arrays and closures (diff-sequences was a sixth of a large compare's time).
 * A common start or end is part of a longest common subsequence, so what is found is as long as Myers' own.
 */
export function commonStretches(
  aLength: number,
  bLength: number,
  isCommon: (aIndex: number, bIndex: number) => boolean,
  foundCommon: (length: number, aStart: number, bStart: number) => void,
): void {
  let start = 0;
  while (start < aLength && start < bLength && isCommon(start, start)) start++;
  // Where the shared start stopped at a pair that differs, that pair is not asked again (a block's comparison is deep).
  const differAtStart = start < aLength && start < bLength;
  let aEnd = aLength;
  let bEnd = bLength;
  while (aEnd > start && bEnd > start && !(differAtStart && aEnd - 1 === start && bEnd - 1 === start) && isCommon(aEnd - 1, bEnd - 1)) {
    aEnd--;
    bEnd--;
  }
  if (start > 0) foundCommon(start, 0, 0);
  // Myers only where both sides have something left, and not for one item against one: the shared start stopped at
  // them, so they differ.
  if (aEnd > start && bEnd > start && !(aEnd - start === 1 && bEnd - start === 1)) {
    diffSequences(
      aEnd - start,
      bEnd - start,
      (i, j) => isCommon(start + i, start + j),
      (length, aCommon, bCommon) => foundCommon(length, start + aCommon, start + bCommon),
    );
  }
  if (aEnd < aLength) foundCommon(aLength - aEnd, aEnd, bEnd);
}
