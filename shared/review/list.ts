import type { CommentThread, PolicyDocument } from '../model/document';
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

/** The open suggestions of a document, in reading order of their first mark. */
export function listSuggestions(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>): SuggestionEntry[] {
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
  doc.blocks.forEach((block, index) => {
    for (const part of blockSuggestions(block)) note(part, index);
    for (const run of block.runs) {
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

/** The comment threads of a document with where each stands; the orphaned ones after the rest, in the order made. */
export function listComments(doc: Pick<PolicyDocument, 'blocks' | 'numbering' | 'comments'>): CommentEntry[] {
  const threads = doc.comments ?? [];
  if (threads.length === 0) return [];
  const sections = sectionsOfBlocks(doc);
  const anchors = new Map<string, { block: number; quote: string[] }>();
  doc.blocks.forEach((block, index) => {
    for (const run of block.runs) {
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
