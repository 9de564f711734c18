import type { Block, NumberingStyle } from '../model/document';
import type { ReferenceTarget } from '../model/reference-text';
import { collapseSpaces, runsToPlainText } from '../model/text';
import { NO_VARIABLES, resolveBlocks, type VariableValues } from '../model/variables';
import { numberSections, type SectionNumber } from './number';

export { MISSING_REFERENCE_TEXT, referenceText, type ReferenceTarget, type ReferenceTargets } from '../model/reference-text';

/**
 * Every section's reference, by section id, for the blocks as they are shown (draft, accepted view, a version).
 * `numbers`, when the caller has them already, are `numberSections` of these blocks' headings (see `numbersGiven`).
 */
export function referenceTargets(
  blocks: readonly Block[],
  numbering: NumberingStyle,
  values: VariableValues = NO_VARIABLES,
  numbers?: readonly SectionNumber[],
): Map<string, ReferenceTarget> {
  const headings: Array<{ id: string; level: number; unnumbered?: boolean; title: string }> = [];
  for (const block of blocks) {
    if (block.kind === 'heading') headings.push({ id: block.id, level: block.level, unnumbered: block.unnumbered, title: collapseSpaces(runsToPlainText(block.runs, values)) });
  }
  const targets = new Map<string, ReferenceTarget>();
  (numbersGiven(numbers, headings) ?? numberSections(headings, numbering)).forEach((number, index) => {
    // A moved section stands twice while the move is suggested; its first place (in reading order) is the one numbered.
    if (!targets.has(number.id)) targets.set(number.id, { number: number.reference, title: headings[index]?.title ?? '' });
  });
  return targets;
}

/**
 * The blocks as a reader is shown them: variables as their values and references as the numbers of the sections they
 * point at in these same blocks (or the missing flag). Everything that shows a whole document's text to a person goes
 * through here; compare alone resolves variables without references, so that renumbering is no change.
 */
export function blocksForReaders(
  blocks: readonly Block[],
  numbering: NumberingStyle,
  values: VariableValues = NO_VARIABLES,
  numbers?: readonly SectionNumber[],
): Block[] {
  return resolveBlocks(blocks, values, referenceTargets(blocks, numbering, values, numbers));
}

/**
 * Numbers a caller worked out once for several uses of the same headings (compare numbers each edition once for its
 * references and its sections), when they are those headings' numbers; undefined (number them here) otherwise.
 */
export function numbersGiven(numbers: readonly SectionNumber[] | undefined, headings: ReadonlyArray<{ readonly id: string }>): readonly SectionNumber[] | undefined {
  if (numbers === undefined || numbers.length !== headings.length) return undefined;
  for (let i = 0; i < headings.length; i++) if (numbers[i]?.id !== headings[i]?.id) return undefined;
  return numbers;
}
