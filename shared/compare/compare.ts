import type { Block, PolicyDocument } from '../model/document';
import { acceptAll, rejectAll } from '../review/resolve';
import { hasSuggestions } from '../review/suggestions';
import { blocksForReaders } from '../numbering/references';
import { alignSegments } from './align';
import { heaviestIncreasing } from './in-place';
import { metadataChanges } from './metadata';
import { diffSection, sameBlocks } from './section-diff';
import { segmentsOf, type Segment } from './segments';
import { countWords } from './tokens';
import type { Comparison, Row, SectionRow, Summary } from './types';

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

/**
 * The text compared, with each cross-reference showing its section's number in this edition. A reference keeps its
 * `ref`, and tokens.ts compares it by that: one that still points at the same section is unchanged however the
 * sections were renumbered, one pointed at another section is a change, and the redline shows the numbers.
 */
function textOf(doc: PolicyDocument, which: SuggestedText = 'accepted'): PolicyDocument {
  // Most editions compared are published versions with no suggestions open: resolving them would only copy.
  const text = !doc.blocks.some(hasSuggestions) ? doc : which === 'accepted' ? acceptAll(doc) : rejectAll(doc);
  // Without references or variables there is nothing to show otherwise, and no numbering to work out for it.
  const plain = text.blocks.every((block) => block.runs.every((run) => run.ref === undefined && run.variable === undefined));
  return plain ? text : { ...text, blocks: blocksForReaders(text.blocks, text.numbering) };
}

/**
 * Compares two editions: structure first, words second. Sections are paired (by stable id, else title, else
 * content), pairs that kept their order stay in place and the rest are moves, and only sections whose content
 * differs are diffed word by word — so a 100,000-word policy with moved sections compares in milliseconds, where a
 * flat diff of the whole text takes seconds and reads a move as a deletion and an addition.
 */
export function compareDocuments(oldEdition: PolicyDocument, newEdition: PolicyDocument, options: CompareOptions): Comparison {
  // A document with open suggestions holds two texts (and a moved section twice): one of them is compared.
  const oldDoc = textOf(oldEdition, options.oldText);
  const newDoc = textOf(newEdition, options.newText);
  const newSegments = segmentsOf(newDoc);
  const unaligned = segmentsOf(oldDoc);
  const matches = alignSegments(unaligned, newSegments);
  const oldSegments = referencesAsNew(unaligned, newSegments, matches);
  const inPlaceItems = heaviestIncreasing(
    matches.map((match) => ({ old: match.old, weight: 1 + (oldSegments[match.old]?.size ?? 0) })),
    oldSegments.length,
  );

  const oldOfNew = new Map<number, number>();
  const newOfOld = new Map<number, number>();
  const inPlaceOld = new Set<number>();
  const matchedBy = new Map<number, SectionRow['matchedBy']>();
  matches.forEach((match, item) => {
    oldOfNew.set(match.new, match.old);
    newOfOld.set(match.old, match.new);
    matchedBy.set(match.new, match.by);
    if (inPlaceItems.has(item)) inPlaceOld.add(match.old);
  });

  const sectionRows = newSegments.map((segment): SectionRow => {
    const o = oldOfNew.get(segment.index);
    if (o === undefined) return added(segment);
    const old = at(oldSegments, o);
    const moved = !inPlaceOld.has(o);
    const edited = !sameBlocks(old.blocks, segment.blocks);
    const diff = edited ? diffSection(old.blocks, segment.blocks) : null;
    return {
      status: moved ? 'moved' : edited ? 'changed' : 'unchanged',
      edited,
      carried: moved && isCarried(old, segment, oldOfNew, inPlaceOld),
      matchedBy: matchedBy.get(segment.index) ?? null,
      old: side(old),
      new: side(segment),
      renumbered: old.label !== segment.label,
      wordsInserted: diff?.wordsInserted ?? 0,
      wordsDeleted: diff?.wordsDeleted ?? 0,
      redline: diff?.redline ?? null,
    };
  });

  const rows = placeRows(oldSegments, newSegments, sectionRows, newOfOld, inPlaceOld);
  return {
    old: { label: options.oldLabel, title: oldDoc.title, numbering: oldDoc.numbering },
    new: { label: options.newLabel, title: newDoc.title, numbering: newDoc.numbering },
    metadata: metadataChanges(oldDoc, newDoc),
    rows,
    summary: summarize(rows),
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
    block.runs.some((run) => run.ref !== undefined && newId.has(run.ref))
      ? { ...block, runs: block.runs.map((run) => (run.ref !== undefined && newId.has(run.ref) ? { ...run, ref: newId.get(run.ref) } : run)) }
      : block;
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
function placeRows(
  oldSegments: readonly Segment[],
  newSegments: readonly Segment[],
  sectionRows: readonly SectionRow[],
  newOfOld: ReadonlyMap<number, number>,
  inPlaceOld: ReadonlySet<number>,
): Row[] {
  type Pending = { kind: 'deleted'; old: Segment } | { kind: 'origin'; newIndex: number };
  const leading: Pending[] = [];
  const after = new Map<number, Pending[]>();
  let anchor = -1;
  for (const old of oldSegments) {
    const n = newOfOld.get(old.index);
    if (n !== undefined && inPlaceOld.has(old.index)) {
      anchor = n;
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
    order.push(...(after.get(segment.index) ?? []));
  }
  const rowOfNew = new Map<number, number>();
  order.forEach((entry, position) => {
    if (entry.kind === 'section') rowOfNew.set(entry.newIndex, position);
  });
  return order.map((entry): Row => {
    switch (entry.kind) {
      case 'section':
        return at(sectionRows, entry.newIndex);
      case 'deleted':
        return deleted(entry.old);
      case 'origin':
        return { status: 'move-origin', target: rowOfNew.get(entry.newIndex) ?? -1 };
    }
  });
}

function added(segment: Segment): SectionRow {
  return {
    status: 'added',
    edited: true,
    carried: false,
    matchedBy: null,
    old: null,
    new: side(segment),
    renumbered: false,
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
    wordsInserted: 0,
    wordsDeleted: wordsIn(segment),
    redline: null,
  };
}

function side(segment: Segment): SectionRow['new'] {
  const { id, number, label, title, depth, index, blocks } = segment;
  return { id, number, label, title, depth, index, blocks };
}

function wordsIn(segment: Segment): number {
  let words = 0;
  for (const block of segment.blocks) for (const run of block.runs) words += countWords(run.text);
  return words;
}

function summarize(rows: readonly Row[]): Summary {
  const summary = { unchanged: 0, changed: 0, added: 0, deleted: 0, moved: 0, wordsInserted: 0, wordsDeleted: 0 };
  for (const row of rows) {
    if (row.status === 'move-origin') continue;
    if (row.status === 'moved' && row.carried) summary[row.edited ? 'changed' : 'unchanged']++;
    else summary[row.status]++;
    summary.wordsInserted += row.wordsInserted;
    summary.wordsDeleted += row.wordsDeleted;
  }
  return summary;
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}
