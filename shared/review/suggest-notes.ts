import diffSequences from '@jest/diff-sequences';
import type { Block, Note, PolicyDocument, Run, SuggestionMark } from '../model/document';
import { forEachRunList, mapRunLists } from '../model/block-runs';
import { newSectionId } from '../model/ids';
import { notePlaceholder } from '../model/vocabulary';
import type { VariableValues } from '../model/variables';
import { markedNotes } from './resolve';
import { plainRun, suggestRuns } from './word-suggestions';

/**
 * Footnotes in suggestDifference. Before the blocks are compared, the edited copy's notes are paired with the base's
 * (pairNotes): by id when the two share ids, else in reading order by their words, and an edited note paired takes
 * the base note's id, so a mark the reviewer left in place is no change. After, the document's notes are gathered
 * (notesAfter): a paired note's text carries the difference as suggestions; a note only the edited copy has comes
 * with its mark's insertion, its text as the reviewer left it (rejecting that insertion removes the note whole); a
 * base note no mark holds any more (a suggested insertion withdrawn) goes.
 */

/** A fresh footnote id (the model has no generator of its own yet): the random part of a section id. */
export function newNoteId(used: ReadonlySet<string>): string {
  for (;;) {
    const id = `n-${newSectionId().slice(2)}`;
    if (!used.has(id)) return id;
  }
}

/** The notes' ids in the order of their marks (the old place of a move not counted), then any no block marks. */
function readingOrder(doc: Pick<PolicyDocument, 'blocks' | 'notes'>): Note[] {
  const byId = new Map((doc.notes ?? []).map((note) => [note.id, note]));
  const order: Note[] = [];
  const seen = new Set<string>();
  for (const block of doc.blocks) {
    if (block.change?.kind === 'move-from') continue;
    forEachRunList(block, (runs) => {
      for (const run of runs) {
        const note = run.note === undefined ? undefined : byId.get(run.note);
        if (note && !seen.has(note.id)) order.push(note);
        if (note) seen.add(note.id);
      }
    });
  }
  return [...order, ...(doc.notes ?? []).filter((note) => !seen.has(note.id))];
}

function words(runs: readonly Run[]): Set<string> {
  return new Set(runs.flatMap((run) => (run.del ? [] : (run.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))));
}

function alike(a: readonly Run[], b: readonly Run[]): boolean {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return true;
  let common = 0;
  for (const word of x) if (y.has(word)) common++;
  return (2 * common) / (x.size + y.size) >= 0.5;
}

/** The edited document with its notes renamed to the base notes they pair with; one no base note pairs with, under an id the base does not use. */
export function pairNotes(base: PolicyDocument, edited: PolicyDocument): PolicyDocument {
  if (!edited.notes || edited.notes.length === 0) return edited;
  const baseNotes = readingOrder(base);
  const editedNotes = readingOrder(edited);
  const baseIds = new Set(baseNotes.map((note) => note.id));
  const byId = editedNotes.some((note) => baseIds.has(note.id));
  const rename = new Map<string, string>();
  diffSequences(
    baseNotes.length,
    editedNotes.length,
    (x, y) => {
      const [b, e] = [baseNotes[x] as Note, editedNotes[y] as Note];
      return byId ? b.id === e.id : alike(b.runs, e.runs);
    },
    (count, x, y) => {
      for (let k = 0; k < count; k++) rename.set((editedNotes[y + k] as Note).id, (baseNotes[x + k] as Note).id);
    },
  );
  const used = new Set([...baseIds, ...rename.values()]);
  for (const note of editedNotes) {
    if (rename.has(note.id)) continue;
    const id = used.has(note.id) ? newNoteId(used) : note.id;
    used.add(id);
    rename.set(note.id, id);
  }
  if ([...rename].every(([from, to]) => from === to)) return edited;
  const renamed = (runs: Run[]) =>
    runs.some((run) => run.note !== undefined && rename.get(run.note) !== run.note)
      ? runs.map((run) => (run.note === undefined ? run : { ...run, note: rename.get(run.note) ?? run.note, text: notePlaceholder(rename.get(run.note) ?? run.note) }))
      : runs;
  return {
    ...edited,
    blocks: edited.blocks.map((block) => mapRunLists(block, renamed)),
    notes: edited.notes.map((note) => ({ ...note, id: rename.get(note.id) ?? note.id })),
  };
}

/**
 * The notes of the suggested document `blocks` (the base's blocks with the difference suggested), from the base's
 * notes and the edited copy's (already paired by pairNotes). A note both hold whose mark the reviewer deleted in one
 * place and inserted in another stands twice: the inserted mark takes a note of its own (the edited text) under a
 * fresh id, so each note is still marked once. Returns the blocks (renamed where that happened) and the notes.
 */
export function notesAfter(
  base: PolicyDocument,
  edited: PolicyDocument,
  blocks: Block[],
  mark: Omit<SuggestionMark, 'id'>,
  newId: () => string,
  values: VariableValues | undefined,
): { blocks: Block[]; notes: Note[] } {
  const baseNotes = new Map((base.notes ?? []).map((note) => [note.id, note]));
  const editedNotes = new Map((edited.notes ?? []).map((note) => [note.id, note]));
  if (baseNotes.size === 0 && editedNotes.size === 0) return { blocks, notes: [] };
  // a second mark of one note outside the old place of a move: the inserted one becomes a note of its own
  const count = new Map<string, number>();
  for (const block of blocks) {
    if (block.change?.kind === 'move-from') continue;
    forEachRunList(block, (runs) => runs.forEach((run) => run.note !== undefined && count.set(run.note, (count.get(run.note) ?? 0) + 1)));
  }
  const used = new Set([...baseNotes.keys(), ...editedNotes.keys()]);
  const copies: Note[] = [];
  const split = (runs: Run[]): Run[] => {
    if (!runs.some((run) => run.note !== undefined && run.ins && (count.get(run.note) ?? 0) > 1)) return runs;
    return runs.map((run) => {
      if (run.note === undefined || !run.ins || (count.get(run.note) ?? 0) < 2) return run;
      count.set(run.note, (count.get(run.note) ?? 0) - 1);
      const id = newNoteId(used);
      used.add(id);
      const source = editedNotes.get(run.note) ?? baseNotes.get(run.note);
      copies.push({ id, runs: source ? acceptedText(source.runs) : [] });
      return { ...run, note: id, text: notePlaceholder(id) };
    });
  };
  const out = blocks.map((block) => (block.change?.kind === 'move-from' ? block : mapRunLists(block, split)));
  const marked = markedNotes(out);
  const notes: Note[] = [];
  for (const note of base.notes ?? []) {
    if (!marked.has(note.id)) continue;
    const now = editedNotes.get(note.id);
    notes.push(now ? { ...note, runs: suggestRuns(note.runs, now.runs, mark, newId, values) } : note);
  }
  for (const note of edited.notes ?? []) {
    if (!baseNotes.has(note.id) && marked.has(note.id)) notes.push({ id: note.id, runs: acceptedText(note.runs) });
  }
  return { blocks: out, notes: [...notes, ...copies] };
}

/** A note's text as it reads with its own tracked changes accepted, with no suggestion of its own left. */
function acceptedText(runs: readonly Run[]): Run[] {
  return runs.filter((run) => !run.del).map((run) => ({ ...plainRun(run), ...(run.comments ? { comments: [...run.comments] } : {}) }));
}
