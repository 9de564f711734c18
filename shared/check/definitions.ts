import { BLOCKS_PER_STEP, runToEnd, type Steps } from '../steps/steps';
import type { Place } from './places';

/** A term the document defines, where, and the words that define it. */
export interface Definition {
  readonly term: string;
  readonly place: Place;
  /** The sentence (or list item) that defines it, to show on hover and to tell two definitions apart. */
  readonly text: string;
}

const OPEN = `["“”]`;
const CLOSE = `["”“]`;
// \u2019 is the typographic apostrophe (’), escaped so that the built bundle stays ASCII (scripts/ascii-bundle.mjs).
const TERM = String.raw`([\p{Lu}\d][\p{L}\p{N}'\u2019\-]*(?:\s+[\p{L}\p{N}'\u2019\-&]+){0,5})`;
const QUOTED = `${OPEN}${TERM}${CLOSE}`;

/**
 * How policies define their words, written as real policies do:
 * - "Personal Data" means … / shall mean … / refers to … / has the meaning … / includes …
 * - … (the "Services"), ("Cookies"), (collectively, "Partners"), (together, the "Data"), (each, a "Processor"),
 *   (hereinafter "Controller"), (referred to as "You")
 */
const PATTERNS: readonly RegExp[] = [
  new RegExp(`${QUOTED}\\s*(?:\\([^)]*\\)\\s*)?(?:means|shall mean|refers to|shall refer to|has the meaning|includes|is defined as)\\b`, 'gu'),
  new RegExp(String.raw`\((?:(?:collectively|together|each|individually|jointly|hereinafter|hereafter)[,\s]+)?(?:referred to as\s+)?(?:the\s+|a\s+|an\s+|our\s+|your\s+)?${QUOTED}(?:\s+or\s+(?:the\s+)?${QUOTED})?\)`, 'gu'),
];

/**
 * A bold term opening a paragraph or list item: "**Personal Data** means …" anywhere; "**Cookies**: …" only in a
 * section named as definitions, since elsewhere a bold lead is a run-in heading ("**Strictly necessary.** These …").
 */
const BOLD_DEFINES = /^\s*[""”]?\s*(?:means|shall mean|refers to|shall refer to|has the meaning)\b/u;
const BOLD_LISTS = /^\s*[""”]?\s*[:\-–—]/u;
const DEFINITIONS_SECTION = /definition|interpretation|glossary|meaning of words|key terms/iu;

export function findDefinitions(places: readonly Place[], sectionTitles: ReadonlyMap<string, string> = new Map()): Definition[] {
  return runToEnd(findDefinitionsInSteps(places, sectionTitles));
}

/** `findDefinitions`, yielding between pieces of the document (shared/steps/steps.ts). */
export function* findDefinitionsInSteps(places: readonly Place[], sectionTitles: ReadonlyMap<string, string> = new Map()): Steps<Definition[]> {
  const found: Definition[] = [];
  for (const [index, place] of places.entries()) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    if (place.block.kind === 'heading') continue;
    for (const pattern of PATTERNS) {
      for (const match of place.text.matchAll(pattern)) {
        for (const term of match.slice(1)) if (term) found.push({ term: clean(term), place, text: place.text });
      }
    }
    const [first, second] = place.runs;
    const inDefinitions = place.sectionId !== null && DEFINITIONS_SECTION.test(sectionTitles.get(place.sectionId) ?? '');
    if (first?.marks?.includes('bold') && second && (BOLD_DEFINES.test(second.text) || (inDefinitions && BOLD_LISTS.test(second.text)))) {
      const term = clean(first.text.replace(/[“”"]/g, ''));
      if (/^[\p{Lu}\d]/u.test(term) && term.split(/\s+/).length <= 6 && !found.some((d) => d.place === place && d.term === term)) {
        found.push({ term, place, text: place.text });
      }
    }
  }
  return found;
}

function clean(term: string): string {
  return term.replace(/\s+/g, ' ').replace(/[.,;:]+$/, '').trim();
}
