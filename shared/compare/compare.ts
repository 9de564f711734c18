import type { Block, PolicyDocument } from '../model/document';
import { allRuns, mapRunLists } from '../model/block-runs';
import { acceptAll, rejectAll } from '../review/resolve';
import { documentHasSuggestions } from '../review/suggestions';
import { NO_VARIABLES } from '../model/variables';
import { numberSections, type SectionNumber } from '../numbering/number';
import { blocksForReaders } from '../numbering/references';
import { alignSegments, type Match } from './align';
import { heaviestIncreasing } from './in-place';
import { metadataChanges } from './metadata';
import { changedNoteIds, noteChanges } from './notes';
import { sameBlocks } from './same';
import { diffSection } from './section-diff';
import { wordsOfRun } from './tokens';
import { segmentsOf, type Segment } from './segments';
import { cutBetween } from './split-merge';
import type { Comparison, NoteChange, Row, SectionRow, SectionSide, Summary } from './types';

/**
 * Which text of an edition with open suggestions is compared: as if every suggestion were accepted (the default: the
 * text a reader will get, which exports publish), or as it stood before them. Comparing an edition before its
 * suggestions with the same edition accepted shows the suggestions themselves as a redline.
 */
export type SuggestedText = 'accepted' | 'original';

export interface CompareOptions {
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly oldText?: SuggestedText;
  readonly newText?: SuggestedText;
}

/** An edition's text as compared, and the numbers of its sections (each heading of it stands: its suggestions are resolved). */
interface ComparedText {
  readonly doc: PolicyDocument;
  readonly numbers: readonly SectionNumber[];
}

/**
 * The text compared, with each cross-reference showing its section's number in this edition. A reference keeps its
 * `ref`, and tokens.ts compares it by that: one that still points at the same section is unchanged however the
 * sections were renumbered, one pointed at another section is a change, and the redline shows the numbers. The
 * sections are numbered once, here, for the references and for the segments both.
 */
function textOf(doc: PolicyDocument, which: SuggestedText = 'accepted'): ComparedText {
  // Most editions compared are published versions with no suggestions open: resolving them would only copy.
  const text = !documentHasSuggestions(doc) ? doc : which === 'accepted' ? acceptAll(doc) : rejectAll(doc);
  const headings: Array<{ id: string; level: number; unnumbered?: boolean }> = [];
  for (const block of text.blocks) if (block.kind === 'heading') headings.push(block);
  const numbers = numberSections(headings, text.numbering);
  // Without references or variables there is nothing to show otherwise.
  return { doc: showsAsWritten(text.blocks) ? text : { ...text, blocks: blocksForReaders(text.blocks, text.numbering, NO_VARIABLES, numbers) }, numbers };
}

/** No cross-reference and no variable: the blocks read as they are stored. */
function showsAsWritten(blocks: readonly Block[]): boolean {
  for (const block of blocks) for (const run of allRuns(block)) if (run.ref !== undefined || run.variable !== undefined) return false;
  return true;
}

/**
 * Compares two editions: structure first, words second. Sections are paired (by stable id, else title, else
 * content), pairs that kept their order stay in place and the rest are moves, and only sections whose content
 * differs are diffed word by word — so a 100,000-word policy with moved sections compares in milliseconds, where a
 * flat diff of the whole text takes seconds and reads a move as a deletion and an addition.
 */
export function compareDocuments(oldEdition: PolicyDocument, newEdition: PolicyDocument, options: CompareOptions): Comparison {
  // A document with open suggestions holds two texts (and a moved section twice): one of them is compared.
  const oldText = textOf(oldEdition, options.oldText);
  const newText = textOf(newEdition, options.newText);
  const oldDoc = oldText.doc;
  const newDoc = newText.doc;
  const newSegments = segmentsOf(newDoc, newText.numbers);
  const unaligned = segmentsOf(oldDoc, oldText.numbers);
  const matches = alignSegments(unaligned, newSegments);
  const oldSegments = referencesAsNew(unaligned, newSegments, matches);
  // Loops and module functions given a Pairing, no closures: V8 drops a closure's optimised code at each full
  // collection once the compare that made it is over, so closures here ran unoptimised in every compare after one.
  const weighed: Array<{ old: number; weight: number }> = [];
  for (const match of matches) weighed.push({ old: match.old, weight: 1 + (oldSegments[match.old]?.size ?? 0) });
  const inPlaceItems = heaviestIncreasing(weighed, oldSegments.length);

  const oldOfNew = new Map<number, number>();
  const newOfOld = new Map<number, number>();
  const inPlaceOld = new Set<number>();
  const matchedBy = new Map<number, SectionRow['matchedBy']>();
  for (let item = 0; item < matches.length; item++) {
    const match = matches[item] as Match;
    oldOfNew.set(match.new, match.old);
    newOfOld.set(match.old, match.new);
    matchedBy.set(match.new, match.by);
    if (inPlaceItems.has(item)) inPlaceOld.add(match.old);
  }

  const changedNotes = changedNoteIds(oldDoc, newDoc);
  const pairing: Pairing = {
    oldSegments,
    newSegments,
    oldOfNew,
    newOfOld,
    inPlaceOld,
    matchedBy,
    changedNotes,
    parts: splitsAndMerges(oldSegments, newSegments, oldOfNew, newOfOld, inPlaceOld, changedNotes),
  };
  const sectionRows: SectionRow[] = [];
  for (const segment of newSegments) sectionRows.push(sectionRow(pairing, segment));
  const rows = placeRows(pairing, sectionRows);
  const notes = noteChanges(oldDoc, newDoc);
  return {
    old: { label: options.oldLabel, title: oldDoc.title, numbering: oldDoc.numbering },
    new: { label: options.newLabel, title: newDoc.title, numbering: newDoc.numbering },
    metadata: metadataChanges(oldDoc, newDoc),
    rows,
    summary: summarize(rows, notes),
    notes,
  };
}

