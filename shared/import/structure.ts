import {
  FORMAT_VERSION,
  MAX_HEADING_LEVEL,
  MAX_LIST_INDENT,
  PolicyDocumentSchema,
  stripForbiddenCharacters,
  type Block,
  type NumberingStyle,
  type PolicyDocument,
  type Run,
} from '../model/document';
import { newSectionId } from '../model/ids';
import { findEffectiveDateInSentence, readDateLine, type LabelledDate } from './dates';
import { ImportError, UNNAMED } from './errors';
import { isSectionKind, readMarker, readTypedBullet, type Marker, type MarkerKind } from './markers';
import type { RawDocument, RawMetadata, RawParagraph, SourceFormat } from './raw';
import { cleanRuns, emphasisedPrefixLength, runsText, sliceRuns, trimRuns, withoutMarks } from './runs';

/*
 * Structure recovery: raw paragraphs in, a PolicyDocument out. The rules, in the order they are applied (each is
 * tested in structure.test.ts):
 *
 * HEAD. From the top, lines that carry only labelled dates ("Effective Date: …", "Last updated: …", "Effective: …",
 *   "effective as of …") or a version ("Version 2.1") go into the metadata. The first other line is the title if the
 *   source says so (Word Title style), if it is a level-1 heading that no later heading reaches (the one <h1> of a
 *   page), or if it is short and reads like a heading (at most 12 words, no closing full stop, no typed number). A
 *   line repeating the title in this head area is dropped. Everything from the first other line on is kept.
 *
 * TYPED NUMBERS. A paragraph may start with a number typed by hand (markers.ts lists the shapes). The number is a
 *   section number when
 *   - the source also marks the paragraph as a heading (Heading style, <hN>, #): always; or
 *   - the text after it reads like a heading (≤ 15 words, starts with a capital, no closing . , ; :), or starts with a
 *     run-in heading — a bold or underlined lead ending in "." or ":" ("1. **Questions; Contacting Us.** If you…"),
 *     or, where there are no marks, a lead of at most 10 words in Title Case or CAPITALS ending in "." or ":" — or is
 *     empty (the title is on the next line: "ARTICLE IV" / "DEFINITIONS"), and the number is the next one at its
 *     level, or skips at most one ("strong" candidates); or
 *   - it is followed by an ordinary sentence ("1.1 The Supplier shall…"), the number is exactly the next one at its
 *     level, and that level is already open (its parent section exists, or for a top-level number an earlier top-level
 *     section of the same kind exists): a numbered clause without a title, kept as an untitled section with the sentence
 *     as its text ("weak" candidates).
 *   Two or more short numbered lines in a row with consecutive numbers and no text between them (1. Name / 2. Email)
 *   are a list or a table of contents, not sections. A new level starts at 1 (or 2, one skip).
 *   Levels: the kinds of number (decimal, A., I., Article, Section, §, (a), (i), (A), (1)) are ranked by where they
 *   first appear among the headings — Article first, sub-clause kinds in parentheses last — and a decimal or § number
 *   takes one level per part (1 → 1, 1.1 → 2, 2.3.1 → 3). "Section 1.01" sits under its Article. The typed number is
 *   removed from the heading (the app numbers sections itself) and the numbering style follows the top kind: Article →
 *   article-section; § or "Section N" without Articles → section-sign; A. → letter-decimal; otherwise decimal.
 *   "(i)" and "I." are read as roman numerals unless they continue a letter sequence ((h) → (i)) and the next one is
 *   not (ii)/II.
 * LISTS. Numbers that are not section numbers — "a)", "i.", "1)" always; "(a)", "1." and the rest when they fail the
 *   tests above — make numbered list items (number removed) only when two or more such lines stand together and count
 *   up from 1 (or continue); otherwise the paragraph is kept exactly as typed, number included. Lines starting with a
 *   typed bullet ("- ", "• ", "* ", "– ", "◦ ", "▪ ") are bullet items, nested by their leading spaces in plain text.
 *   List items of the source (HTML/Markdown/Word lists) stay list items, except: a numbered item whose number the
 *   source knows (Markdown, <ol>) is tested like a typed number, and in a document without heading styles, numbered
 *   Word list items that are wholly bold and read like a heading, or start with a bold run-in heading, are headings at
 *   their list level when there are at least two of them.
 * FALLBACK. A document where none of that finds a section gets level-1 sections from unnumbered lines that are wholly
 *   bold and read like a heading, or start with a bold run-in heading, or (plain text) are a short line in CAPITALS or
 *   Title Case followed by a longer paragraph — when there are at least two such lines.
 * DATES. Date-only lines before the first section or at the very end go into the metadata (when the metadata has no
 *   other value for them). "… effective as of <date> …" inside a sentence sets the effective date; the sentence stays.
 * LEVELS. Finally heading levels are made contiguous the way the app numbers them: a heading is never more than one
 *   level below the heading before it (a Heading 3 right under a Heading 1 becomes level 2).
 */

