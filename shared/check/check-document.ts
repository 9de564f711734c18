import type { PolicyDocument } from '../model/document';
import { safeLink } from '../model/link';
import { MISSING_REFERENCE_TEXT } from '../model/reference-text';
import { variableValue, type VariableValues } from '../model/variables';
import { findDefinitions, type Definition } from './definitions';
import type { CheckRule, Finding, Severity } from './finding';
import { placesOf, type Place, type SectionInfo } from './places';
import { findTypedReferences, namesSection, referenceNames } from './references';

export interface CheckOptions {
  /** The project's variable values: a variable without one is unfilled. */
  readonly variables?: VariableValues;
  /** Clause ids the library has deprecated. */
  readonly deprecatedClauses?: ReadonlySet<string>;
  /** The day (YYYY-MM-DD) of the last substantive version, when the project has one. */
  readonly lastSubstantiveVersion?: { readonly name: string; readonly day: string };
  /** Findings a person dismissed (with a reason, kept in the project): matched by rule, section and words. */
  readonly dismissed?: ReadonlyArray<Pick<Finding, 'rule' | 'sectionId' | 'excerpt'>>;
}

/**
 * The policy checker: what a careful reviewer would mark before a policy goes out, in the document's order. Pure and
 * whole-document: the editor runs it off the typing path, the CLI (`policywright check`) in a team's CI.
 */
export function checkDocument(doc: PolicyDocument, options: CheckOptions = {}): Finding[] {
  const { places, notePlaces, sections } = placesOf(doc);
  const findings: Array<Finding & { order: number }> = [];
  const add = (rule: CheckRule, severity: Severity, place: Place | null, message: string, excerpt: string) =>
    findings.push({ rule, severity, sectionId: place?.sectionId ?? null, sectionNumber: place?.sectionNumber ?? null, message, excerpt, order: place?.index ?? -1 });
  const where = (place: Place | null) =>
    place?.sectionNumber ? (/^(?:§|Article|Section)/u.test(place.sectionNumber) ? place.sectionNumber : `section ${place.sectionNumber}`) : place ? 'the opening text' : 'the document details';

  checkReferences(places, sections, add, where);
  checkStoredReferences([...places, ...notePlaces], sections, add, where);
  checkTerms(doc, places, sections, add, where);
  const clauseUses = new Set<string>();
  for (const place of places) {
    checkPlaceholders(place, options.variables, add, where);
    checkTypedLinks(place, add, where);
    const clause = place.block.clause;
    // A clause's blocks share one use: reported once, at its first block.
    if (clause && clause.state !== 'unlinked' && options.deprecatedClauses?.has(clause.id) && !clauseUses.has(clause.use)) {
      clauseUses.add(clause.use);
      add('deprecated-clause', 'warning', place, `${capital(where(place))} holds the clause “${clause.id}”, which the library has deprecated.`, clause.id);
    }
  }
  for (const place of notePlaces) {
    checkPlaceholders(place, options.variables, add, where);
    checkTypedLinks(place, add, where);
  }
  checkSections(places, sections, add, where);
  checkDates(doc, options, add);

  const dismissed = options.dismissed ?? [];
  return findings
    .filter((f) => !dismissed.some((d) => d.rule === f.rule && d.sectionId === f.sectionId && d.excerpt === f.excerpt))
    .sort((x, y) => x.order - y.order)
    .map(({ order: _order, ...finding }) => finding);
}

type Add = (rule: CheckRule, severity: Severity, place: Place | null, message: string, excerpt: string) => void;
type Where = (place: Place | null) => string;

function checkReferences(places: readonly Place[], sections: readonly SectionInfo[], add: Add, where: Where): void {
  if (sections.length === 0) return;
  const names = referenceNames(sections);
  for (const reference of findTypedReferences(places)) {
    const missing = reference.targets.filter((target) => !namesSection(target, names));
    if (missing.length === 0) continue;
    add('broken-reference', 'error', reference.place, `“${reference.text}” in ${where(reference.place)} names no section of this document (${missing.join(', ')}).`, reference.text);
  }
}

/** A stored cross-reference whose section was deleted: kept and flagged in the text, an error until it is fixed. */
function checkStoredReferences(places: readonly Place[], sections: readonly SectionInfo[], add: Add, where: Where): void {
  const ids = new Set(sections.map((section) => section.id));
  for (const place of places) {
    for (const run of place.runs) {
      if (run.ref === undefined || ids.has(run.ref)) continue;
      add('missing-reference', 'error', place, `A cross-reference in ${where(place)} points at a section that is no longer in the document.`, MISSING_REFERENCE_TEXT);
    }
  }
}

/** Proper names a policy uses without defining them: never reported as undefined terms. */
const COMMON_NAMES = new Set(['United States', 'United Kingdom', 'European Union', 'European Economic Area', 'Privacy Policy', 'Cookie Policy', 'Terms of Service', 'Terms of Use', 'Data Protection Officer', 'Standard Contractual Clauses', 'Privacy Shield']);
/**
 * A defined term is used the way a noun is, after "the", "our", "any" …: "the Services", "your Personal Data". Names
 * of companies, places and laws are capitalised too and defined by no policy; the words that mark them are left out.
 */
