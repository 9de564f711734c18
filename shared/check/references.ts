import type { Place, SectionInfo } from './places';

/** A typed reference to a part of this document: "Section 4.2", "Sections D.4 – D.7", "Article IV", "§ 5", "clause 7(b)". */
export interface TypedReference {
  readonly place: Place;
  /** The words as typed. */
  readonly text: string;
  /** Each number it names ("4.2", "D.4", "IV", "7(b)"). */
  readonly targets: readonly string[];
}

const IDENT = String.raw`(?:\d+|[IVXLCDM]+|[A-Z])(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*`;
// Escapes (\u00a7 is §, \u2013 and \u2014 the en and em dashes) keep the built bundle ASCII (scripts/ascii-bundle.mjs).
const KEYWORD = String.raw`(?:[Ss]ections?|[Aa]rticles?|[Cc]lauses?|[Pp]aragraphs?|[Ss]ubsections?|\u00a7\u00a7?)`;
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}])${KEYWORD}\s*(${IDENT})((?:\s*(?:,|\u2013|\u2014|-|to|and|or|through)\s*(?:${IDENT}))*)(?![\p{L}\p{N}])`, 'gu');
const MORE = new RegExp(IDENT, 'gu');

/**
 * A reference to another law or document, not to a part of this one: "Section 1798.100 of the California Civil
 * Code", "Article 6(1)(f) GDPR", "under Article 28 of Regulation (EU) 2016/679". "of this Policy" stays ours.
 */
const ELSEWHERE_AFTER = /^\s*(?:of|under|in)\s+(?!this\b|these\b)|^\s*(?:of\s+)?(?:the\s+)?(?:UK\s+)?(?:GDPR|CCPA|CPRA|[A-Z]{2,}\b)/u;
const ELSEWHERE_BEFORE = /(?:\b[A-Z]{2,}|\bAct|\bCode|\bRegulation|\bDirective|\bLaw)\s*$/u;

export function findTypedReferences(places: readonly Place[]): TypedReference[] {
  const found: TypedReference[] = [];
  for (const place of places) {
    if (place.block.kind === 'heading') continue;
    for (const reference of typedReferencesIn(place.text)) found.push({ place, text: reference.text, targets: reference.targets.map((target) => target.name) });
  }
  return found;
}

/** A typed reference in a text, with where it and each number it names stand (offsets in the text). */
export interface TypedReferenceAt {
  readonly at: number;
  readonly text: string;
  readonly targets: ReadonlyArray<{ readonly name: string; readonly at: number }>;
}

const REFERENCE_AT = new RegExp(REFERENCE.source, 'dgu');

/** The typed references to parts of this document in a text; references to other laws and documents are left out. */
export function typedReferencesIn(text: string): TypedReferenceAt[] {
  const found: TypedReferenceAt[] = [];
  for (const match of text.matchAll(REFERENCE_AT)) {
    const at = match.index ?? 0;
    const after = text.slice(at + match[0].length, at + match[0].length + 60);
    const before = text.slice(Math.max(0, at - 24), at);
    if (ELSEWHERE_AFTER.test(after) || ELSEWHERE_BEFORE.test(before)) continue;
    const [firstAt] = match.indices?.[1] ?? [at];
    const [restAt] = match.indices?.[2] ?? [at + match[0].length];
    const targets = [{ name: match[1] ?? '', at: firstAt }, ...[...(match[2] ?? '').matchAll(MORE)].map((m) => ({ name: m[0], at: restAt + (m.index ?? 0) }))];
    found.push({ at, text: match[0], targets: targets.filter((target) => target.name !== '') });
  }
  return found;
}

/** Every way a section's number may be typed: "4.2", "D.4", "2.01" as "2.1", "IV" as "4". */
export function referenceNames(sections: readonly SectionInfo[]): Set<string> {
  const names = new Set<string>();
  for (const section of sections) {
    names.add(normalize(section.path.join('.')));
    names.add(normalize(section.reference.replace(/^(?:Section|Article|§)\s*/u, '')));
    names.add(normalize(section.label.replace(/^(?:Section|Article|§)\s*/u, '').replace(/\.$/, '')));
  }
  return names;
}

/** Whether `target` names a section: whole ("7(b)", "2.01(a)"), or its section part ("7" of "7(b)"). */
export function namesSection(target: string, names: ReadonlySet<string>): boolean {
  const whole = normalize(target);
  if (names.has(whole)) return true;
  const section = normalize(target.replace(/\(.*$/, ''));
  if (names.has(section)) return true;
  const roman = fromRoman(section);
  return roman !== null && names.has(String(roman));
}

/**
 * The section a typed number names as the document itself writes its number ("4.2"; "2.1" for "Section 2.01"; "IV" for
 * Article IV), or null. Stricter than namesSection, which also takes a section's position ("2" for section B): a
 * typed reference made a cross-reference shows the document's own number, so it must already be that number.
 */
export function sectionNamer<S extends SectionInfo>(sections: readonly S[]): (target: string) => S | null {
  const byName = new Map<string, S>();
  for (const section of sections) {
    const name = normalize(section.reference.replace(/^(?:Section|Article|§)\s*/u, ''));
    if (!byName.has(name)) byName.set(name, section);
  }
  return (target) => byName.get(normalize(target)) ?? null;
}

function normalize(name: string): string {
  return name
    .trim()
    .toUpperCase()
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part)) : part))
    .join('.');
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function fromRoman(text: string): number | null {
  if (!/^[IVXLCDM]+$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] as string] ?? 0;
    const next = ROMAN[text[i + 1] as string] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