/** How the sections of the two editions pair up: what a row of the comparison is made from. */
interface Pairing {
  readonly oldSegments: readonly Segment[];
  readonly newSegments: readonly Segment[];
  readonly oldOfNew: ReadonlyMap<number, number>;
  readonly newOfOld: ReadonlyMap<number, number>;
  /** Old sections that kept their order; every other pair moved. */
  readonly inPlaceOld: ReadonlySet<number>;
  readonly matchedBy: ReadonlyMap<number, SectionRow['matchedBy']>;
  readonly changedNotes: ReadonlySet<string>;
  readonly parts: Parts;
}

/** The row of a section of the new edition. */
function sectionRow(pairing: Pairing, segment: Segment): SectionRow {
  const { oldSegments, oldOfNew, inPlaceOld, matchedBy, parts, changedNotes } = pairing;
  const split = parts.splitFrom.get(segment.index);
  if (split !== undefined) return partRow('split', at(oldSegments, split), segment, parts.oldBlocks.get(segment.index) ?? [], segment.blocks, changedNotes);
  const o = oldOfNew.get(segment.index);
  if (o === undefined) return added(segment);
  const old = at(oldSegments, o);
  const oldBlocks = parts.oldBlocks.get(segment.index) ?? old.blocks;
  const newBlocks = parts.newBlocks.get(o) ?? segment.blocks;
  const moved = !inPlaceOld.has(o);
  const edited = !sameBlocks(oldBlocks, newBlocks, changedNotes);
  const diff = edited ? diffSection(oldBlocks, newBlocks, { changedNotes }) : null;
  const numbering = numberingChange(old, segment);
  return {
    status: moved ? 'moved' : edited || numbering !== null ? 'changed' : 'unchanged',
    edited,
    carried: moved && isCarried(old, segment, oldOfNew, inPlaceOld),
    matchedBy: matchedBy.get(segment.index) ?? null,
    old: side(old, oldBlocks),
    new: side(segment, newBlocks),
    renumbered: old.label !== segment.label,
    numbering,
    linksChanged: diff?.linksChanged ?? 0,
    wordsInserted: diff?.wordsInserted ?? 0,
    wordsDeleted: diff?.wordsDeleted ?? 0,
    redline: diff?.redline ?? null,
  };
}

/** The row of an old section with no new one: deleted, or merged into the section before it. */
function deletedRow(pairing: Pairing, old: Segment): SectionRow {
  const into = pairing.parts.mergedInto.get(old.index);
  if (into === undefined) return deleted(old);
  return partRow('merged', old, at(pairing.newSegments, into), old.blocks, pairing.parts.newBlocks.get(old.index) ?? [], pairing.changedNotes);
}

/** A heading switched between taking a number and taking none is a change of its form, shown as such. */
function numberingChange(old: Segment, now: Segment): SectionRow['numbering'] {
  const before = old.blocks[0];
  const after = now.blocks[0];
  if (before?.kind !== 'heading' || after?.kind !== 'heading' || before.unnumbered === after.unnumbered) return null;
  return after.unnumbered ? 'now-unnumbered' : 'now-numbered';
}

interface Parts {
  /** New sections cut from an old section: the old section's index. */
  readonly splitFrom: Map<number, number>;
  /** Old sections joined to the section before them: the new section's index that holds their text now. */
  readonly mergedInto: Map<number, number>;
  /** By new section: the old blocks it is compared with, where a split gave it part of its old section. */
  readonly oldBlocks: Map<number, readonly Block[]>;
  /** By old section: the new blocks it is compared with, where a merge gave it part of its new section. */
  readonly newBlocks: Map<number, readonly Block[]>;
  /** By new section whose old section was split: the last new section cut from it (what was after it goes after that). */
  readonly lastSplit: Map<number, number>;
}