const CAPITALISED_PHRASE = /(?<![\p{L}])(?:the|our|your|any|such|each|all|its|their|this|these) +([\p{Lu}][\p{Ll}’'-]+(?:\s+(?:of\s+)?[\p{Lu}][\p{Ll}’'-]+){0,3})/gu;
const NAME_WORDS = /\b(?:Ltd|Limited|Inc|LLC|LLP|Plc|GmbH|Corporation|Corp|Group|Lane|Road|Street|Court|Avenue|Square|Regulation|Act|Directive|Code|Law|Convention|Commission|Authority|Council|Board|Union|Kingdom|States|Area|Republic|Office|Internet)\b/u;

function checkTerms(doc: PolicyDocument, places: readonly Place[], sections: readonly SectionInfo[], add: Add, where: Where): void {
  const definitions = findDefinitions(places, new Map(sections.map((section) => [section.id, section.title])));
  const byTerm = new Map<string, Definition[]>();
  for (const definition of definitions) byTerm.set(definition.term, [...(byTerm.get(definition.term) ?? []), definition]);

  const useCounts = countUses(places, [...byTerm.keys()]);
  for (const [term, defs] of byTerm) {
    const distinctPlaces = [...new Set(defs.map((d) => d.place))];
    if (distinctPlaces.length > 1) {
      const differently = new Set(distinctPlaces.map((p) => p.text.trim())).size > 1;
      const second = distinctPlaces[1] as Place;
      add('term-defined-twice', differently ? 'error' : 'warning', second, `“${term}” is defined again in ${where(second)}${differently ? ', differently' : ''}; it was first defined in ${where(distinctPlaces[0] as Place)}.`, term);
    }
    const uses = (useCounts.get(term) ?? 0) - distinctPlaces.length;
    if (uses <= 0) add('unused-term', 'warning', distinctPlaces[0] as Place, `“${term}” is defined in ${where(distinctPlaces[0] as Place)} but never used.`, term);
  }

  // Capitalised phrases mid-sentence read as defined terms; only in a document that defines terms at all.
  if (definitions.length === 0) return;
  const names = [...byTerm.keys(), ...sections.map((s) => s.title), doc.title, ...COMMON_NAMES];
  const whole = new Set(names);
  const parts = wordRuns(names);
  // A known name, its plural, a part of one ("Personal" of "Personal Data"), or one with words after it.
  const isKnown = (phrase: string) => {
    if (parts.has(phrase) || whole.has(phrase.replace(/e?s$/u, ''))) return true;
    const words = phrase.split(' ');
    for (let n = words.length - 1; n > 0; n--) if (whole.has(words.slice(0, n).join(' '))) return true;
    return false;
  };
  const candidates = new Map<string, { place: Place; count: number }>();
  for (const place of places) {
    if (place.block.kind === 'heading') continue;
    for (const match of place.text.matchAll(CAPITALISED_PHRASE)) {
      const phrase = match[1] ?? '';
      if (isKnown(phrase) || NAME_WORDS.test(phrase)) continue;
      const seen = candidates.get(phrase);
      if (seen) seen.count++;
      else candidates.set(phrase, { place, count: 1 });
    }
  }
  for (const [phrase, { place, count }] of candidates) {
    // One capitalised word used once ("the Swiss framework") is more often a name than a term.
    if (!phrase.includes(' ') && count < 2) continue;
    add('undefined-term', 'warning', place, `“${phrase}” in ${where(place)} is capitalised like a defined term but is never defined.`, phrase);
  }
}

