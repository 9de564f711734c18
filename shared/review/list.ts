import type { Block, CommentThread, PolicyDocument, Run } from '../model/document';
import { forEachRunList } from '../model/block-runs';
import { runsToPlainText } from '../model/text';
import { bareNumber, numberSections } from '../numbering/number';
import { blockSuggestions, runSuggestions, standsWhenAccepted, type SuggestionKind } from './suggestions';

/** One suggestion as a reviewer lists it: every run and block it marks, gathered under its id. */
export interface SuggestionEntry {
  readonly id: string;
  readonly by: string;
  readonly at: string;
  readonly kinds: readonly SuggestionKind[];
  /** The text it inserts, and the text it deletes, as plain text ("" when none). */
  readonly inserted: string;
  readonly deleted: string;
  /** The section it is in (its first mark's), as numbered with every suggestion accepted; null before any heading. */
  readonly sectionId: string | null;
  readonly sectionNumber: string | null;
  /** The index of the first block it marks. */
  readonly block: number;
}

export interface CommentEntry {
  readonly thread: CommentThread;
  readonly sectionId: string | null;
  readonly sectionNumber: string | null;
  /** The text the comment is about ("" for a whole-section comment or an orphaned one). */
  readonly quote: string;
  /** Its text was deleted (or its section is gone): kept, and shown as such, never dropped. */
  readonly orphaned: boolean;
  readonly block: number | null;
}

/**
 * Where each block stands in the numbered sections, with every suggestion accepted (the numbering a reader sees):
 * the id and number of the section each block is in.
 */
export function sectionsOfBlocks(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): Array<{ id: string; number: string } | null> {
  const counted = doc.blocks.flatMap((block) => (block.kind === 'heading' && standsWhenAccepted(block) ? [{ id: block.id, level: block.level, unnumbered: block.unnumbered }] : []));
  const numbers = new Map(numberSections(counted, doc.numbering).map((n) => [n.id, bareNumber(n.label)]));
  let current: { id: string; number: string } | null = null;
  return doc.blocks.map((block) => {
    if (block.kind === 'heading') {
      const number = numbers.get(block.id);
      // A deleted heading keeps its body in the section before it, as it will be once accepted.
      if (number !== undefined && standsWhenAccepted(block)) current = { id: block.id, number };
    }
    return current;
  });
}

/**
 * Each list of runs of the document in reading order with the index of the block it belongs to: a block's own lists
 * (a table's caption and cells, row by row), each followed by the text of the footnotes it marks, which a reader
 * meets there (a note's text counts as in the block of its mark). The old place of a moved block does not bring its
 * notes: they are read at the new place.
 */
export function forEachTextOf(doc: Pick<PolicyDocument, 'blocks' | 'notes'>, visit: (runs: readonly Run[], block: number) => void): void {
  const notes = new Map((doc.notes ?? []).map((note) => [note.id, note]));
  const read = new Set<string>();
  const home = new Map<string, number>();
  doc.blocks.forEach((block, index) => {
    if (block.change?.kind === 'move-from') return;
    forEachRunList(block, (runs) => runs.forEach((run) => run.note !== undefined && !home.has(run.note) && home.set(run.note, index)));
  });
  doc.blocks.forEach((block: Block, index) => {
    forEachRunList(block, (runs) => {
      visit(runs, index);
      for (const run of runs) {
        const note = run.note === undefined ? undefined : notes.get(run.note);
        if (!note || read.has(note.id) || home.get(note.id) !== index) continue;
        read.add(note.id);
        visit(note.runs, index);
      }
    });
  });
}

/** The open suggestions of a document, in reading order of their first mark (in its blocks, its tables' cells and its footnotes). */
export function listSuggestions(doc: Pick<PolicyDocument, 'blocks' | 'numbering' | 'notes'>): SuggestionEntry[] {
  const sections = sectionsOfBlocks(doc);
  const byId = new Map<string, { entry: Omit<SuggestionEntry, 'kinds' | 'inserted' | 'deleted'>; kinds: Set<SuggestionKind>; inserted: string[]; deleted: string[] }>();
  const note = (part: { id: string; by: string; at: string; kind: SuggestionKind }, block: number) => {
    let found = byId.get(part.id);
    if (!found) {
      const section = sections[block] ?? null;
      found = {
        entry: { id: part.id, by: part.by, at: part.at, sectionId: section?.id ?? null, sectionNumber: section?.number ?? null, block },
        kinds: new Set(),
        inserted: [],
        deleted: [],
      };
      byId.set(part.id, found);
    }
    found.kinds.add(part.kind);
    return found;
  };
  let last = -1;
  forEachTextOf(doc, (runs, index) => {
    if (index !== last) for (const part of blockSuggestions(doc.blocks[index] as Block)) note(part, index);
    last = index;
    for (const run of runs) {
      for (const part of runSuggestions(run)) {
        const found = note(part, index);
        if (part.kind === 'insert') found.inserted.push(runsToPlainText([run]));
        if (part.kind === 'delete') found.deleted.push(runsToPlainText([run]));
      }
    }
  });
  return [...byId.values()].map(({ entry, kinds, inserted, deleted }) => ({
    ...entry,
    kinds: [...kinds],
    inserted: inserted.join(''),
    deleted: deleted.join(''),
  }));
}

/**
 * The comment threads of a document with where each stands (a comment in a table's cell, or in a footnote's text, at
 * the block that holds it); the orphaned ones after the rest, in the order made.
 */
export function listComments(doc: Pick<PolicyDocument, 'blocks' | 'numbering' | 'comments' | 'notes'>): CommentEntry[] {
  const threads = doc.comments ?? [];
  if (threads.length === 0) return [];
  const sections = sectionsOfBlocks(doc);
  const anchors = new Map<string, { block: number; quote: string[] }>();
  forEachTextOf(doc, (runs, index) => {
    for (const run of runs) {
      for (const id of run.comments ?? []) {
        let anchor = anchors.get(id);
        if (!anchor) anchors.set(id, (anchor = { block: index, quote: [] }));
        anchor.quote.push(runsToPlainText([run]));
      }
    }
  });
  const headings = new Map<string, number>();
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading' && standsWhenAccepted(block)) headings.set(block.id, index);
  });
  const placed: CommentEntry[] = [];
  const orphaned: CommentEntry[] = [];
  for (const thread of threads) {
    const anchor = anchors.get(thread.id);
    const block = anchor?.block ?? (thread.section !== undefined ? headings.get(thread.section) : undefined);
    if (block === undefined) {
      orphaned.push({ thread, sectionId: null, sectionNumber: null, quote: '', orphaned: true, block: null });
      continue;
    }
    const section = sections[block] ?? null;
    placed.push({ thread, sectionId: section?.id ?? null, sectionNumber: section?.number ?? null, quote: anchor?.quote.join('') ?? '', orphaned: false, block });
  }
  placed.sort((a, b) => (a.block ?? 0) - (b.block ?? 0));
  return [...placed, ...orphaned];
}
