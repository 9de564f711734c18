import type { Block, Note, PolicyDocument } from '../model/document';
import { mergeDocuments, type MergeConflict, type SectionConflict } from './merge-documents';
import { marksInOrder } from './note-merge';
import { blocksOf, sectionsOf } from './sections';
import { blocksFromText, placeholderRuns } from './section-text';

/**
 * What a person chose for one conflict of a document (by its place in the merge's list of conflicts): their side,
 * the colleague's, or, for a section, the text they wrote for it.
 */
export type ConflictChoice =
  | { readonly conflict: number; readonly take: 'mine' | 'theirs' }
  | { readonly conflict: number; readonly take: 'edited'; readonly text: string };

/**
 * The document once every conflict is settled as chosen, from the document as it is now (the merge's result, with
 * mine standing where both changed a place, and whatever the person typed since):
 * - a section: mine leaves it as it is now (or deleted, where I deleted it); theirs merges it again with their side
 *   standing where both changed a paragraph, so my edits elsewhere in the section stay (or deletes it, where they
 *   deleted it); edited makes it the blocks of the text (blocksFromText);
 * - a detail (title, dates …): mine leaves it, theirs takes their value;
 * - the order of sections: mine leaves it, theirs puts those sections in their order, in the places they hold now;
 * - a footnote's text: mine leaves it, theirs takes theirs, edited makes it the runs of the text.
 * The document's notes are then the ones its blocks mark, a section taken from a side bringing its notes with it.
 * Every conflict needs exactly one choice; the caller checks the result as any document before it is saved.
 */
export function resolveConflicts(current: PolicyDocument, conflicts: readonly MergeConflict[], choices: readonly ConflictChoice[]): PolicyDocument {
  const byIndex = new Map<number, ConflictChoice>();
  for (const choice of choices) {
    if (!conflicts[choice.conflict] || byIndex.has(choice.conflict)) throw new RangeError(`conflict ${choice.conflict} is not one to choose once`);
    byIndex.set(choice.conflict, choice);
  }
  if (byIndex.size !== conflicts.length) throw new RangeError('every conflict needs a choice');
  let doc = current;
  conflicts.forEach((conflict, index) => {
    const choice = byIndex.get(index) as ConflictChoice;
    if (choice.take === 'mine' && conflict.kind !== 'deleted-by-me') return;
    switch (conflict.kind) {
      case 'detail':
        if (choice.take === 'theirs') doc = withDetail(doc, conflict.field, conflict.theirs);
        return;
      case 'order':
        if (choice.take === 'theirs') doc = inTheirOrder(doc, conflict.theirs);
        return;
      case 'note': {
        const runs = choice.take === 'edited' ? placeholderRuns(choice.text.replace(/\s*\n\s*/g, ' ').trim()) : conflict.theirs;
        if (runs) doc = { ...doc, notes: (doc.notes ?? []).map((note) => (note.id === conflict.id ? { ...note, runs: runs.filter((run) => run.note === undefined) } : note)) };
        return;
      }
      default:
        doc = replaceSection(doc, conflict.key, chosenBlocks(doc, conflict, choice));
    }
  });
  return withMarkedNotes(doc, conflicts);
}

/** The document's notes as its blocks now mark them: those a chosen side's text brought come from its conflict. */
function withMarkedNotes(doc: PolicyDocument, conflicts: readonly MergeConflict[]): PolicyDocument {
  const known = new Map<string, Note>();
  for (const conflict of conflicts) for (const note of ('notes' in conflict ? conflict.notes : undefined) ?? []) known.set(note.id, note);
  for (const note of doc.notes ?? []) known.set(note.id, note);
  const notes = marksInOrder(doc.blocks).flatMap((id) => known.get(id) ?? []);
  const { notes: _was, ...rest } = doc;
  return notes.length > 0 ? { ...rest, notes } : rest;
}

function chosenBlocks(doc: PolicyDocument, conflict: SectionConflict, choice: ConflictChoice): Block[] | null {
  if (choice.take === 'edited') return blocksFromText(choice.text, conflict);
  const now = sectionsOf(doc).byKey.get(conflict.key);
  const current = now ? blocksOf(now) : null;
  switch (conflict.kind) {
    case 'deleted-by-me':
      return choice.take === 'mine' ? null : current;
    case 'deleted-by-them':
      return choice.take === 'theirs' ? null : current;
    case 'both-added':
      return choice.take === 'theirs' ? [...(conflict.theirs ?? [])] : current;
    case 'both-edited': {
      if (choice.take === 'mine') return current;
      // The section merged again from the colleague's side: theirs stands where both changed, and my other edits
      // stay, those typed since the sync included (the section as it is now, not as the merge found it).
      const edition = (blocks: readonly Block[] | null) => ({ ...doc, blocks: [...(blocks ?? [])] });
      return mergeDocuments(edition(conflict.base), edition(conflict.theirs), edition(current ?? conflict.mine)).merged.blocks;
    }
  }
}

/** The document with section `key`'s blocks replaced (null or none: removed); a section gone meanwhile is added last. */
function replaceSection(doc: PolicyDocument, key: string, blocks: readonly Block[] | null): PolicyDocument {
  const { order, byKey } = sectionsOf(doc);
  const replacement = blocks ?? [];
  const result: Block[] = [];
  let placed = false;
  for (const sectionKey of order) {
    if (sectionKey === key) {
      result.push(...replacement);
      placed = true;
    } else result.push(...blocksOf(byKey.get(sectionKey) as NonNullable<ReturnType<typeof byKey.get>>));
  }
  if (!placed) result.push(...replacement);
  return { ...doc, blocks: result };
}

function withDetail(doc: PolicyDocument, field: string, value: string | null): PolicyDocument {
  if (field === 'language') {
    const { language: _language, ...rest } = doc;
    return value === null ? rest : ({ ...rest, language: value } as PolicyDocument);
  }
  return { ...doc, [field]: value } as PolicyDocument;
}

/** The sections named in `theirs` that the document has, in that order, in the places those sections hold now. */
function inTheirOrder(doc: PolicyDocument, theirs: readonly string[]): PolicyDocument {
  const { order, byKey } = sectionsOf(doc);
  const present = theirs.filter((key, i) => byKey.has(key) && theirs.indexOf(key) === i);
  const moving = new Set(present);
  let next = 0;
  const keys = order.map((key) => (moving.has(key) ? (present[next++] as string) : key));
  return { ...doc, blocks: keys.flatMap((key) => blocksOf(byKey.get(key) as NonNullable<ReturnType<typeof byKey.get>>)) };
}
