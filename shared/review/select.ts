import type { PolicyDocument } from '../model/document';
import { bareNumber, numberSections } from '../numbering/number';
import { acceptedTitle, listSuggestions, type SuggestionEntry } from './list';
import { standsWhenAccepted } from './suggestions';

/** Which open suggestions a scripted accept or reject settles: all of them, or only one author's, or one section's. */
export interface SuggestionFilter {
  /** The author's name as the suggestions carry it (compared without regard to case). */
  readonly author?: string;
  /**
   * A section number as a reader sees it ("2", "2.1", "Article II"), or the title of a section that takes no number
   * ("Summary"): that section and its subsections.
   */
  readonly section?: string;
}

/**
 * The ids of the section numbered `number` and of every subsection under it, numbered as if every suggestion were
 * accepted (the numbers a reader sees); null when no section has that number.
 */
export function sectionSubtree(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, number: string): Set<string> | null {
  const headings = doc.blocks.flatMap((block) => (block.kind === 'heading' && standsWhenAccepted(block) ? [{ id: block.id, level: block.level, unnumbered: block.unnumbered }] : []));
  const numbers = numberSections(headings, doc.numbering);
  const wanted = bareNumber(number.trim()).toLowerCase();
  const titles = new Map(doc.blocks.flatMap((block) => (block.kind === 'heading' ? [[block.id, acceptedTitle(block.runs).toLowerCase()] as const] : [])));
  // a numbered section by its number; one that takes no number by its title (its label is empty)
  const start = wanted === '' ? -1 : numbers.findIndex((n) => (n.label === '' ? titles.get(n.id) === number.trim().toLowerCase() : bareNumber(n.label).toLowerCase() === wanted));
  const top = numbers[start];
  if (!top) return null;
  const ids = new Set([top.id]);
  for (const next of numbers.slice(start + 1)) {
    if (next.depth <= top.depth) break;
    ids.add(next.id);
  }
  return ids;
}

/**
 * The open suggestions `filter` names, in reading order. A suggestion belongs to the section of its first mark, so a
 * moved section is settled whole (both its places) by the section it was moved from or into, whichever comes first.
 * Throws nothing: a section number that names no section is for the caller to report (see sectionSubtree).
 */
export function suggestionsMatching(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, filter: SuggestionFilter): SuggestionEntry[] {
  const author = filter.author?.trim().toLowerCase();
  const sections = filter.section === undefined ? null : (sectionSubtree(doc, filter.section) ?? new Set<string>());
  return listSuggestions(doc).filter(
    (entry) => (author === undefined || entry.by.toLowerCase() === author) && (sections === null || (entry.sectionId !== null && sections.has(entry.sectionId))),
  );
}