export interface StructureOptions {
  /** Shown in messages; its name (without extension) is the title of last resort. */
  fileName?: string;
  /** Section ids: newSectionId by default (tests pass a counter). */
  newId?: () => string;
}

interface Line {
  runs: Run[];
  text: string;
  raw: RawParagraph;
  dates: LabelledDate[] | null;
  role: Role | null;
}

type Role =
  | { kind: 'drop' }
  | { kind: 'heading'; level: number; runs: Run[]; body: Run[] | null; bare?: boolean }
  | { kind: 'list-item'; list: 'bullet' | 'number'; indent: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] };

interface Metadata {
  title: string | null;
  effectiveDate: string | null;
  lastUpdated: string | null;
  versionLabel: string;
  owner: string;
  numbering: NumberingStyle | null;
}

export function recoverStructure(raw: RawDocument, options: StructureOptions = {}): PolicyDocument {
  const fileName = options.fileName ?? UNNAMED;
  const newId = options.newId ?? (() => newSectionId());
  const lines: Line[] = [];
  for (const paragraph of raw.paragraphs) {
    const runs = cleanRuns(paragraph.runs, paragraph.verbatim);
    const text = runsText(runs);
    if (text.trim() === '') continue;
    lines.push({ runs, text, raw: paragraph, dates: paragraph.verbatim ? null : readDateLine(text), role: null });
  }
  const meta = initialMetadata(raw.metadata);
  if (lines.length === 0 && meta.title === null) throw new ImportError(fileName, 'empty', 'has no text to import');

  const detectedTitle = readHead(lines, meta);
  const inferred = findSections(lines, raw.format);
  if (!lines.some((l) => l.role?.kind === 'heading')) findUnnumberedSections(lines, raw.format);
  assignRemaining(lines);
  readDatesAround(lines, meta);

  const blocks = buildBlocks(lines, newId);
  const title = cleanTitle(meta.title ?? detectedTitle ?? raw.fallbackTitle ?? titleFromFileName(options.fileName));
  const document: PolicyDocument = {
    format: FORMAT_VERSION,
    title: title || 'Untitled',
    effectiveDate: meta.effectiveDate,
    lastUpdated: meta.lastUpdated,
    versionLabel: meta.versionLabel,
    owner: meta.owner,
    numbering: meta.numbering ?? inferred,
    blocks,
  };
  const checked = PolicyDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new ImportError(fileName, 'invalid', `could not be turned into a valid policy (${where} ${issue?.message ?? ''})`.replace(/\s+\)/, ')'));
  }
  return checked.data;
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata and the head of the document

function initialMetadata(m: RawMetadata | undefined): Metadata {
  return {
    title: m?.title?.trim() ? m.title.trim() : null,
    effectiveDate: m?.effectiveDate ?? null,
    lastUpdated: m?.lastUpdated ?? null,
    versionLabel: (m?.versionLabel ?? '').slice(0, 100),
    owner: (m?.owner ?? '').slice(0, 200),
    numbering: m?.numbering ?? null,
  };
}

/** Puts the dates in the metadata if none of them contradicts a date already there; false (and nothing set) if one does. */
function takeDates(dates: readonly LabelledDate[], meta: Metadata): boolean {
  const proposed: Partial<Record<LabelledDate['kind'], string>> = {};
  for (const d of dates) {
    const current = proposed[d.kind] ?? meta[d.kind];
    if (current !== null && current !== d.iso) return false;
    proposed[d.kind] = d.iso;
  }
  for (const d of dates) meta[d.kind] = d.iso;
  return true;
}

const VERSION_LINE = /^(?:version|ver\.|v\.?)\s*[:\-–—]?\s*(v?\d+(?:\.\d+){0,3}[a-z]?)\.?$/i;
// "Version: 2.1 (draft)": with the label and its colon, any short text is the version.
const LABELLED_VERSION_LINE = /^version\s*:\s*(\S.{0,99})$/i;
// "Owner: Legal & Compliance", as the DOCX and Markdown exports write a policy's owner under its title.
const OWNER_LINE = /^(?:(?:policy|document)\s+)?owner\s*:\s*(\S.{0,199})$/i;

