import { allRuns } from '../model/block-runs';
import type { MatchedBy } from './types';
import type { Segment } from './segments';

export interface Match {
  readonly old: number;
  readonly new: number;
  readonly by: MatchedBy;
}

/** Below this share of common words, two sections are different sections, whatever their position. */
const MIN_SIMILARITY = 0.5;
/** Words found in more sections than this say little about which section is which, and would make the index slow. */
const MAX_WORD_SPREAD = 40;

/**
 * Pairs the sections of two editions. Stable ids first: they survive edits, moves and renumbering. Where ids are not
 * shared (an import, a file from outside), a title found once on each side, then the share of common words.
 */
export function alignSegments(oldSegments: readonly Segment[], newSegments: readonly Segment[]): Match[] {
  // Plain loops and a state object, no closures: V8 drops a closure's optimised code at each full collection once the
  // compare that made it is over (similarPairs keeps its closures: it runs only for sections whose ids differ).
  const taken: Taken = { matches: [], old: new Set(), new: new Set() };
  const newById = new Map<string, number>();
  for (const segment of newSegments) newById.set(segment.id, segment.index);
  for (const segment of oldSegments) {
    const other = newById.get(segment.id);
    if (other !== undefined) take(taken, segment.index, other, 'id');
  }
  // Every section of one edition paired by id: no title or content is left on that side to pair (the usual compare).
  if (taken.old.size === oldSegments.length || taken.new.size === newSegments.length) return taken.matches.sort(byNewIndex);

  const oldByTitle = uniqueTitles(oldSegments, taken.old);
  const newByTitle = uniqueTitles(newSegments, taken.new);
  for (const [title, o] of oldByTitle) {
    const n = newByTitle.get(title);
    if (n !== undefined) take(taken, o, n, 'title');
  }

  for (const [o, n] of similarPairs(untaken(oldSegments, taken.old), untaken(newSegments, taken.new))) take(taken, o, n, 'content');
  return taken.matches.sort(byNewIndex);
}

/** The pairs made so far, and the sections of each edition already in one. */
interface Taken {
  readonly matches: Match[];
  readonly old: Set<number>;
  readonly new: Set<number>;
}

function take(taken: Taken, o: number, n: number, by: MatchedBy): void {
  taken.matches.push({ old: o, new: n, by });
  taken.old.add(o);
  taken.new.add(n);
}

function untaken(segments: readonly Segment[], taken: ReadonlySet<number>): Segment[] {
  const left: Segment[] = [];
  for (const segment of segments) if (!taken.has(segment.index)) left.push(segment);
  return left;
}

function byNewIndex(x: Match, y: Match): number {
  return x.new - y.new;
}

function normalizeTitle(title: string): string {
  // Typed numbers ("3.2", "Article IV", "§ 5") come from imports and say nothing about which section this is.
  return title
    .toLowerCase()
    .replace(/^\s*(?:(?:article|section|clause)\s+(?:[ivxlc]+|\d+(?:\.\d+)*)[.):]?|§+\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)*[.):]?|(?:[ivxlc]+|[a-z])[.)])\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function uniqueTitles(segments: readonly Segment[], taken: ReadonlySet<number>): Map<string, number> {
  const byTitle = new Map<string, number>();
  const repeated = new Set<string>();
  for (const segment of segments) {
    if (taken.has(segment.index) || segment.depth === 0) continue;
    const title = normalizeTitle(segment.title);
    if (title === '') continue;
    if (byTitle.has(title)) repeated.add(title);
    byTitle.set(title, segment.index);
  }
  for (const title of repeated) byTitle.delete(title);
  return byTitle;
}

/** Greedy best-first pairing by the Dice coefficient of the two sections' word sets, through an index of telling words. */
function similarPairs(oldSegments: readonly Segment[], newSegments: readonly Segment[]): Array<[number, number]> {
  if (oldSegments.length === 0 || newSegments.length === 0) return [];
  const newWords = newSegments.map((segment) => wordSet(segment));
  const index = new Map<string, number[]>();
  newWords.forEach((words, position) => {
    for (const word of words) {
      const list = index.get(word);
      if (list) list.push(position);
      else index.set(word, [position]);
    }
  });

  const candidates: Array<{ score: number; old: number; new: number }> = [];
  for (const segment of oldSegments) {
    const words = wordSet(segment);
    const shared = new Map<number, number>();
    for (const word of words) {
      const list = index.get(word);
      if (!list || list.length > MAX_WORD_SPREAD) continue;
      for (const position of list) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
    for (const position of shared.keys()) {
      const other = newWords[position];
      const newSegment = newSegments[position];
      if (!other || !newSegment || segment.depth === 0 !== (newSegment.depth === 0)) continue;
      const score = dice(words, other);
      if (score >= MIN_SIMILARITY) candidates.push({ score, old: segment.index, new: newSegment.index });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.old - y.old || x.new - y.new);
  const oldUsed = new Set<number>();
  const newUsed = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { old, new: n } of candidates) {
    if (oldUsed.has(old) || newUsed.has(n)) continue;
    oldUsed.add(old);
    newUsed.add(n);
    pairs.push([old, n]);
  }
  return pairs;
}

function wordSet(segment: Segment): Set<string> {
  const words = new Set<string>();
  for (const block of segment.blocks) {
    for (const run of allRuns(block)) {
      for (const word of run.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
    }
  }
  return words;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}
