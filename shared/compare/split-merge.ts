import diffSequences from '@jest/diff-sequences';
import type { Block } from '../model/document';
import { sameBlock } from './same';

/**
 * Where one stretch of blocks divides between two sections of the other edition: for a split, the old section's
 * blocks between the new section that kept its id and the new section cut from it (a heading put in its middle);
 * for a merge, the new section's blocks between the old section that kept its id and the old section joined to it.
 *
 * The blocks are aligned with the two sections read one after the other. The blocks between the last one shared with
 * the first section and the first one shared with the second are edited or gone: the second section takes as many of
 * them as it has blocks of its own before its first shared one (edited there), and the first section the rest (its
 * end edited or deleted). Returns -1 unless the second section's own text (past its heading) shares a block with the
 * stretch after the cut: a new section with nothing of the old one's text is an added section, not a split. At least
 * half its paragraphs must be found there, so one stock sentence two sections share ("Reserved.") splits nothing.
 */
export function cutBetween(
  stretch: readonly Block[],
  first: readonly Block[],
  second: readonly Block[],
  changedNotes?: ReadonlySet<string>,
): number {
  if (stretch.length < 2 || second.length < 2) return -1;
  const other = (j: number) => (j < first.length ? first[j] : second[j - first.length]);
  let lastOfFirst = -1;
  let firstOfSecond = -1;
  let firstInSecond = -1;
  let ofSecond = 0;
  diffSequences(
    stretch.length,
    first.length + second.length,
    (i, j) => sameBlock(stretch[i], other(j), changedNotes),
    (length, aCommon, bCommon) => {
      for (let k = 0; k < length; k++) {
        const j = bCommon + k;
        if (j < first.length) lastOfFirst = aCommon + k;
        else if (j > first.length) {
          if (firstOfSecond === -1) {
            firstOfSecond = aCommon + k;
            firstInSecond = j - first.length;
          }
          ofSecond++;
        }
      }
    },
  );
  if (firstOfSecond === -1 || ofSecond * 2 < second.length - 1) return -1;
  // The second section's own blocks before its first shared one, past its heading.
  const ownBefore = firstInSecond - 1;
  const between = firstOfSecond - (lastOfFirst + 1);
  const cut = Math.max(1, firstOfSecond - Math.min(between, ownBefore));
  return cut <= firstOfSecond ? cut : -1;
}
