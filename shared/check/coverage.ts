import type { PolicyDocument } from '../model/document';
import type { Checklist, Requirement } from './checklist-schema';
import { placesOf } from './places';
import { WordIndex, prepareKeyword, type Keyword } from './word-index';

/** The section that covers a requirement; the opening text (before the first heading) has no id or number. */
export interface CoveringSection {
  readonly sectionId: string | null;
  readonly sectionNumber: string | null;
  readonly title: string;
}

export type CoveredBy = 'clause' | 'topic' | 'keywords';

export interface RequirementCoverage {
  readonly requirement: Requirement;
  readonly covered: CoveringSection | null;
  readonly by: CoveredBy | null;
  /** The starter clause to insert, offered only where the requirement is missing. */
  readonly offer: string | null;
}

export interface CoverageOptions {
  /** The topics (`tags.topic`) of a clause in the project's library, for requirements recognised by topic. */
  readonly clauseTopics?: (clauseId: string) => readonly string[];
}

/** The document as coverage reads it: its sections in order, with the clauses each holds, and its words indexed. */
interface DocumentText {
  readonly sections: ReadonlyArray<{ readonly section: CoveringSection; readonly clauses: ReadonlySet<string> }>;
  readonly headings: WordIndex;
  readonly texts: WordIndex;
}

/**
 * Which of a checklist's requirements the document covers, and where. A section covers one when it holds a clause the
 * requirement names, else a clause with one of its topics, else when its own heading and text (not its subsections')
 * hold every word of one of its keyword groups; a section whose heading alone holds them ("Data Retention") is
 * preferred to the first whose text does. Words match case-insensitively at the start of a word: "retain" matches
 * "retained" and "retains", not "detain"; a keyword of several words must stand in that order.
 */
export function coverage(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, checklist: Checklist, options: CoverageOptions = {}): RequirementCoverage[] {
  return coverageOf(documentText(doc), checklist, options);
}

/** The same for several checklists, reading the document once. */
export function coverageOfLaws(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, checklists: readonly Checklist[], options: CoverageOptions = {}): RequirementCoverage[][] {
  const text = documentText(doc);
  return checklists.map((checklist) => coverageOf(text, checklist, options));
}

function coverageOf(text: DocumentText, checklist: Checklist, options: CoverageOptions): RequirementCoverage[] {
  const { sections } = text;
  return checklist.requirements.map((requirement) => {
    const { clauses, topics, keywords } = requirement.recognise;
    let by: CoveredBy | null = null;
    let found = sections.findIndex((s) => clauses.some((id) => s.clauses.has(id)));
    if (found !== -1) by = 'clause';
    else if (topics.length > 0 && options.clauseTopics) {
      found = sections.findIndex((s) => [...s.clauses].some((id) => options.clauseTopics?.(id).some((t) => topics.includes(t))));
      if (found !== -1) by = 'topic';
    }
    if (found === -1 && keywords.length > 0) {
      const groups = keywords.map((group) => group.map(prepareKeyword));
      found = firstOf(groups, text.headings);
      if (found === -1) found = firstOf(groups, text.texts);
      if (found !== -1) by = 'keywords';
    }
    const covered = found === -1 ? null : (sections[found]?.section ?? null);
    return { requirement, covered, by, offer: covered ? null : (requirement.clause ?? null) };
  });
}

/** The first section (by index) any group matches in, or -1. */
function firstOf(groups: ReadonlyArray<readonly Keyword[]>, index: WordIndex): number {
  let first = -1;
  for (const group of groups) {
    const at = index.firstHolding(group, first === -1 ? Infinity : first);
    if (at !== -1) first = at;
  }
  return first;
}

function documentText(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): DocumentText {
  const { places, sections } = placesOf(doc);
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const gathered: Array<{ section: CoveringSection; parts: string[]; clauses: Set<string> }> = [];
  for (const place of places) {
    let current = gathered[gathered.length - 1];
    if (!current || place.block.kind === 'heading') {
      current = { section: { sectionId: place.sectionId, sectionNumber: place.sectionNumber, title: place.sectionId ? (titles.get(place.sectionId) ?? '') : '' }, parts: [], clauses: new Set() };
      gathered.push(current);
    }
    current.parts.push(place.text);
    const clause = place.block.clause;
    if (clause && clause.state !== 'unlinked') current.clauses.add(clause.id);
  }
  return {
    sections: gathered.map(({ section, clauses }) => ({ section, clauses })),
    headings: new WordIndex(gathered.map((g) => g.section.title)),
    texts: new WordIndex(gathered.map((g) => g.parts.join('\n'))),
  };
}
