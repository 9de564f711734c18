import type { Block, NumberingStyle, Run } from '../model/document';
import { runsToPlainText } from '../model/text';
import { numberSections } from './number';

/** What a cross-reference to a section shows: its number as a reference writes it ("4.2", "A.1", "Section 2.01(a)"). */
export interface ReferenceTarget {
  readonly number: string;
  readonly title: string;
}

/** Shown for a reference whose section is no longer in the document: kept in the text, flagged, never dropped. */
export const MISSING_REFERENCE_TEXT = '[missing section]';

/** Every section's reference, by section id, for the blocks as they are shown (draft, accepted view, a version). */
export function referenceTargets(blocks: readonly Block[], numbering: NumberingStyle): Map<string, ReferenceTarget> {
  const headings: Array<{ id: string; level: number; title: string }> = [];
  for (const block of blocks) {
    if (block.kind === 'heading') headings.push({ id: block.id, level: block.level, title: runsToPlainText(block.runs) });
  }
  const targets = new Map<string, ReferenceTarget>();
  numberSections(headings, numbering).forEach((number, index) => {
    // A moved section stands twice while the move is suggested; its first place (in reading order) is the one numbered.
    if (!targets.has(number.id)) targets.set(number.id, { number: number.reference, title: headings[index]?.title ?? '' });
  });
  return targets;
}

/** The text a reference run shows: the number, with the title after it when the reference asks for it. */
export function referenceText(run: Pick<Run, 'ref' | 'refTitle'>, targets: ReadonlyMap<string, ReferenceTarget>): string {
  const target = run.ref === undefined ? undefined : targets.get(run.ref);
  if (!target) return MISSING_REFERENCE_TEXT;
  return run.refTitle && target.title ? `${target.number} (${target.title})` : target.number;
}
