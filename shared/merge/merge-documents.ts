import type { Block, Note, PolicyDocument, Run } from '../model/document';
import { blockKey } from './block-key';
import { mergeNotes, notesMarkedBy } from './note-merge';
import { mergeBlock } from './table-merge';
import { PREAMBLE, blocksOf, sectionsOf, type MergeSection } from './sections';
import { mergeSequences } from './sequence-merge';

/** The details of a document besides its sections, merged one by one. */
export const DETAIL_FIELDS = ['title', 'effectiveDate', 'lastUpdated', 'versionLabel', 'owner', 'numbering'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number] | 'language';

/**
 * Where the two sides could not both be kept, by section: its blocks (heading and body) in the common base, mine and
 * theirs; null where that side has no such section.
 * - `both-edited`: the same paragraph (or the heading's same property) changed differently on both sides;
 * - `deleted-by-me` / `deleted-by-them`: one side deleted the section, the other changed it;
 * - `both-added`: both sides added a section with one id and different content.
 */
export interface SectionConflict {
  readonly kind: 'both-edited' | 'deleted-by-me' | 'deleted-by-them' | 'both-added';
  /** The section's stable id, or "preamble" for the text before the first heading. */
  readonly key: string;
  readonly base: readonly Block[] | null;
  readonly mine: readonly Block[] | null;
  readonly theirs: readonly Block[] | null;
  /**
   * The footnotes the three sides' blocks mark, each as the side that has it holds it (mine's where both do): taking
   * a side's text brings its notes back with it (resolve-conflicts.ts). Absent when no side marks a note there.
   */
  readonly notes?: readonly Note[];
}

/**
 * A footnote's text changed differently on both sides (notes merge by id): its text in the base, mine and theirs. The
 * merged document holds mine meanwhile.
 */
export interface NoteConflict {
  readonly kind: 'note';
  readonly id: string;
  readonly base: readonly Run[] | null;
  readonly mine: readonly Run[] | null;
  readonly theirs: readonly Run[] | null;
}

/** Both sides moved, added or removed sections in the same stretch of the outline, differently (section keys). */
export interface OrderConflict {
  readonly kind: 'order';
  readonly base: readonly string[];
  readonly mine: readonly string[];
  readonly theirs: readonly string[];
}

export interface DetailConflict {
  readonly kind: 'detail';
  readonly field: DetailField;
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
}

export type MergeConflict = SectionConflict | OrderConflict | DetailConflict | NoteConflict;

export interface DocumentMerge {
  /**
   * Both sides' changes; where they conflict, the merged document holds a side's text so that nothing is lost while
   * the conflict is open: mine, or for a section one side deleted, the side that kept (and changed) it.
   */
  readonly merged: PolicyDocument;
  readonly conflicts: MergeConflict[];
}

/**
 * The three-way merge of two editions of a document that share `base`: by section (stable ids) and, inside a section,
 * by paragraph, never by line of the file. Changes to different sections, or different paragraphs of one section,
 * merge without a question; the same paragraph changed by both, or a section deleted by one and changed by the
 * other, is a conflict, never a silent pick. A table is one paragraph of its section whose cells merge one by one
 * (table-merge.ts); footnotes merge by id, each note's text as a whole (note-merge.ts).
 */
export function mergeDocuments(base: PolicyDocument, mine: PolicyDocument, theirs: PolicyDocument): DocumentMerge {
  const conflicts: MergeConflict[] = [];
  const details = {} as Pick<PolicyDocument, DetailField>;
  for (const field of DETAIL_FIELDS) {
    const value = mergeValue(base[field], mine[field], theirs[field]);
    if (value.conflict) conflicts.push({ kind: 'detail', field, base: base[field], mine: mine[field], theirs: theirs[field] });
    Object.assign(details, { [field]: value.value });
  }

  // The language, absent in older files, merges like the other details (absent is English, no change).
  const language = mergeBy(base.language ?? null, mine.language ?? null, theirs.language ?? null, (value) => value ?? '');
  if (language.conflict) conflicts.push({ kind: 'detail', field: 'language', base: base.language ?? null, mine: mine.language ?? null, theirs: theirs.language ?? null });

  const b = sectionsOf(base);
  const m = sectionsOf(mine);
  const t = sectionsOf(theirs);
  const order = mergeSequences(b.order, m.order, t.order, (key) => key, { insertionsCommute: true });
  for (const conflict of order.conflicts) conflicts.push({ kind: 'order', base: conflict.base, mine: conflict.mine, theirs: conflict.theirs });
  const keys = withoutRepeats(order.items, m.order, conflicts);

  const merged = new Map<string, MergeSection>();
  const placed = new Set(keys);
  const keep = (key: string, section: MergeSection, sideOrder: readonly string[]) => {
    merged.set(key, section);
    if (!placed.has(key)) placeAfterPredecessor(keys, key, sideOrder);
  };
  for (const key of new Set([...b.order, ...m.order, ...t.order])) {
    const [inBase, inMine, inTheirs] = [b.byKey.get(key), m.byKey.get(key), t.byKey.get(key)];
    const blocks = (section: MergeSection | undefined) => (section ? blocksOf(section) : null);
    const conflict = (kind: SectionConflict['kind']) => {
      const sides = { base: blocks(inBase), mine: blocks(inMine), theirs: blocks(inTheirs) };
      const notes = notesMarkedBy([sides.mine, sides.theirs, sides.base], [mine, theirs, base]);
      conflicts.push({ kind, key, ...sides, ...(notes.length > 0 ? { notes } : {}) });
    };
    if (inMine && inTheirs) {
      const section = inBase ? mergeSection(inBase, inMine, inTheirs) : sameSection(inMine, inTheirs) ? { section: inMine, conflict: false } : { section: inMine, conflict: true };
      if (section.conflict) conflict(inBase ? 'both-edited' : 'both-added');
      keep(key, section.section, m.order);
    } else if (inMine || inTheirs) {
      const kept = (inMine ?? inTheirs) as MergeSection;
      const keptOrder = inMine ? m.order : t.order;
      if (!inBase) keep(key, kept, keptOrder);
      else if (!sameSection(inBase, kept)) {
        // Deleted on one side, changed on the other: the changed text stays until a person decides.
        conflict(inMine ? 'deleted-by-them' : 'deleted-by-me');
        keep(key, kept, keptOrder);
      } else removeKey(keys, key);
    } else removeKey(keys, key);
  }

  // Text before the first heading is the preamble wherever the outline's merge put its key.
  if (keys.includes(PREAMBLE)) keys.unshift(...keys.splice(keys.indexOf(PREAMBLE), 1));
  const blocks = keys.flatMap((key) => {
    const section = merged.get(key);
    return section ? blocksOf(section) : [];
  });
  const notes = mergeNotes(blocks, base, mine, theirs);
  conflicts.push(...notes.conflicts);
  const { language: _mine, notes: _notes, ...rest } = mine;
  return {
    merged: { ...rest, ...details, ...(language.value ? { language: language.value } : {}), blocks, ...(notes.notes.length > 0 ? { notes: notes.notes } : {}) },
    conflicts,
  };
}

