import { createContext } from 'react';
import type { Block } from '../../shared/model/document';
import type { Comparison, SectionSide } from '../../shared/compare/types';
import { isSectionRow } from '../../shared/compare/types';
import { referenceTargets, referenceText, type ReferenceTarget } from '../../shared/numbering/references';

/** What a cross-reference shows in each edition of a comparison: that edition's number for the section. */
export interface EditionReferences {
  readonly old: ReadonlyMap<string, ReferenceTarget>;
  readonly new: ReadonlyMap<string, ReferenceTarget>;
}

export const NO_REFERENCES: EditionReferences = { old: new Map(), new: new Map() };
export const EditionReferencesContext = createContext<EditionReferences>(NO_REFERENCES);

/** Each edition's sections, put back in that edition's order from the rows (each side knows its place), then numbered. */
export function editionReferences(comparison: Comparison): EditionReferences {
  const sides = { old: [] as SectionSide[], new: [] as SectionSide[] };
  for (const row of comparison.rows) {
    if (!isSectionRow(row)) continue;
    if (row.old) sides.old.push(row.old);
    if (row.new) sides.new.push(row.new);
  }
  const headings = (list: SectionSide[]): Block[] =>
    list
      .sort((a, b) => a.index - b.index)
      .flatMap((side) => (side.blocks[0]?.kind === 'heading' ? [side.blocks[0]] : []));
  return { old: referenceTargets(headings(sides.old), comparison.old.numbering), new: referenceTargets(headings(sides.new), comparison.new.numbering) };
}

// A reference's placeholder (referencePlaceholder in shared/model/vocabulary.ts), wherever a run holds one.
const PLACEHOLDER = /\{\{ref:(s-[a-z0-9]{6,24})\}\}/g;

/**
 * A run's text as a reader sees it: each reference's placeholder as the section's number in this edition (in the
 * other, for a section only it has: a deleted reference to a deleted section), or flagged when neither has it.
 */
export function shownText(run: { text: string; ref?: string; refTitle?: true }, own: ReadonlyMap<string, ReferenceTarget>, other: ReadonlyMap<string, ReferenceTarget>): string {
  if (!run.text.includes('{{ref:')) return run.text;
  return run.text.replace(PLACEHOLDER, (_whole, id: string) => {
    const targets = own.has(id) ? own : other;
    return referenceText({ ref: id, ...(run.ref === id && run.refTitle ? { refTitle: true as const } : {}) }, targets);
  });
}
