import diffSequences from '@jest/diff-sequences';

/**
 * The common stretches of two sequences, as Jest's diff-sequences (Myers' algorithm) reports them: `foundCommon` is
 * called for each, in order. The shared start and end are matched here first, and Myers runs only on what lies
 * between, and not at all where one item is left against one: a section with one paragraph changed then needs no
 * call, where each call sets up its own arrays and closures (diff-sequences was a sixth of a large compare's time).
 * A common start or end is part of a longest common subsequence, so what is found is as long as Myers' own.
 *
 * `context` is handed to both functions, so that a caller run for every changed section (compare) can pass functions
 * of its module rather than closures made per call: closures made per compare were optimised anew after every full
 * collection (`node --trace-opt`, bench/README.md), once the compare that made them was over.
 */
export function commonStretches(aLength: number, bLength: number, isCommon: IsCommon<undefined>, foundCommon: FoundCommon<undefined>): void;
export function commonStretches<C>(aLength: number, bLength: number, isCommon: IsCommon<C>, foundCommon: FoundCommon<C>, context: C): void;
export function commonStretches<C>(aLength: number, bLength: number, isCommon: IsCommon<C>, foundCommon: FoundCommon<C>, context?: C): void {
  const given = context as C;
  let start = 0;
  while (start < aLength && start < bLength && isCommon(start, start, given)) start++;
  // Where the shared start stopped at a pair that differs, that pair is not asked again (a block's comparison is deep).
  const differAtStart = start < aLength && start < bLength;
  let aEnd = aLength;
  let bEnd = bLength;
  while (aEnd > start && bEnd > start && !(differAtStart && aEnd - 1 === start && bEnd - 1 === start) && isCommon(aEnd - 1, bEnd - 1, given)) {
    aEnd--;
    bEnd--;
  }
  if (start > 0) foundCommon(start, 0, 0, given);
  // Myers only where both sides have something left, and not for one item against one: the shared start stopped at
  // them, so they differ.
  if (aEnd > start && bEnd > start && !(aEnd - start === 1 && bEnd - start === 1)) {
    // diff-sequences takes plain functions: module functions bound to this call's offset and context.
    const shift: Shift<C> = { start, isCommon, foundCommon, context: given };
    diffSequences(aEnd - start, bEnd - start, (isCommonShifted<C>).bind(shift), (foundShifted<C>).bind(shift));
  }
  if (aEnd < aLength) foundCommon(aLength - aEnd, aEnd, bEnd, given);
}

type IsCommon<C> = (aIndex: number, bIndex: number, context: C) => boolean;
type FoundCommon<C> = (length: number, aStart: number, bStart: number, context: C) => void;

interface Shift<C> {
  readonly start: number;
  readonly isCommon: IsCommon<C>;
  readonly foundCommon: FoundCommon<C>;
  readonly context: C;
}

function isCommonShifted<C>(this: Shift<C>, aIndex: number, bIndex: number): boolean {
  return this.isCommon(this.start + aIndex, this.start + bIndex, this.context);
}

function foundShifted<C>(this: Shift<C>, length: number, aCommon: number, bCommon: number): void {
  this.foundCommon(length, this.start + aCommon, this.start + bCommon, this.context);
}
