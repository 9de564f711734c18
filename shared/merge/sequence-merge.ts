import diffSequences from '@jest/diff-sequences';

/** One side's change to the base: the base items [start, end) gave way to `items` (an insertion when start = end). */
export interface Hunk<T> {
  readonly start: number;
  readonly end: number;
  readonly items: readonly T[];
}

/** Where both sides changed the same stretch of the base differently: what each made of base [start, end). */
export interface SequenceConflict<T> {
  readonly start: number;
  readonly end: number;
  readonly base: readonly T[];
  readonly mine: readonly T[];
  readonly theirs: readonly T[];
}

export interface SequenceMerge<T> {
  /** Both sides' changes applied; where they conflict, mine stands in, so nothing of mine is lost while undecided. */
  readonly items: T[];
  readonly conflicts: SequenceConflict<T>[];
}

/** The changes that turn `base` into `side`, by equal keys (the longest common subsequence, Myers' algorithm). */
export function hunksOf<T>(base: readonly T[], side: readonly T[], key: (item: T) => string): Hunk<T>[] {
  const baseKeys = base.map(key);
  const sideKeys = side.map(key);
  const hunks: Hunk<T>[] = [];
  let b = 0;
  let s = 0;
  const gap = (bEnd: number, sEnd: number) => {
    if (bEnd > b || sEnd > s) hunks.push({ start: b, end: bEnd, items: side.slice(s, sEnd) });
  };
  diffSequences(
    baseKeys.length,
    sideKeys.length,
    (i, j) => baseKeys[i] === sideKeys[j],
    (length, bCommon, sCommon) => {
      gap(bCommon, sCommon);
      b = bCommon + length;
      s = sCommon + length;
    },
  );
  gap(baseKeys.length, sideKeys.length);
  return hunks;
}

/**
 * Two hunks touch the same base: their ranges share an item, or both insert at one place, or one inserts strictly
 * inside what the other replaced. Hunks that only meet at an edge (one ends where the other starts) do not: two
 * people changing neighbouring paragraphs is no conflict.
 */
function overlap<T>(x: Hunk<T>, y: Hunk<T>): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  if (x.start === x.end) return y.start < x.start && x.start < y.end;
  if (y.start === y.end) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

function sameItems<T>(x: readonly T[], y: readonly T[], key: (item: T) => string): boolean {
  return x.length === y.length && x.every((item, i) => key(item) === key(y[i] as T));
}

/**
 * A three-way merge of sequences (paragraphs of a section, sections of a document): each side's hunks against the
 * base are applied together; a group of overlapping hunks from both sides is a conflict unless both made the same
 * change. Never picks one side's change over the other's silently. With `insertionsCommute`, two sides inserting
 * different items at one place is no conflict: both are kept, mine first. With `mergeItem`, a stretch both sides
 * replaced item for item (as many items on each side as in the base: each side edited those items in place) merges
 * item by item, each item changed by both merged by `mergeItem` (null: it cannot be, and the stretch is a conflict);
 * a table both sides edited is one such item (merge-documents.ts).
 */
export function mergeSequences<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  options: { insertionsCommute?: boolean; mergeItem?: (base: T, mine: T, theirs: T) => T | null } = {},
): SequenceMerge<T> {
  const tagged = [
    ...hunksOf(base, mine, key).map((hunk) => ({ hunk, side: 'mine' as const })),
    ...hunksOf(base, theirs, key).map((hunk) => ({ hunk, side: 'theirs' as const })),
  ].sort((x, y) => x.hunk.start - y.hunk.start || x.hunk.end - y.hunk.end);

  const items: T[] = [];
  const conflicts: SequenceConflict<T>[] = [];
  let at = 0; // how much of the base is written
  let i = 0;
  while (i < tagged.length) {
    // A group: hunks that overlap one another, transitively.
    const group = [tagged[i++] as (typeof tagged)[number]];
    let start = group[0]?.hunk.start ?? 0;
    let end = group[0]?.hunk.end ?? 0;
    while (i < tagged.length) {
      const next = tagged[i] as (typeof tagged)[number];
      if (!group.some((member) => overlap(member.hunk, next.hunk))) break;
      group.push(next);
      start = Math.min(start, next.hunk.start);
      end = Math.max(end, next.hunk.end);
      i++;
    }
    items.push(...base.slice(at, start));
    at = end;
    const mineHunks = group.filter((member) => member.side === 'mine').map((member) => member.hunk);
    const theirHunks = group.filter((member) => member.side === 'theirs').map((member) => member.hunk);
    const mineResult = applyWithin(base, start, end, mineHunks);
    if (mineHunks.length === 0 || theirHunks.length === 0) {
      items.push(...(theirHunks.length === 0 ? mineResult : applyWithin(base, start, end, theirHunks)));
      continue;
    }
    const theirResult = applyWithin(base, start, end, theirHunks);
    if (options.insertionsCommute && start === end && !theirResult.some((item) => mineResult.some((other) => key(other) === key(item)))) {
      // Two new things at one place (two people each adding a section at the end): both, mine first.
      items.push(...mineResult, ...theirResult);
      continue;
    }
    const inPlace = options.mergeItem ? mergeInPlace(base.slice(start, end), mineResult, theirResult, key, options.mergeItem) : null;
    if (inPlace) {
      items.push(...inPlace);
      continue;
    }
    items.push(...mineResult);
    if (!sameItems(mineResult, theirResult, key)) {
      conflicts.push({ start, end, base: base.slice(start, end), mine: mineResult, theirs: theirResult });
    }
  }
  items.push(...base.slice(at));
  return { items, conflicts };
}

/** What one side made of base [start, end), from its hunks inside that stretch (in order, not overlapping). */
function applyWithin<T>(base: readonly T[], start: number, end: number, hunks: readonly Hunk<T>[]): T[] {
  const result: T[] = [];
  let at = start;
  for (const hunk of hunks) {
    result.push(...base.slice(at, hunk.start), ...hunk.items);
    at = hunk.end;
  }
  result.push(...base.slice(at, end));
  return result;
}

/** Three stretches of one length merged item by item, or null when one item changed by both cannot be merged. */
function mergeInPlace<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[], key: (item: T) => string, mergeItem: (base: T, mine: T, theirs: T) => T | null): T[] | null {
  if (base.length === 0 || mine.length !== base.length || theirs.length !== base.length) return null;
  const out: T[] = [];
  for (let i = 0; i < base.length; i++) {
    const [b, m, t] = [base[i] as T, mine[i] as T, theirs[i] as T];
    const [kb, km, kt] = [key(b), key(m), key(t)];
    if (km === kt || kt === kb) out.push(m);
    else if (km === kb) out.push(t);
    else {
      const merged = mergeItem(b, m, t);
      if (merged === null) return null;
      out.push(merged);
    }
  }
  return out;
}
