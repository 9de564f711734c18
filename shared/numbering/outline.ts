import type { PolicyDocument } from '../model/document';
import { runsToPlainText } from '../model/text';
import { NO_VARIABLES, type VariableValues } from '../model/variables';
import { bareNumber, numberSections, type SectionNumber } from './number';
import { numbersGiven, referenceTargets } from './references';
import { standsWhenAccepted } from '../review/suggestions';

export interface OutlineEntry {
  id: string;
  number: string;
  title: string;
  level: number;
}

/** `numbers`, when the caller has them already, are `numberSections` of the headings that stand when accepted. */
export function outlineOf(
  doc: Pick<PolicyDocument, 'blocks' | 'numbering'>,
  values: VariableValues = NO_VARIABLES,
  given?: readonly SectionNumber[],
): Array<OutlineEntry & { label: string }> {
  // Numbered as the document reads with every suggestion accepted: a heading suggested for deletion has no number.
  // A heading that holds a cross-reference shows its number (rare: the numbering is worked out only then).
  const targets = doc.blocks.some((block) => block.kind === 'heading' && block.runs.some((run) => run.ref !== undefined)) ? referenceTargets(doc.blocks, doc.numbering, values, given) : undefined;
  // A loop, not flatMap: flatMap's array per block was a large compare's garbage.
  const headings: Array<{ id: string; level: number; unnumbered?: boolean; title: string }> = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' && standsWhenAccepted(block)) headings.push({ id: block.id, level: block.level, unnumbered: block.unnumbered, title: runsToPlainText(block.runs, values, targets) });
  }
  const numbers = numbersGiven(given, headings) ?? numberSections(headings, doc.numbering);
  return headings.map((heading, i) => {
    const n = numbers[i];
    if (!n) throw new Error('numberSections returned fewer numbers than headings');
    return { id: heading.id, number: bareNumber(n.label), label: n.label, title: heading.title.trim(), level: n.depth };
  });
}
