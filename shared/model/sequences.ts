import diffSequences from '@jest/diff-sequences';

/**
 * The common stretches of two sequences, as Jest's diff-sequences (Myers' algorithm) reports them: `foundCommon` is
 * called for each, in order. The shared start and end are matched first, one by one, and Myers runs only on what lies
 * between, as git's diff does: an edit leaves most of a sequence alone, and a section with one paragraph changed
 * then needs no call at all, where each call sets up its own arrays (a sixth of a large compare's time, measured).
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
  let aEnd = aLength;
  let bEnd = bLength;
  while (aEnd > start && bEnd > start && isCommon(aEnd - 1, bEnd - 1)) {
    aEnd--;
    bEnd--;
  }
  if (start > 0) foundCommon(start, 0, 0);
  // One item against one: the shared start stopped at them, so they differ.
  const between = aEnd - start === 1 && bEnd - start === 1 ? 0 : Math.min(aEnd - start, bEnd - start);
  if (between > 0) {
    diffSequences(
      aEnd - start,
      bEnd - start,
      (i, j) => isCommon(start + i, start + j),
      (length, aCommon, bCommon) => foundCommon(length, start + aCommon, start + bCommon),
    );
  }
  if (aEnd < aLength) foundCommon(aLength - aEnd, aEnd, bEnd);
}
