/**
 * The TYPED NUMBERS stage, first half: each line that opens with a number (typed, or known to a source list) becomes a
 * candidate section number of some strength; ambiguous readings are settled and runs of short lines demoted to lists.
 */
import type { Run } from '../../model/document';
import { isSectionKind, readMarker, type Marker, type MarkerKind } from '../markers';
import type { SourceFormat } from '../raw';
import { runsText, sliceRuns, trimRuns, withoutMarks } from '../runs';
import { findRunIn, hasMarks, isHeadingLike, isPlainTitleLine, isWhollyEmphasised } from './reading';
import type { Line } from './types';

export type Strength = 'hinted' | 'strong' | 'weak';

export interface Candidate {
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

export const TIER: Readonly<Record<MarkerKind, number>> = {
  article: 0,
  section: 1,
  sign: 1,
  clause: 1,
  decimal: 1,
  'upper-roman': 1,
  'upper-letter': 1,
  'paren-lower': 2,
  'paren-roman': 2,
  'paren-upper': 2,
  'paren-digit': 2,
  // "Subsection 2" sits below the numbered sections and "Paragraph 3" below it, above the (a)/(i) sub-clauses.
  subsection: 2,
  paragraph: 2,
  'list-lower': 3,
  'list-roman': 3,
  'list-digit': 3,
};

export function candidateFor(lines: readonly Line[], position: number, format: SourceFormat): Candidate | null {
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
    if (isWordKind(kind) && /^\p{Ll}/u.test(runsText(rest))) {
      return null; // "Section 3 of this policy explains …", "paragraph 2 applies" are sentences
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
    const strong = titleBelow || isWordKind(kind);
    return { ...base, strength: strong ? 'strong' : 'weak', title: [], body: null, bare: true, shortOnly: false, listOnly: false };
  }
  const runIn = findRunIn(rest, format === 'text' || !hasMarks(rest));
  if (runIn) {
    return { ...base, strength: 'strong', title: titled(runIn.lead), body: runIn.body, bare: false, shortOnly: false, listOnly: false };
  }
  if (isHeadingLike(restText) || (isWhollyEmphasised(rest) && isHeadingLike(restText, 20))) {
    return { ...base, strength: 'strong', title: titled(rest), body: null, bare: false, shortOnly: true, listOnly: false };
  }
  // "9. Disclaimer." all in bold: a heading that closes with a full stop, as contracts write them; the stop goes.
  const stopped = /^(.*?)\s*\.$/su.exec(restText)?.[1] ?? '';
  if (!list && isWhollyEmphasised(rest) && !stopped.endsWith('.') && isHeadingLike(stopped, 12)) {
    return { ...base, strength: 'strong', title: titled(trimRuns(sliceRuns(rest, 0, stopped.length))), body: null, bare: false, shortOnly: true, listOnly: false };
  }
  if (list) return null; // a list item that is a sentence stays a list item
  return { ...base, strength: 'weak', title: [], body: rest, bare: false, shortOnly: false, listOnly: false };
}

/** Numbers written with their word ("Article IV", "Section 2", "§ 3", "Clause 4", "Subsection 2", "Paragraph 3"). */
function isWordKind(kind: MarkerKind): boolean {
  return kind === 'article' || kind === 'section' || kind === 'sign' || kind === 'clause' || kind === 'subsection' || kind === 'paragraph';
}

/**
 * An untitled clause "2. Improve the service." is not section 2 when a titled "2. Sharing" follows before any other
 * number of that shape: the sentence was a list item that happened to count along.
 */
export function claimedLater(candidates: readonly Candidate[], c: Candidate): boolean {
  const at = candidates.indexOf(c);
  for (let k = at + 1; k < candidates.length; k++) {
    const other = candidates[k] as Candidate;
    if (other.kind !== c.kind || other.path.length !== c.path.length || other.listOnly) continue;
    if (other.strength === 'weak') continue;
    return other.path.every((n, j) => n === c.path[j]);
  }
  return false;
}

/** "(i)", "I." and friends: a roman numeral, or the letter after (h)/H.? Decided from the neighbours. */
export function resolveAmbiguousReadings(candidates: Candidate[]): void {
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

/**
 * Two or more short numbered lines in a row with consecutive numbers are a list (or a table of contents). So are two or
 * more short items of one list of the source (a Markdown or HTML list, its nested items between them): "1. Use
 * equipment for work / 1. Personal use … / 2. Keep software up to date" is a list, not sections.
 */
export function demoteListRuns(candidates: Candidate[], lines: readonly Line[]): void {
  demoteSourceLists(candidates, lines);
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

function demoteSourceLists(candidates: Candidate[], lines: readonly Line[]): void {
  // Each source-list candidate under the position where its run of list lines starts.
  const byList = new Map<number, Candidate[]>();
  let start = -1;
  const byPosition = new Map(candidates.map((c) => [c.position, c]));
  lines.forEach((line, i) => {
    if (!line.raw.list) {
      start = -1;
      return;
    }
    if (start === -1) start = i;
    const c = byPosition.get(i);
    if (c && c.marker === null && c.shortOnly && c.strength === 'strong') byList.set(start, [...(byList.get(start) ?? []), c]);
  });
  for (const group of byList.values()) if (group.length >= 2) for (const c of group) c.listOnly = true;
}
