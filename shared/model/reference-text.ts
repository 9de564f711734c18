import type { Run } from './document';

/** What a cross-reference to a section shows: its number as a reference writes it ("4.2", "A.1", "Section 2.01(a)"). */
export interface ReferenceTarget {
  readonly number: string;
  readonly title: string;
}

/** Every section a reference may show, by section id: drawn from the blocks being shown (shared/numbering/references). */
export type ReferenceTargets = ReadonlyMap<string, ReferenceTarget>;

/** Shown for a reference whose section is no longer in the document: kept in the text, flagged, never dropped. */
export const MISSING_REFERENCE_TEXT = '[missing section]';

/** The text a reference run shows: the number, with the title after it when the reference asks for it. */
export function referenceText(run: Pick<Run, 'ref' | 'refTitle'>, targets: ReferenceTargets): string {
  const target = run.ref === undefined ? undefined : targets.get(run.ref);
  if (!target) return MISSING_REFERENCE_TEXT;
  // A section that takes no number is named by its title, as a reader would write "see Contact us".
  if (!target.number) return target.title || MISSING_REFERENCE_TEXT;
  return run.refTitle && target.title ? `${target.number} (${target.title})` : target.number;
}
