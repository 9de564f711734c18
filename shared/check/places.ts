import type { Block, PolicyDocument, Run } from '../model/document';
import { allRuns } from '../model/block-runs';
import { blockText } from '../model/text';
import { runsToPlainText } from '../model/text';
import { numberSections } from '../numbering/number';
import { referenceTargets } from '../numbering/references';
import { BLOCKS_PER_STEP, runToEnd, type Steps } from '../steps/steps';

/** A block of the document with the section it belongs to: what every rule walks. */
export interface Place {
  readonly block: Block;
  readonly index: number;
  /** Every run of the block (a table's caption and cells); for a footnote's place, the note's runs. */
  readonly runs: readonly Run[];
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
export function placesOf(doc: Pick<PolicyDocument, 'blocks' | 'numbering' | 'notes'>): { places: Place[]; notePlaces: Place[]; sections: SectionInfo[] } {
  return runToEnd(placesInSteps(doc));
}

/** `placesOf`, yielding between pieces of the document (shared/steps/steps.ts). */
export function* placesInSteps(doc: Pick<PolicyDocument, 'blocks' | 'numbering' | 'notes'>): Steps<{ places: Place[]; notePlaces: Place[]; sections: SectionInfo[] }> {
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
  const notes = new Map((doc.notes ?? []).map((note) => [note.id, note]));
  const notePlaces: Place[] = [];
  const places: Place[] = [];
  for (let index = 0; index < doc.blocks.length; index++) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const block = doc.blocks[index] as Block;
    if (block.kind === 'heading') current = byId.get(block.id) ?? null;
    const section: SectionInfo | null = current;
    const where = { index, sectionId: section?.id ?? null, sectionNumber: section ? section.reference || section.label : null };
    const runs = allRuns(block);
    // A footnote is read where its mark stands: a placeholder in a note is reported in the section that cites it.
    for (const run of runs) {
      const note = run.note === undefined ? undefined : notes.get(run.note);
      if (note) notePlaces.push({ block, ...where, runs: note.runs, text: runsToPlainText(note.runs, undefined, targets) });
    }
    places.push({ block, ...where, runs, text: blockText(block, undefined, targets) });
  }
  return { places, notePlaces, sections };
}
