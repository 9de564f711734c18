import type { PolicyDocument } from '../model/document';
import { BLOCKS_PER_STEP, runToEnd, type Steps } from '../steps/steps';
import { findDefinitionsInSteps } from './definitions';
import { placesInSteps } from './places';

/** Where a term stands: its block (in the document's order), its words there, and which of the term's occurrences it is. */
export interface TermPlace {
  readonly blockIndex: number;
  readonly start: number;
  readonly end: number;
  /** Its count among all the term's occurrences in the document, from 0: how the editor finds the same words again. */
  readonly ordinal: number;
  readonly sectionId: string | null;
  /** The section's number as shown ("4.2", "Article II"); null in the opening text. */
  readonly sectionNumber: string | null;
  readonly sectionTitle: string;
}

export interface DefinedTerm {
  readonly term: string;
  /** The first definition: where it is and the sentence that gives it. */
  readonly definedAt: TermPlace | null;
  readonly definition: string;
  /** Every occurrence but the definitions themselves. */
  readonly uses: readonly TermPlace[];
}

/**
 * The document's defined terms (shared/check/definitions.ts recognises them) in the order they are defined, each with
 * its definition and its uses. Whole-document and pure: the Terms panel runs it when the browser is idle.
 */
export function definedTerms(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): DefinedTerm[] {
  return runToEnd(definedTermsInSteps(doc));
}

/** `definedTerms`, yielding between pieces of the document: the editor reads the terms a few milliseconds at a time. */
export function* definedTermsInSteps(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): Steps<DefinedTerm[]> {
  const { places, sections } = yield* placesInSteps(doc);
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const definitions = yield* findDefinitionsInSteps(places, titles);
  const first = new Map<string, (typeof definitions)[number]>();
  const definingBlocks = new Map<string, Set<number>>();
  for (const d of definitions) {
    if (!first.has(d.term)) first.set(d.term, d);
    definingBlocks.set(d.term, (definingBlocks.get(d.term) ?? new Set()).add(d.place.index));
  }
  const texts = places.map((p) => p.text);
  const occurrences = yield* occurrencesInSteps(texts, [...first.keys()]);
  const terms: DefinedTerm[] = [];
  for (const [index, { term, place, text }] of [...first.values()].entries()) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const all = (occurrences.get(term) ?? []).map((o) => {
      const at = places[o.blockIndex];
      const sectionId = at?.sectionId ?? null;
      return { ...o, sectionId, sectionNumber: at?.sectionNumber ?? null, sectionTitle: sectionId ? (titles.get(sectionId) ?? '') : '' };
    });
    // In each block that defines it, the term's first occurrence is the definition; any later one there is a use.
    const definitionsAt = new Set([...(definingBlocks.get(term) ?? [])].map((block) => all.find((o) => o.blockIndex === block)));
    const definedAt = all.find((o) => o.blockIndex === place.index) ?? null;
    terms.push({ term, definedAt, definition: text.trim(), uses: all.filter((o) => !definitionsAt.has(o)) });
  }
  return terms;
}

/**
 * Each term's occurrences (the term, or its plural, as whole words, case as written) in the texts, in order. Terms
 * are looked up by their first word, so two hundred terms cost about what one does.
 */
export function occurrencesOf(texts: readonly string[], terms: readonly string[]): Map<string, Array<{ blockIndex: number; start: number; end: number; ordinal: number }>> {
  return runToEnd(occurrencesInSteps(texts, terms));
}

/** `occurrencesOf`, yielding between pieces of the texts (shared/steps/steps.ts). */
export function* occurrencesInSteps(texts: readonly string[], terms: readonly string[]): Steps<Map<string, Array<{ blockIndex: number; start: number; end: number; ordinal: number }>>> {
  const byFirstWord = new Map<string, string[]>();
  for (const term of terms) {
    const word = firstWord(term);
    byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), term]);
  }
  const found = new Map<string, Array<{ blockIndex: number; start: number; end: number; ordinal: number }>>(terms.map((t) => [t, []]));
  for (const [blockIndex, text] of texts.entries()) {
    if (blockIndex % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    for (const match of text.matchAll(WORD)) {
      for (const term of candidates(byFirstWord, match[0])) {
        const end = useEnd(text, match.index, term);
        if (end === -1) continue;
        const list = found.get(term) as Array<{ blockIndex: number; start: number; end: number; ordinal: number }>;
        list.push({ blockIndex, start: match.index, end, ordinal: list.length });
      }
    }
  }
  return found;
}

/**
 * The term whose occurrence covers `offset` in `text`, the longest where two do ("Personal Data" over "Personal"):
 * what a hover over the page looks up, in the few words around the pointer only.
 */
export function termAt(text: string, offset: number, terms: ReadonlyMap<string, readonly string[]>): { term: string; start: number; end: number } | null {
  let best: { term: string; start: number; end: number } | null = null;
  // A term is at most six words: its start is within a few dozen characters before the pointer.
  const from = Math.max(0, offset - 80);
  for (const match of text.slice(from, offset + 80).matchAll(WORD)) {
    const start = from + match.index;
    if (start > offset) break;
    for (const term of candidates(terms, match[0])) {
      const end = useEnd(text, start, term);
      if (end !== -1 && end > offset && (!best || end - start > best.end - best.start)) best = { term, start, end };
    }
  }
  return best;
}

/** Terms by their first word, as termAt takes them. */
export function termsByFirstWord(terms: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const term of terms) map.set(firstWord(term), [...(map.get(firstWord(term)) ?? []), term]);
  return map;
}

/** The terms that can start at a word: by the word itself, or by it without a plural's ending ("Services"). */
function candidates(byFirstWord: ReadonlyMap<string, readonly string[]>, word: string): readonly string[] {
  const found = [...(byFirstWord.get(word) ?? [])];
  if (word.endsWith('s')) found.push(...(byFirstWord.get(word.slice(0, -1)) ?? []));
  if (word.endsWith('es')) found.push(...(byFirstWord.get(word.slice(0, -2)) ?? []));
  return found;
}

function firstWord(term: string): string {
  return term.split(/[^\p{L}\p{N}'’-]/u)[0] ?? term;
}

/** Where `term` (or its plural) ends when it stands at `at` as whole words; -1 when it does not. */
function useEnd(text: string, at: number, term: string): number {
  if (!text.startsWith(term, at)) return -1;
  let end = at + term.length;
  if (text.startsWith('es', end) && !LETTER.test(text.charAt(end + 2))) end += 2;
  else if (text.charAt(end) === 's') end += 1;
  return end >= text.length || !LETTER.test(text.charAt(end)) ? end : -1;
}

const LETTER = /[\p{L}\p{N}]/u;
// Terms start with a capital or a digit: only such words can begin a use.
const WORD = /(?<![\p{L}\p{N}])[\p{Lu}\p{N}][\p{L}\p{N}'’-]*/gu;