function mergeSection(base: MergeSection, mine: MergeSection, theirs: MergeSection): { section: MergeSection; conflict: boolean } {
  // Most sections were changed by one side at most.
  if (sameSection(base, mine)) return { section: theirs, conflict: false };
  if (sameSection(base, theirs) || sameSection(mine, theirs)) return { section: mine, conflict: false };
  let conflict = false;
  let heading: Block | null = mine.heading;
  if (base.heading && mine.heading && theirs.heading) {
    const merged = mergeHeading(base.heading, mine.heading, theirs.heading);
    heading = merged.heading;
    conflict = merged.conflict;
  }
  const body = mergeSequences(base.body, mine.body, theirs.body, blockKey, { mergeItem: mergeBlock });
  return { section: { key: mine.key, heading, body: body.items }, conflict: conflict || body.conflicts.length > 0 };
}

/** A heading's level, words and clause link merge apart: one person renaming a section and another demoting it agree. */
function mergeHeading(base: Block, mine: Block, theirs: Block): { heading: Block; conflict: boolean } {
  if (base.kind !== 'heading' || mine.kind !== 'heading' || theirs.kind !== 'heading') return { heading: mine, conflict: false };
  const level = mergeValue(base.level, mine.level, theirs.level);
  const runs = mergeBy(base.runs, mine.runs, theirs.runs, (runs) => JSON.stringify(blockKey({ ...base, runs })));
  const clause = mergeBy(base.clause, mine.clause, theirs.clause, (use) => JSON.stringify(use ?? null));
  // whether it takes a number merges on its own too: one person renaming a section, another unnumbering it, agree
  const unnumbered = mergeBy(base.unnumbered ?? false, mine.unnumbered ?? false, theirs.unnumbered ?? false, String);
  const heading: Block = { ...mine, level: level.value, runs: runs.value, ...(clause.value ? { clause: clause.value } : {}) };
  if (!clause.value) delete (heading as { clause?: unknown }).clause;
  if (unnumbered.value) heading.unnumbered = true;
  else delete heading.unnumbered;
  return { heading, conflict: level.conflict || runs.conflict || clause.conflict || unnumbered.conflict };
}

function mergeValue<T extends string | number | null>(base: T, mine: T, theirs: T): { value: T; conflict: boolean } {
  return mergeBy(base, mine, theirs, (value) => String(value));
}

function mergeBy<T>(base: T, mine: T, theirs: T, key: (value: T) => string): { value: T; conflict: boolean } {
  const [b, m, t] = [key(base), key(mine), key(theirs)];
  if (m === t || t === b) return { value: mine, conflict: false };
  if (m === b) return { value: theirs, conflict: false };
  return { value: mine, conflict: true };
}

function sameSection(x: MergeSection, y: MergeSection): boolean {
  const xs = blocksOf(x);
  const ys = blocksOf(y);
  return xs.length === ys.length && xs.every((block, i) => blockKey(block) === blockKey(ys[i] as Block));
}

/**
 * Both sides moved one section to different places (their removals at its old place conflict; their insertions do
 * not): it is kept once, where mine put it, and the move is a conflict.
 */
function withoutRepeats(keys: readonly string[], mineOrder: readonly string[], conflicts: MergeConflict[]): string[] {
  const seen = new Map<string, number>();
  for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  const repeated = [...seen].filter(([, count]) => count > 1).map(([key]) => key);
  const result = keys.filter((key) => !repeated.includes(key));
  for (const key of repeated) {
    placeAfterPredecessor(result, key, mineOrder);
    if (!conflicts.some((conflict) => conflict.kind === 'order' && conflict.mine.includes(key))) {
      conflicts.push({ kind: 'order', base: [], mine: [key], theirs: [key] });
    }
  }
  return result;
}

/** Puts `key` after the nearest section before it in `sideOrder` that `keys` has (at the start if none). */
function placeAfterPredecessor(keys: string[], key: string, sideOrder: readonly string[]): void {
  const at = sideOrder.indexOf(key);
  for (let i = at - 1; i >= 0; i--) {
    const found = keys.indexOf(sideOrder[i] as string);
    if (found !== -1) {
      keys.splice(found + 1, 0, key);
      return;
    }
  }
  keys.unshift(key);
}

function removeKey(keys: string[], key: string): void {
  const at = keys.indexOf(key);
  if (at !== -1) keys.splice(at, 1);
}
