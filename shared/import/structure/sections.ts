/**
 * The TYPED NUMBERS stage, second half: the kinds of number are ranked into levels, and one walk through the document
 * accepts the candidates that fit the sections open at that point. Then bare numbers take the title below them, and
 * numbered Word list items that read like headings become headings.
 */
import { MAX_HEADING_LEVEL, type NumberingStyle } from '../../model/document';
import { isSectionKind, type MarkerKind } from '../markers';
import type { SourceFormat } from '../raw';
import { withoutMarks } from '../runs';
import { candidateFor, claimedLater, demoteListRuns, resolveAmbiguousReadings, TIER, type Candidate } from './candidates';
import { convertTypedLists } from './lists';
import { findRunIn, isHeadingLike, isPlainTitleLine, isWhollyEmphasised } from './reading';
import type { Line, Role } from './types';

/** Decimal-like kinds take one level per part of their number. */
function isMultiLevel(kind: MarkerKind, hasArticle: boolean): boolean {
  return kind === 'decimal' || kind === 'sign' || kind === 'clause' || (kind === 'section' && !hasArticle);
}

export function findSections(lines: Line[], format: SourceFormat): NumberingStyle {
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
  demoteListRuns(candidates, lines);

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
  // The headings that carry a number of their own (typed, or of the source's list).
  const typed = new Set<Line>();
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
      if (c.strength === 'hinted') {
        acceptHinted(c, line, shift, open);
        typed.add(line);
      }
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
    typed.add(line);
    line.role = { kind: 'heading', level, runs: c.title, body: c.body, bare: c.bare };
    open[level] = { kind: c.kind, ordinal };
    open.length = level + 1;
    if (level === 1) topKindsSeen.add(c.kind);
  }

  mergeBareTitles(lines);
  markUnnumbered(lines, typed);
  numberedListHeadings(lines);
  convertTypedLists(lines, candidates);
  const top = order[0]?.[0];
  return top === undefined ? 'decimal' : styleFor(top, hasArticle);
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

/**
 * Among headings that carry typed numbers, a heading without one ("Summary" before "A. Definitions", "Overview" before
 * "1. Scope") takes no number, as in the source: numbered, it would push every letter or number after it one on, and
 * the policy's own references ("see Section D.4") would point at the wrong section. One typed number is not yet a
 * numbering scheme (a heading "1. Introduction" alone may be a slip).
 */
function markUnnumbered(lines: Line[], typed: ReadonlySet<Line>): void {
  if (typed.size < 2) return;
  for (const line of lines) if (line.role?.kind === 'heading' && !typed.has(line)) line.role.unnumbered = true;
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
