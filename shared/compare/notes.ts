import type { Block, Note, PolicyDocument, Run } from '../model/document';
import { forEachRunList } from '../model/block-runs';
import { sameRuns } from './same';
import { diffRuns } from './section-diff';
import { countWords } from './tokens';
import type { NoteChange, RedlineRun } from './types';

/**
 * The footnotes part of a comparison. A note is the same note in both editions by its id; its mark is compared where
 * it stands (a run of its section), its text here, word by word. A note's number is its place among the marks in
 * reading order, never stored, so it is counted here from the blocks.
 */

/** The ids of the notes marked in the blocks, in reading order (the place a moved block left marks nothing). */
export function notesInReadingOrder(blocks: readonly Block[]): string[] {
  const ids: string[] = [];
  for (const block of blocks) {
    if (block.change?.kind === 'move-from') continue;
    forEachRunList(block, (runs) => {
      for (const run of runs) if (run.note !== undefined) ids.push(run.note);
    });
  }
  return ids;
}

/** The notes of both editions whose text differs: a section marking one has changed though its own words have not. */
export function changedNoteIds(oldDoc: Pick<PolicyDocument, 'notes'>, newDoc: Pick<PolicyDocument, 'notes'>): Set<string> {
  const changed = new Set<string>();
  if (!oldDoc.notes?.length || !newDoc.notes?.length) return changed;
  const old = new Map(oldDoc.notes.map((note) => [note.id, note.runs]));
  for (const note of newDoc.notes) {
    const before = old.get(note.id);
    if (before && !sameRuns(before, note.runs)) changed.add(note.id);
  }
  return changed;
}

/** Every note, numbered as its edition numbers it, with what changed in it: the new edition's notes first. */
export function noteChanges(oldDoc: Pick<PolicyDocument, 'notes' | 'blocks'>, newDoc: Pick<PolicyDocument, 'notes' | 'blocks'>): NoteChange[] {
  if (!oldDoc.notes?.length && !newDoc.notes?.length) return [];
  const oldNotes = byId(oldDoc.notes);
  const newNotes = byId(newDoc.notes);
  const changes: NoteChange[] = [];
  notesInReadingOrder(newDoc.blocks).forEach((id, i) => {
    const now = newNotes.get(id);
    if (!now) return;
    const before = oldNotes.get(id);
    if (!before) changes.push(whole(id, i + 1, 'added', now.runs));
    else if (!sameRuns(before.runs, now.runs)) {
      const diff = diffRuns(before.runs, now.runs);
      changes.push({ id, number: i + 1, status: 'changed', runs: diff.runs, wordsInserted: diff.wordsInserted, wordsDeleted: diff.wordsDeleted });
    } else changes.push(whole(id, i + 1, 'unchanged', now.runs));
  });
  notesInReadingOrder(oldDoc.blocks).forEach((id, i) => {
    const before = oldNotes.get(id);
    if (before && !newNotes.has(id)) changes.push(whole(id, i + 1, 'deleted', before.runs));
  });
  return changes;
}

function byId(notes: readonly Note[] | undefined): Map<string, Note> {
  return new Map((notes ?? []).map((note) => [note.id, note]));
}

function whole(id: string, number: number, status: 'added' | 'deleted' | 'unchanged', runs: readonly Run[]): NoteChange {
  const op = status === 'added' ? 'insert' : status === 'deleted' ? 'delete' : 'equal';
  let words = 0;
  const out: RedlineRun[] = runs.map((run) => {
    words += countWords(run.text);
    return { op, text: run.text, ...(run.marks?.length ? { marks: run.marks } : {}), ...(run.link !== undefined ? { link: run.link } : {}) };
  });
  return { id, number, status, runs: out, wordsInserted: status === 'added' ? words : 0, wordsDeleted: status === 'deleted' ? words : 0 };
}
