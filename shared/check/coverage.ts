import type { PolicyDocument } from '../model/document';
import type { Checklist, Requirement } from './checklist-schema';
import { placesOf } from './places';

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

/** Text as coverage reads it: normalised once, with its words sorted for prefix look-ups. */
interface Words {
  readonly text: string;
  readonly words: readonly string[];
}

/** One section as coverage reads it: its heading, its heading and text, and the clauses it holds. */
interface SectionText {
  readonly section: CoveringSection;
  readonly heading: Words;
  readonly all: Words;
  readonly clauses: ReadonlySet<string>;
}

/**
 * Which of a checklist's requirements the document covers, and where. A section covers one when it holds a clause the
 * requirement names, else a clause with one of its topics, else when its own heading and text (not its subsections')
 * hold every word of one of its keyword groups; a section whose heading alone holds them ("Data Retention") is
 * preferred to the first whose text does. Words match case-insensitively at the start of a word: "retain" matches
 * "retained" and "retains", not "detain"; a keyword of several words must stand in that order.
 */
export function coverage(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, checklist: Checklist, options: CoverageOptions = {}): RequirementCoverage[] {
  return coverageOf(sectionTexts(doc), checklist, options);
}

/** The same for several checklists, reading the document once. */
export function coverageOfLaws(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, checklists: readonly Checklist[], options: CoverageOptions = {}): RequirementCoverage[][] {
  const sections = sectionTexts(doc);
  return checklists.map((checklist) => coverageOf(sections, checklist, options));
}

function coverageOf(sections: readonly SectionText[], checklist: Checklist, options: CoverageOptions): RequirementCoverage[] {
  return checklist.requirements.map((requirement) => {
    const { clauses, topics, keywords } = requirement.recognise;
    const byClause = sections.find((s) => clauses.some((id) => s.clauses.has(id)));
    const byTopic = byClause || topics.length === 0 || !options.clauseTopics ? undefined : sections.find((s) => [...s.clauses].some((id) => options.clauseTopics?.(id).some((t) => topics.includes(t))));
    const matches = (words: Words) => keywords.some((group) => group.every((keyword) => holds(words, keyword)));
    const byWords = byClause || byTopic ? undefined : (sections.find((s) => matches(s.heading)) ?? sections.find((s) => matches(s.all)));
    const found = byClause ?? byTopic ?? byWords;
    const by: CoveredBy | null = byClause ? 'clause' : byTopic ? 'topic' : byWords ? 'keywords' : null;
    return { requirement, covered: found?.section ?? null, by, offer: found ? null : (requirement.clause ?? null) };
  });
}

function sectionTexts(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): SectionText[] {
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
  return gathered.map(({ section, parts, clauses }) => ({ section, heading: wordsOf(section.title), all: wordsOf(parts.join('\n')), clauses }));
}

function wordsOf(text: string): Words {
  const normalised = normalise(text);
  return { text: normalised, words: [...new Set(normalised.match(WORDS) ?? [])].sort() };
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** Lower case, typographic apostrophes as typed ones, hyphens and dashes as spaces: "opt out" matches "Opt-out". */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'").replace(/[-‐‑–—]/gu, ' ');
}

/** Whether the section holds the keyword at the start of a word: a binary search of its sorted words, then the phrase. */
function holds(section: Words, keyword: string): boolean {
  const words = normalise(keyword).match(WORDS) ?? [];
  if (!words.every((word) => hasWordStartingWith(section.words, word))) return false;
  if (words.length < 2) return true;
  const phrase = normalise(keyword);
  for (let at = section.text.indexOf(phrase); at !== -1; at = section.text.indexOf(phrase, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(section.text.charAt(at - 1))) return true;
  }
  return false;
}

function hasWordStartingWith(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] as string).startsWith(prefix);
}