/**
 * Splits and merges. A new section with no old one, right after a section (or split part) whose old section stayed in
 * place, and sharing text with that old section's end, was cut from it: both are compared with their part of the old
 * section, so its paragraphs are kept, not deleted and inserted again. The reverse, an old section that went right
 * after one that stayed, whose text the new section holds at its end, was merged into it. Only sections in place:
 * the rows of a split stand together, where both editions read them in order.
 */
function splitsAndMerges(
  oldSegments: readonly Segment[],
  newSegments: readonly Segment[],
  oldOfNew: ReadonlyMap<number, number>,
  newOfOld: ReadonlyMap<number, number>,
  inPlaceOld: ReadonlySet<number>,
  changedNotes: ReadonlySet<string>,
): Parts {
  const parts: Parts = { splitFrom: new Map(), mergedInto: new Map(), oldBlocks: new Map(), newBlocks: new Map(), lastSplit: new Map() };
  const firstOfChain = new Map<number, number>();
  for (const segment of newSegments) {
    const previous = segment.index - 1;
    if (previous < 0 || oldOfNew.has(segment.index)) continue;
    const o = oldOfNew.get(previous) ?? parts.splitFrom.get(previous);
    if (o === undefined || !inPlaceOld.has(o)) continue;
    const stretch = parts.oldBlocks.get(previous) ?? at(oldSegments, o).blocks;
    const cut = cutBetween(stretch, at(newSegments, previous).blocks, segment.blocks, changedNotes);
    if (cut < 0) continue;
    parts.oldBlocks.set(previous, stretch.slice(0, cut));
    parts.oldBlocks.set(segment.index, stretch.slice(cut));
    parts.splitFrom.set(segment.index, o);
    const first = firstOfChain.get(previous) ?? previous;
    firstOfChain.set(segment.index, first);
    parts.lastSplit.set(first, segment.index);
  }
  for (const segment of oldSegments) {
    const previous = segment.index - 1;
    if (previous < 0 || newOfOld.has(segment.index)) continue;
    const n = (inPlaceOld.has(previous) ? newOfOld.get(previous) : undefined) ?? parts.mergedInto.get(previous);
    // A section split in the new edition is not also merged: one or the other tells the change.
    if (n === undefined || parts.oldBlocks.has(n) || parts.lastSplit.has(n)) continue;
    const stretch = parts.newBlocks.get(previous) ?? at(newSegments, n).blocks;
    const cut = cutBetween(stretch, at(oldSegments, previous).blocks, segment.blocks, changedNotes);
    if (cut < 0) continue;
    parts.newBlocks.set(previous, stretch.slice(0, cut));
    parts.newBlocks.set(segment.index, stretch.slice(cut));
    parts.mergedInto.set(segment.index, n);
  }
  return parts;
}

/** A row of a split (a new section and the part of its old section it holds) or of a merge (the reverse). */
function partRow(status: 'split' | 'merged', old: Segment, now: Segment, oldBlocks: readonly Block[], newBlocks: readonly Block[], changedNotes: ReadonlySet<string>): SectionRow {
  const diff = diffSection(oldBlocks, newBlocks, { changedNotes });
  return {
    status,
    edited: true,
    carried: false,
    matchedBy: null,
    old: side(old, oldBlocks),
    new: side(now, newBlocks),
    renumbered: false,
    numbering: null,
    linksChanged: diff.linksChanged,
    wordsInserted: diff.wordsInserted,
    wordsDeleted: diff.wordsDeleted,
    redline: diff.redline,
  };
}

/**
 * The old edition's references, each pointing at the new edition's id of the section it points at. Sections paired by
 * title or content (two imported files, whose ids differ) are the same section, so a reference to it is unchanged.
 */
function referencesAsNew(oldSegments: readonly Segment[], newSegments: readonly Segment[], matches: ReturnType<typeof alignSegments>): Segment[] {
  const newId = new Map<string, string>();
  for (const match of matches) {
    const old = oldSegments[match.old];
    const now = newSegments[match.new];
    if (old && now && old.id !== now.id) newId.set(old.id, now.id);
  }
  if (newId.size === 0) return oldSegments as Segment[];
  const retarget = (block: Block): Block =>
    mapRunLists(block, (runs) =>
      runs.some((run) => run.ref !== undefined && newId.has(run.ref))
        ? runs.map((run) => (run.ref !== undefined && newId.has(run.ref) ? { ...run, ref: newId.get(run.ref) } : run))
        : runs,
    );
  return oldSegments.map((segment) => ({ ...segment, blocks: segment.blocks.map(retarget) }));
}

