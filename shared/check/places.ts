import type { Block, PolicyDocument } from '../model/document';
import { runsToPlainText } from '../model/text';
import { numberSections } from '../numbering/number';
import { referenceTargets } from '../numbering/references';

/** A block of the document with the section it belongs to: what every rule walks. */
export interface Place {
  readonly block: Block;
  readonly index: number;
  readonly text: string;
  readonly sectionId: string | null;
  readonly sectionNumber: string | null;
}

export interface SectionInfo {
  readonly id: string;
  readonly title: string;
  readonly label: string;
  readonly reference: string;
  readonly path: readonly number[];
  readonly level: number;
}

/** The document's blocks in order, each with its section, and its sections with their numbers. */
export function placesOf(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): { places: Place[]; sections: SectionInfo[] } {
  const headings = doc.blocks.flatMap((block) => (block.kind === 'heading' ? [{ id: block.id, level: block.level, unnumbered: block.unnumbered, title: runsToPlainText(block.runs).trim() }] : []));
  const numbers = numberSections(headings, doc.numbering);
  const sections = headings.map((heading, i) => {
    const n = numbers[i];
    return { id: heading.id, title: heading.title, label: n?.label ?? '', reference: n?.reference ?? '', path: n?.path ?? [], level: n?.depth ?? heading.level };
  });
  const byId = new Map(sections.map((section) => [section.id, section]));
  // The text as read: a cross-reference is its section's number ("Section 2.1"), as every rule should see it.
  const targets = referenceTargets(doc.blocks, doc.numbering);
  let current: SectionInfo | null = null;
  const places = doc.blocks.map((block, index) => {
    if (block.kind === 'heading') current = byId.get(block.id) ?? null;
    const section: SectionInfo | null = current;
    return { block, index, text: runsToPlainText(block.runs, undefined, targets), sectionId: section?.id ?? null, sectionNumber: section ? section.reference || section.label : null };
  });
  return { places, sections };
}