const PLACEHOLDERS = [
  /\[(?:insert|enter|add|company|name|date|address|email|tbd|tbc|x{2,}|placeholder|your)[^\]]{0,60}\]/giu,
  /(?<![\p{L}])(?:TBD|TBC|TODO|FIXME|X{3,})(?![\p{L}])/gu,
  /<<[^>]{0,60}>>/gu,
  /_{4,}/gu,
];
/** What every placeholder above (and a {{variable}} typed as text) holds: runs without it skip the five searches. */
const PLACEHOLDER_HINT = /[[<_{]|TBD|TBC|TODO|FIXME|XXX/;

function checkPlaceholders(place: Place, variables: VariableValues | undefined, add: Add, where: Where): void {
  for (const run of place.runs) {
    // A cross-reference's and a footnote mark's stored text is a placeholder, never text left to fill in.
    if (run.ref !== undefined || run.note !== undefined) continue;
    if (run.variable !== undefined) {
      if (variables && variableValue(variables, run.variable) === undefined) {
        add('unfilled-variable', 'error', place, `The variable {{${run.variable}}} in ${where(place)} has no value.`, run.text);
      }
      continue;
    }
    if (!PLACEHOLDER_HINT.test(run.text)) continue;
    const found = [...PLACEHOLDERS.flatMap((pattern) => [...run.text.matchAll(pattern)].map((m) => m[0])), ...[...run.text.matchAll(/\{\{[^}]{0,60}\}\}/gu)].map((m) => m[0])];
    for (const text of found) add('placeholder', 'error', place, `“${text}” in ${where(place)} is placeholder text.`, text);
  }
}

const TYPED_ADDRESS = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"”)]+|javascript:[^\s<>"”)]*|www\.[^\s<>"”)]+)/giu;
/** What every typed address holds: runs without it (almost all of them) skip the costlier search above. */
const ADDRESS_HINT = /:\/\/|javascript:|www\./iu;

function checkTypedLinks(place: Place, add: Add, where: Where): void {
  for (const run of place.runs) {
    if (run.link !== undefined || run.variable !== undefined || !ADDRESS_HINT.test(run.text)) continue;
    for (const match of run.text.matchAll(TYPED_ADDRESS)) {
      const address = match[0].replace(/[.,;:]+$/, '');
      const href = /^www\./i.test(address) ? `https://${address}` : address;
      if (safeLink(href) === null) add('bad-link', 'warning', place, `“${address}” in ${where(place)} is not a valid http, https or mailto address.`, address);
    }
  }
}

function checkSections(places: readonly Place[], sections: readonly SectionInfo[], add: Add, where: Where): void {
  const headingPlace = new Map<string, Place>();
  const withText = new Set<string>();
  for (const place of places) {
    if (place.sectionId === null) continue;
    if (place.block.kind === 'heading') headingPlace.set(place.sectionId, place);
    else if (place.text.trim() !== '') withText.add(place.sectionId);
  }
  const seen = new Map<string, SectionInfo>();
  sections.forEach((section, i) => {
    const place = headingPlace.get(section.id) ?? null;
    const next = sections[i + 1];
    const hasSubsections = next !== undefined && next.level > section.level;
    const hasText = withText.has(section.id);
    if (!hasText && !hasSubsections) add('empty-section', 'warning', place, `${capital(where(place))} (“${section.title}”) has no text.`, section.title);
    const key = section.title.toLowerCase();
    const first = seen.get(key);
    if (first && key !== '') add('duplicate-heading', 'warning', place, `${capital(where(place))} has the same heading as section ${first.reference || first.label}: “${section.title}”.`, section.title);
    else seen.set(key, section);
  });
}

function checkDates(doc: PolicyDocument, options: CheckOptions, add: Add): void {
  if (doc.effectiveDate && doc.lastUpdated && doc.effectiveDate > doc.lastUpdated) {
    add('dates-out-of-order', 'error', null, `The effective date (${doc.effectiveDate}) is after the “last updated” date (${doc.lastUpdated}).`, doc.effectiveDate);
  }
  const last = options.lastSubstantiveVersion;
  if (last && doc.lastUpdated && doc.lastUpdated < last.day) {
    add('stale-last-updated', 'warning', null, `“Last updated” (${doc.lastUpdated}) is older than the substantive version “${last.name}” of ${last.day}.`, doc.lastUpdated);
  }
}

/** Every run of whole words of each phrase: "Personal Data Request" gives it, "Personal Data", "Data Request", "Personal" … */
function wordRuns(phrases: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const phrase of phrases) {
    const words = phrase.trim().split(/\s+/u).slice(0, 8);
    for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length; j++) runs.add(words.slice(i, j).join(' '));
  }
  return runs;
}

/**
 * How often each term (or its plural) is used, in one pass over the text: terms are looked up by their first word,
 * so two hundred terms cost what one does.
 */
function countUses(places: readonly Place[], terms: readonly string[]): Map<string, number> {
  const byFirstWord = new Map<string, string[]>();
  for (const term of terms) {
    const first = term.split(/[^\p{L}\p{N}'’-]/u)[0] ?? term;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), term]);
  }
  const counts = new Map<string, number>();
  for (const place of places) {
    for (const match of place.text.matchAll(WORD)) {
      const candidates = byFirstWord.get(match[0]);
      if (!candidates) continue;
      for (const term of candidates) if (isUseAt(place.text, match.index, term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return counts;
}

/** Whether `term`, or its plural, stands in `text` at `at` as whole words. */
function isUseAt(text: string, at: number, term: string): boolean {
  if (!text.startsWith(term, at)) return false;
  let end = at + term.length;
  if (text.startsWith('es', end) && !LETTER.test(text.charAt(end + 2))) end += 2;
  else if (text.charAt(end) === 's') end += 1;
  return end >= text.length || !LETTER.test(text.charAt(end));
}

const LETTER = /[\p{L}\p{N}]/u;

// Terms start with a capital or a digit: only such words can begin a use.
const WORD = /(?<![\p{L}\p{N}])[\p{Lu}\p{N}][\p{L}\p{N}'’-]*/gu;

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