function readHead(lines: Line[], meta: Metadata): string | null {
  let title: string | null = null;
  let titleSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.raw.verbatim || line.raw.list) break;
    if (line.dates) {
      if (!takeDates(line.dates, meta)) break;
      line.role = { kind: 'drop' };
      continue;
    }
    const version = VERSION_LINE.exec(line.text) ?? LABELLED_VERSION_LINE.exec(line.text);
    // A line repeating the version the source states (Markdown front matter) is dropped like a repeated title.
    if (version && (!meta.versionLabel || meta.versionLabel === version[1])) {
      meta.versionLabel = version[1] ?? '';
      line.role = { kind: 'drop' };
      continue;
    }
    const owner = OWNER_LINE.exec(line.text)?.[1]?.trim();
    if (owner && (!meta.owner || meta.owner === owner)) {
      meta.owner = owner;
      line.role = { kind: 'drop' };
      continue;
    }
    const known = meta.title ?? title;
    if (known !== null && sameText(line.text, known)) {
      line.role = { kind: 'drop' };
      titleSeen = true;
      continue;
    }
    if (!titleSeen && isTitleLine(lines, i)) {
      titleSeen = true;
      if (meta.title === null) {
        title = line.text.trim();
        line.role = { kind: 'drop' };
      } else {
        // The stated title differs from the one written: keep the written one as an opening paragraph.
        line.role = { kind: 'paragraph', runs: withoutMarks(line.runs, ['bold', 'underline']) };
      }
      continue;
    }
    break;
  }
  return title;
}

function isTitleLine(lines: readonly Line[], index: number): boolean {
  const line = lines[index] as Line;
  if (line.raw.isTitle) return true;
  if (line.raw.list || line.raw.verbatim || line.text.length > 300) return false;
  const marker = readMarker(line.text);
  if ((marker && isSectionKind(marker.kind)) || readTypedBullet(line.text) > 0) return false;
  const level = line.raw.headingLevel;
  if (level !== undefined) {
    // The one top heading (h1, #) of the page is its title; one of several is a section, and so is an h2.
    if (level !== 1) return false;
    for (let j = index + 1; j < lines.length; j++) {
      const other = lines[j]?.raw.headingLevel;
      if (other !== undefined && other <= level) return false;
    }
    return true;
  }
  return isHeadingLike(line.text, 12);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b) && norm(a) !== '';
}

function readDatesAround(lines: Line[], meta: Metadata): void {
  // Before the first section …
  for (const line of lines) {
    if (line.role?.kind === 'heading') break;
    if (line.dates && line.role?.kind !== 'drop' && takeDates(line.dates, meta)) line.role = { kind: 'drop' };
  }
  // … and at the very end.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (line.role?.kind === 'drop') continue;
    if (!line.dates || line.role?.kind === 'heading' || !takeDates(line.dates, meta)) break;
    line.role = { kind: 'drop' };
  }
  if (meta.effectiveDate === null) {
    for (const line of lines) {
      if (line.role?.kind === 'drop' || line.raw.verbatim) continue;
      const iso = findEffectiveDateInSentence(line.text);
      if (iso) {
        meta.effectiveDate = iso;
        break;
      }
    }
  }
}

function cleanTitle(title: string | null | undefined): string {
  return stripForbiddenCharacters(title ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300)
    .trim();
}

function titleFromFileName(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[A-Za-z0-9]{1,9}$/, '').replace(/[_]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading text

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'or', 'nor', 'but', 'of', 'the', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as',
  'into', 'onto', 'per', 'via', 'vs', 'vs.', 'v', 'v.', '&', 'de', 'la', 'le', 'du', 'des', 'et', 'und', 'der', 'die',
  'das', 'von', 'zu',
]);

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((w) => w !== '');
}

/** Short, starts with a capital or digit, and does not end like a sentence or a clause. */
export function isHeadingLike(text: string, maxWords = 15): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 160) return false;
  if (/[.,;:]$/.test(t)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘([]/u.test(t)) return false;
  if (words(t).length > maxWords) return false;
  // two sentences are not a heading
  return !/\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(t);
}