/** A subsection that moved only because its parent did, and still sits under it, is part of its parent's move. */
function isCarried(old: Segment, segment: Segment, oldOfNew: ReadonlyMap<number, number>, inPlaceOld: ReadonlySet<number>): boolean {
  if (segment.parent === -1) return false;
  const oldParentNow = oldOfNew.get(segment.parent);
  return oldParentNow !== undefined && oldParentNow === old.parent && !inPlaceOld.has(oldParentNow);
}

/**
 * Rows in the new edition's order. What exists only in the old edition (deleted sections, and the places moved
 * sections left) goes right after the nearest earlier old section that stayed in place. That keeps both editions'
 * orders intact: reading kept and deleted text gives the old edition, kept and inserted text the new one.
 */
function placeRows(pairing: Pairing, sectionRows: readonly SectionRow[]): Row[] {
  const { oldSegments, newSegments, newOfOld, inPlaceOld } = pairing;
  const lastSplit = pairing.parts.lastSplit;
  const leading: Pending[] = [];
  const after = new Map<number, Pending[]>();
  let anchor = -1;
  for (const old of oldSegments) {
    const n = newOfOld.get(old.index);
    if (n !== undefined && inPlaceOld.has(old.index)) {
      // What followed a section that was split follows the last part cut from it, where the old text ends.
      anchor = lastSplit.get(n) ?? n;
      continue;
    }
    const pending: Pending = n === undefined ? { kind: 'deleted', old } : { kind: 'origin', newIndex: n };
    if (anchor === -1) leading.push(pending);
    else {
      const list = after.get(anchor);
      if (list) list.push(pending);
      else after.set(anchor, [pending]);
    }
  }

  const order: Array<Pending | { kind: 'section'; newIndex: number }> = [...leading];
  for (const segment of newSegments) {
    order.push({ kind: 'section', newIndex: segment.index });
    for (const pending of after.get(segment.index) ?? []) order.push(pending);
  }
  const rowOfNew = new Map<number, number>();
  for (let position = 0; position < order.length; position++) {
    const entry = order[position];
    if (entry?.kind === 'section') rowOfNew.set(entry.newIndex, position);
  }
  const rows: Row[] = [];
  for (const entry of order) {
    if (entry.kind === 'section') rows.push(at(sectionRows, entry.newIndex));
    else if (entry.kind === 'deleted') rows.push(deletedRow(pairing, entry.old));
    else rows.push({ status: 'move-origin', target: rowOfNew.get(entry.newIndex) ?? -1 });
  }
  return rows;
}

/** What exists only in the old edition, waiting for its place: a deleted section, or the place a moved one left. */
type Pending = { kind: 'deleted'; old: Segment } | { kind: 'origin'; newIndex: number };

function added(segment: Segment): SectionRow {
  return {
    status: 'added',
    edited: true,
    carried: false,
    matchedBy: null,
    old: null,
    new: side(segment),
    renumbered: false,
    numbering: null,
    linksChanged: 0,
    wordsInserted: wordsIn(segment),
    wordsDeleted: 0,
    redline: null,
  };
}

function deleted(segment: Segment): SectionRow {
  return {
    status: 'deleted',
    edited: true,
    carried: false,
    matchedBy: null,
    old: side(segment),
    new: null,
    renumbered: false,
    numbering: null,
    linksChanged: 0,
    wordsInserted: 0,
    wordsDeleted: wordsIn(segment),
    redline: null,
  };
}

function side(segment: Segment, blocks: readonly Block[] = segment.blocks): SectionSide {
  const { id, number, label, title, depth, index } = segment;
  return { id, number, label, title, depth, index, blocks };
}

function wordsIn(segment: Pick<Segment, 'blocks'>): number {
  let words = 0;
  for (const block of segment.blocks) for (const run of allRuns(block)) words += wordsOfRun(run);
  return words;
}

function summarize(rows: readonly Row[], notes: readonly NoteChange[]): Summary {
  const summary = { unchanged: 0, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0, wordsInserted: 0, wordsDeleted: 0, wordsMoved: 0, linksChanged: 0 };
  for (const row of rows) {
    if (row.status === 'move-origin') continue;
    if (row.status === 'moved' && row.carried) summary[row.edited ? 'changed' : 'unchanged']++;
    else summary[row.status]++;
    // A subsection carried with its section moved with it: its words are part of the move.
    if (row.status === 'moved' && row.new) summary.wordsMoved += wordsIn(row.new);
    summary.wordsInserted += row.wordsInserted;
    summary.wordsDeleted += row.wordsDeleted;
    summary.linksChanged += row.linksChanged;
  }
  for (const note of notes) {
    summary.wordsInserted += note.wordsInserted;
    summary.wordsDeleted += note.wordsDeleted;
  }
  return summary;
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}