/** A run-in lead without marks: Title Case ("Questions; Contacting Us") or CAPITALS ("DEFINITIONS"). */
function isTitleCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
  const ws = words(text);
  if (ws.length === 0 || !/^[\p{Lu}\p{N}"“'‘(]/u.test(ws[0] ?? '')) return false;
  const significant = ws.filter((w) => !SMALL_WORDS.has(w.toLowerCase().replace(/[^\p{L}.&]/gu, '')));
  const capitalised = significant.filter((w) => /^["“'‘(]?[\p{Lu}\p{N}]/u.test(w));
  return significant.length > 0 && capitalised.length / significant.length >= 0.75;
}

interface RunIn {
  lead: Run[];
  body: Run[];
}

/**
 * A run-in heading at the start of `runs`: "<b>Questions; Contacting Us.</b> If you have …" (or underlined), or —
 * when `typedLeads` — "Questions; Contacting Us. If you have …" in Title Case or capitals.
 */
function findRunIn(runs: readonly Run[], typedLeads: boolean): RunIn | null {
  const text = runsText(runs);
  const emphasised = emphasisedPrefixLength(runs);
  if (emphasised > 0 && text.slice(emphasised).trim() !== '') {
    const leadText = text.slice(0, emphasised).trimEnd();
    let leadEnd = leadText.length;
    let bodyStart = emphasised;
    if (/[.:]$/.test(leadText)) {
      leadEnd -= 1;
    } else {
      const separator = /^\s*(?:[.:]|[—–]|-(?=\s))\s*/.exec(text.slice(emphasised));
      if (!separator) return null;
      bodyStart += separator[0].length;
    }
    const lead = leadText.slice(0, leadEnd).trim();
    if (lead === '' || words(lead).length > 15 || !/^[\p{Lu}\p{N}"“'‘(]/u.test(lead)) return null;
    const body = trimRuns(sliceRuns(runs, bodyStart));
    if (body.length === 0) return null;
    return { lead: trimRuns(sliceRuns(runs, 0, leadEnd)), body };
  }
  if (!typedLeads) return null;
  const m = /^(.{2,120}?)([.:])\s+(?=[\p{Lu}\p{N}"“'‘(])/u.exec(text);
  if (!m) return null;
  const lead = m[1] ?? '';
  // "U.S. Residents" and "J. Smith" do not end a lead at their initials
  if (words(lead).length > 10 || /(?:^|[\s.])\p{L}$/u.test(lead) || !isTitleCase(lead)) return null;
  const body = trimRuns(sliceRuns(runs, m[0].length));
  if (body.length === 0) return null;
  return { lead: trimRuns(sliceRuns(runs, 0, lead.length)), body };
}

function isWhollyEmphasised(runs: readonly Run[]): boolean {
  return runs.length > 0 && emphasisedPrefixLength(runs) >= runsText(runs).trimEnd().length;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections from typed numbers and heading hints

type Strength = 'hinted' | 'strong' | 'weak';

interface Candidate {
  line: Line;
  position: number; // index in lines
  kind: MarkerKind;
  path: number[];
  alternative?: { kind: MarkerKind; path: number[] };
  marker: Marker | null; // null: the number comes from the source's own list
  strength: Strength;
  title: Run[];
  body: Run[] | null;
  /** Nothing after the number: the title may be on the next line. */
  bare: boolean;
  /** A short heading-like line and nothing else: subject to the "list, not sections" rule. */
  shortOnly: boolean;
  /** Set when the candidate can never be a heading (list markers, demoted runs). */
  listOnly: boolean;
}

const TIER: Readonly<Record<MarkerKind, number>> = {
  article: 0,
  section: 1,
  sign: 1,
  decimal: 1,
  'upper-roman': 1,
  'upper-letter': 1,
  'paren-lower': 2,
  'paren-roman': 2,
  'paren-upper': 2,
  'paren-digit': 2,
  'list-lower': 3,
  'list-roman': 3,
  'list-digit': 3,
};

function candidateFor(lines: readonly Line[], position: number, format: SourceFormat): Candidate | null {
  const line = lines[position] as Line;
  if (line.role !== null || line.raw.verbatim || line.dates) return null;
  const list = line.raw.list;
  let marker: Marker | null = null;
  let rest: Run[];
  let kind: MarkerKind;
  let path: number[];
  let alternative: Candidate['alternative'];
  if (list) {
    // A numbered item whose number the source knows is read like a typed number; other list items stay list items.
    if (list.kind !== 'number' || !list.path || list.path.length === 0) return null;
    kind = 'decimal';
    path = list.path.slice();
    rest = line.runs;
  } else {
    marker = readMarker(line.text);
    if (!marker) return null;
    kind = marker.kind;
    path = marker.path;
    alternative = marker.alternative;
    rest = trimRuns(sliceRuns(line.runs, marker.length));
    if ((kind === 'article' || kind === 'section' || kind === 'sign') && /^\p{Ll}/u.test(runsText(rest))) {
      return null; // "Section 3 of this policy explains …" is a sentence
    }
  }
  const restText = runsText(rest);
  const base = { line, position, kind, path, alternative, marker };
  const titled = (title: Run[]) => withoutMarks(title, ['bold', 'underline']);
  if (line.raw.headingLevel !== undefined && !list) {
    return { ...base, strength: 'hinted', title: titled(rest), body: null, bare: restText === '', shortOnly: false, listOnly: false };
  }
  if (!list && !isSectionKind(kind)) {
    return { ...base, strength: 'weak', title: [], body: rest, bare: restText === '', shortOnly: false, listOnly: true };
  }
  if (restText === '') {
    const next = lines[position + 1];
    const titleBelow = next !== undefined && next.role === null && isPlainTitleLine(next);
    const strong = titleBelow || kind === 'article' || kind === 'section' || kind === 'sign';
    return { ...base, strength: strong ? 'strong' : 'weak', title: [], body: null, bare: true, shortOnly: false, listOnly: false };
  }
  const runIn = findRunIn(rest, format === 'text' || !hasMarks(rest));
  if (runIn) {
    return { ...base, strength: 'strong', title: titled(runIn.lead), body: runIn.body, bare: false, shortOnly: false, listOnly: false };
  }
  if (isHeadingLike(restText) || (isWhollyEmphasised(rest) && isHeadingLike(restText, 20))) {
    return { ...base, strength: 'strong', title: titled(rest), body: null, bare: false, shortOnly: true, listOnly: false };
  }
  if (list) return null; // a list item that is a sentence stays a list item
  return { ...base, strength: 'weak', title: [], body: rest, bare: false, shortOnly: false, listOnly: false };
}

function hasMarks(runs: readonly Run[]): boolean {
  return runs.some((r) => r.marks !== undefined);
}

/** A line that can be the title of the bare number above it ("ARTICLE IV" / "DEFINITIONS"). */
function isPlainTitleLine(line: Line): boolean {
  if (line.raw.list || line.raw.verbatim || line.raw.headingLevel !== undefined || line.dates) return false;
  if (readMarker(line.text) || readTypedBullet(line.text) > 0) return false;
  return isHeadingLike(line.text, 12);
}

/** Decimal-like kinds take one level per part of their number. */
function isMultiLevel(kind: MarkerKind, hasArticle: boolean): boolean {
  return kind === 'decimal' || kind === 'sign' || (kind === 'section' && !hasArticle);
}

function findSections(lines: Line[], format: SourceFormat): NumberingStyle {
  const candidates: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = candidateFor(lines, i, format);
    if (c) candidates.push(c);
  }
  resolveAmbiguousReadings(candidates);

  const hasArticle = candidates.some((c) => c.kind === 'article' && c.strength !== 'weak');
  if (hasArticle) {
    // "1.01 Definitions" in a document of Articles is a Section.
    for (const c of candidates) if (c.kind === 'decimal' && c.path.length >= 2) c.kind = 'section';
  }
  demoteListRuns(candidates);

  // Rank the kinds of the headings by tier, then by first appearance; a decimal kind takes one level per part.
  const seen = new Map<MarkerKind, { first: number; depth: number }>();
  for (const c of candidates) {
    if (c.listOnly || c.strength === 'weak' || !isSectionKind(c.kind)) continue;
    const entry = seen.get(c.kind);
    const depth = isMultiLevel(c.kind, hasArticle) ? c.path.length : 1;
    if (!entry) seen.set(c.kind, { first: c.position, depth });
    else entry.depth = Math.max(entry.depth, depth);
  }
  for (const c of candidates) {
    // untitled clauses may go deeper than the titled headings of their kind
    const entry = seen.get(c.kind);
    if (entry && c.strength === 'weak' && isMultiLevel(c.kind, hasArticle)) entry.depth = Math.max(entry.depth, c.path.length);
  }
  const order = [...seen.entries()].sort((a, b) => TIER[a[0]] - TIER[b[0]] || a[1].first - b[1].first);
  const base = new Map<MarkerKind, number>();
  let next = 1;
  for (const [kind, { depth }] of order) {
    base.set(kind, next);
    next += depth;
  }

  const hintedLevels = lines
    .filter((l) => l.role === null && l.raw.headingLevel !== undefined && !l.raw.list)
    .map((l) => l.raw.headingLevel as number);
  const shift = hintedLevels.length > 0 ? hintedLevels.reduce((a, b) => Math.min(a, b)) - 1 : 0;

  // Walk the document once, keeping the numbers of the open sections, and accept the numbers that fit.
  const open: Array<{ kind: MarkerKind | null; ordinal: number } | undefined> = [];
  const topKindsSeen = new Set<MarkerKind>();
  const byPosition = new Map<number, Candidate>(candidates.map((c) => [c.position, c]));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.role !== null) continue;
    const c = byPosition.get(i);
    if (!c) {
      if (line.raw.headingLevel !== undefined && !line.raw.list && !line.raw.verbatim) {
        const level = Math.max(1, line.raw.headingLevel - shift);
        line.role = { kind: 'heading', level, runs: withoutMarks(line.runs, ['bold', 'underline']), body: null };
        open[level] = { kind: null, ordinal: 0 };
        open.length = level + 1;
      }
      continue;
    }
    const start = base.get(c.kind);
    if (c.listOnly || start === undefined) {
      if (c.strength === 'hinted') acceptHinted(c, line, shift, open);
      continue;
    }
    const multi = isMultiLevel(c.kind, hasArticle);
    const level = start + (multi ? c.path.length - 1 : 0);
    const ordinal = c.path[c.path.length - 1] ?? 0;
    if (level > MAX_HEADING_LEVEL) continue;
    // the written prefix (2.3 in 2.3.1, the Article of Section 2.01) against the open sections
    let prefixStrict = true;
    let prefixLoose = true;
    const prefix = c.path.slice(0, -1);
    if (multi || (c.kind === 'section' && hasArticle)) {
      prefix.forEach((value, j) => {
        const at = multi ? start + j : start - 1;
        const o = open[at];
        const comparable = multi ? o?.kind === c.kind : o?.kind === 'article';
        if (!o || !comparable) prefixStrict = false;
        else if (o.ordinal !== value) prefixStrict = prefixLoose = false;
      });
    }
    const sibling = open[level];
    const siblingKnown = !sibling || sibling.kind === c.kind;
    const expected = sibling && sibling.kind === c.kind ? sibling.ordinal + 1 : 1;
    let accept: boolean;
    if (c.strength === 'hinted') accept = true;
    else if (c.strength === 'strong') accept = prefixLoose && (ordinal === expected || ordinal === expected + 1);
    else {
      const parentOpen = level === 1 ? topKindsSeen.has(c.kind) : open[level - 1] !== undefined;
      accept = prefixStrict && siblingKnown && parentOpen && ordinal === expected && !claimedLater(candidates, c);
    }
    if (!accept) continue;
    line.role = { kind: 'heading', level, runs: c.title, body: c.body, bare: c.bare };
    open[level] = { kind: c.kind, ordinal };
    open.length = level + 1;
    if (level === 1) topKindsSeen.add(c.kind);
  }

  mergeBareTitles(lines);
  numberedListHeadings(lines);
  convertTypedLists(lines, candidates);
  const top = order[0]?.[0];
  return top === undefined ? 'decimal' : styleFor(top, hasArticle);
}

/**
 * An untitled clause "2. Improve the service." is not section 2 when a titled "2. Sharing" follows before any other
 * number of that shape: the sentence was a list item that happened to count along.
 */
function claimedLater(candidates: readonly Candidate[], c: Candidate): boolean {
  const at = candidates.indexOf(c);
  for (let k = at + 1; k < candidates.length; k++) {
    const other = candidates[k] as Candidate;
    if (other.kind !== c.kind || other.path.length !== c.path.length || other.listOnly) continue;
    if (other.strength === 'weak') continue;
    return other.path.every((n, j) => n === c.path[j]);
  }
  return false;
}

function acceptHinted(c: Candidate, line: Line, shift: number, open: Array<{ kind: MarkerKind | null; ordinal: number } | undefined>): void {
  const level = Math.max(1, (line.raw.headingLevel ?? 1) - shift);
  line.role = { kind: 'heading', level, runs: c.title, body: null, bare: c.bare };
  open[level] = { kind: null, ordinal: 0 };
  open.length = level + 1;
}

function styleFor(top: MarkerKind, hasArticle: boolean): NumberingStyle {
  if (hasArticle || top === 'article') return 'article-section';
  if (top === 'sign' || top === 'section') return 'section-sign';
  if (top === 'upper-letter') return 'letter-decimal';
  return 'decimal';
}

/** "(i)", "I." and friends: a roman numeral, or the letter after (h)/H.? Decided from the neighbours. */
function resolveAmbiguousReadings(candidates: Candidate[]): void {
  const last = new Map<MarkerKind, number>();
  candidates.forEach((c, index) => {
    if (c.alternative) {
      const continues = (kind: MarkerKind, value: number | undefined) => last.has(kind) && (last.get(kind) ?? 0) + 1 === value;
      const primaryContinues = continues(c.kind, c.path[0]);
      const alternativeContinues = continues(c.alternative.kind, c.alternative.path[0]);
      let useAlternative: boolean;
      if (alternativeContinues && !primaryContinues) {
        // (h) then (i): a letter — unless (ii) comes next, which makes it the first roman numeral
        const nextSame = candidates.slice(index + 1, index + 4).find((n) => n.kind === c.kind || n.alternative?.kind === c.kind);
        useAlternative = !(nextSame && nextSame.kind === c.kind && nextSame.path[0] === 2);
      } else if (primaryContinues) {
        useAlternative = false;
      } else {
        // neither continues: the one that starts a sequence, else the letter (C. is the third letter, not 100)
        useAlternative = c.path[0] !== 1;
      }
      if (useAlternative) {
        c.kind = c.alternative.kind;
        c.path = c.alternative.path;
      }
      c.alternative = undefined;
    }
    last.set(c.kind, c.path[0] ?? 0);
    // a higher kind restarts the counting of lower ones
    for (const kind of [...last.keys()]) if (TIER[kind] > TIER[c.kind]) last.delete(kind);
  });
}

/** Two or more short numbered lines in a row with consecutive numbers are a list (or a table of contents). */
function demoteListRuns(candidates: Candidate[]): void {
  let i = 0;
  while (i < candidates.length) {
    let j = i;
    while (j + 1 < candidates.length) {
      const a = candidates[j] as Candidate;
      const b = candidates[j + 1] as Candidate;
      const adjacent = b.position === a.position + 1;
      const sameShape = a.kind === b.kind && a.path.length === b.path.length;
      const counts = (b.path[b.path.length - 1] ?? 0) === (a.path[a.path.length - 1] ?? 0) + 1;
      if (!(adjacent && sameShape && counts && a.shortOnly && b.shortOnly && a.strength === 'strong' && b.strength === 'strong')) break;
      j++;
    }
    if (j > i) for (let k = i; k <= j; k++) (candidates[k] as Candidate).listOnly = true;
    i = j + 1;
  }
}

/** "ARTICLE IV" on one line and "DEFINITIONS" on the next make one heading. */
function mergeBareTitles(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const role = lines[i]?.role;
    if (role?.kind !== 'heading' || !role.bare || role.runs.length > 0) continue;
    const next = lines[i + 1];
    if (next && next.role === null && isPlainTitleLine(next)) {
      role.runs = withoutMarks(next.runs, ['bold', 'underline']);
      next.role = { kind: 'drop' };
    }
  }
}

/**
 * Word lists lose their numbers in mammoth: in a document without heading styles, numbered list items that are
 * wholly bold and read like a heading, or start with a bold run-in heading, are headings at their list level.
 */
function numberedListHeadings(lines: Line[]): void {
  if (lines.some((l) => l.raw.headingLevel !== undefined && l.role?.kind === 'heading')) return;
  const found: Array<{ line: Line; role: Role }> = [];
  for (const line of lines) {
    const list = line.raw.list;
    if (line.role !== null || !list || list.kind !== 'number' || list.path) continue;
    const level = Math.min(list.indent + 1, MAX_HEADING_LEVEL);
    if (isWhollyEmphasised(line.runs) && isHeadingLike(line.text, 20)) {
      found.push({ line, role: { kind: 'heading', level, runs: withoutMarks(line.runs, ['bold', 'underline']), body: null } });
      continue;
    }
    const runIn = findRunIn(line.runs, false);
    if (runIn) found.push({ line, role: { kind: 'heading', level, runs: withoutMarks(runIn.lead, ['bold', 'underline']), body: runIn.body } });
  }
  if (found.length >= 2) for (const { line, role } of found) line.role = role;
}

/**
 * Typed numbers that are not section numbers: numbered list items (number removed) when two or more stand together
 * and count up from 1 or continue; otherwise the paragraph stays as typed.
 */
function convertTypedLists(lines: Line[], candidates: readonly Candidate[]): void {
  const byPosition = new Map<number, Candidate>(candidates.map((c) => [c.position, c]));
  let i = 0;
  while (i < lines.length) {
    const group: Candidate[] = [];
    for (let j = i; j < lines.length; j++) {
      const c = byPosition.get(j);
      if (!c || c.marker === null || lines[j]?.role !== null) break;
      group.push(c);
    }
    if (group.length === 0) {
      i++;
      continue;
    }
    i += group.length;
    if (group.length < 2) continue;
    const last = new Map<MarkerKind, number>();
    const stack: MarkerKind[] = [];
    let counts = true;
    const indents: number[] = [];
    for (const c of group) {
      const ordinal = c.path[c.path.length - 1] ?? 0;
      const at = stack.indexOf(c.kind);
      if (at === -1) {
        stack.push(c.kind);
        if (ordinal !== 1) counts = false;
      } else {
        // back out to this kind: the deeper ones start again next time
        for (const dropped of stack.splice(at + 1)) last.delete(dropped);
        if (ordinal !== 1 && ordinal !== (last.get(c.kind) ?? 0) + 1) counts = false;
      }
      last.set(c.kind, ordinal);
      indents.push(Math.min(stack.indexOf(c.kind), MAX_LIST_INDENT));
    }
    if (!counts) continue;
    group.forEach((c, k) => {
      const runs = trimRuns(sliceRuns(c.line.runs, c.marker?.length ?? 0));
      c.line.role = { kind: 'list-item', list: 'number', indent: indents[k] ?? 0, runs };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Unnumbered sections (fallback) and everything else

function findUnnumberedSections(lines: Line[], format: SourceFormat): void {
  const found: Array<{ line: Line; role: Role }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.role !== null || line.raw.list || line.raw.verbatim || line.dates) continue;
    if (readMarker(line.text) || readTypedBullet(line.text) > 0) continue;
    if (format !== 'text') {
      if (isWhollyEmphasised(line.runs) && isHeadingLike(line.text, 12)) {
        found.push({ line, role: { kind: 'heading', level: 1, runs: withoutMarks(line.runs, ['bold', 'underline']), body: null } });
        continue;
      }
      const runIn = findRunIn(line.runs, false);
      if (runIn && words(runsText(runIn.lead)).length <= 10) {
        found.push({ line, role: { kind: 'heading', level: 1, runs: withoutMarks(runIn.lead, ['bold', 'underline']), body: runIn.body } });
      }
      continue;
    }
    const next = lines[i + 1];
    if (
      isHeadingLike(line.text, 10) &&
      isTitleCase(line.text) &&
      next !== undefined &&
      next.role === null &&
      !next.raw.verbatim &&
      next.text.length > line.text.length &&
      !(isHeadingLike(next.text, 10) && isTitleCase(next.text))
    ) {
      found.push({ line, role: { kind: 'heading', level: 1, runs: line.runs, body: null } });
    }
  }
  if (found.length >= 2) for (const { line, role } of found) line.role = role;
}

function assignRemaining(lines: Line[]): void {
  // Typed bullets, nested by their leading spaces within each group of bullet lines.
  let group: Array<{ line: Line; cut: number }> = [];
  const flush = () => {
    const columns = [...new Set(group.map((g) => g.line.raw.indentColumns ?? 0))].sort((a, b) => a - b);
    for (const { line, cut } of group) {
      const indent = Math.min(columns.indexOf(line.raw.indentColumns ?? 0), MAX_LIST_INDENT);
      line.role = { kind: 'list-item', list: 'bullet', indent, runs: trimRuns(sliceRuns(line.runs, cut)) };
    }
    group = [];
  };
  for (const line of lines) {
    const cut = line.role === null && !line.raw.list && !line.raw.verbatim ? readTypedBullet(line.text) : 0;
    if (cut > 0) group.push({ line, cut });
    else flush();
  }
  flush();
  for (const line of lines) {
    if (line.role !== null) continue;
    const list = line.raw.list;
    line.role = list
      ? { kind: 'list-item', list: list.kind, indent: Math.min(Math.max(list.indent, 0), MAX_LIST_INDENT), runs: line.runs }
      : { kind: 'paragraph', runs: line.runs };
  }
}

function buildBlocks(lines: readonly Line[], newId: () => string): Block[] {
  const blocks: Block[] = [];
  // Heading levels as the app numbers them: never more than one below the heading before.
  const stack: Array<{ raw: number; depth: number }> = [];
  for (const line of lines) {
    const role = line.role;
    if (!role || role.kind === 'drop') continue;
    if (role.kind === 'heading') {
      while (stack.length > 0 && (stack[stack.length - 1]?.raw ?? 0) >= role.level) stack.pop();
      const depth = Math.min((stack[stack.length - 1]?.depth ?? 0) + 1, MAX_HEADING_LEVEL);
      stack.push({ raw: role.level, depth });
      blocks.push({ kind: 'heading', id: newId(), level: depth, runs: trimRuns(role.runs) });
      if (role.body && role.body.length > 0) blocks.push({ kind: 'paragraph', runs: role.body });
    } else if (role.kind === 'list-item') {
      if (role.runs.length > 0) blocks.push({ kind: 'list-item', list: role.list, indent: role.indent, runs: role.runs });
    } else if (role.runs.length > 0) {
      blocks.push({ kind: 'paragraph', runs: role.runs });
    }
  }
  return blocks;
}
