import type { Block, Note, PolicyDocument } from '../model/document';
import { forEachRunList } from '../model/block-runs';
import { runsKey } from './block-key';
import type { NoteConflict } from './merge-documents';

/**
 * Footnotes in a three-way merge. A note's mark is a run of its paragraph and merges with it; the note's text is kept
 * by id in the document's `notes`. Once the blocks are merged, the merged document holds exactly the notes its
 * blocks mark, in reading order of their marks, each merged by id: changed on one side, that side's text; changed
 * alike on both, once; changed differently on both, a conflict, with mine standing meanwhile. A note one side added
 * comes with its mark; a note whose mark the merge dropped goes with it.
 */
export function mergeNotes(
  blocks: readonly Block[],
  base: Pick<PolicyDocument, 'notes'>,
  mine: Pick<PolicyDocument, 'notes'>,
  theirs: Pick<PolicyDocument, 'notes'>,
): { notes: Note[]; conflicts: NoteConflict[] } {
  const [b, m, t] = [base, mine, theirs].map((doc) => new Map((doc.notes ?? []).map((note) => [note.id, note]))) as [Map<string, Note>, Map<string, Note>, Map<string, Note>];
  const notes: Note[] = [];
  const conflicts: NoteConflict[] = [];
  for (const id of marksInOrder(blocks)) {
    const [inBase, inMine, inTheirs] = [b.get(id), m.get(id), t.get(id)];
    const key = (note: Note | undefined) => (note ? runsKey(note.runs) : '');
    if (!inMine || !inTheirs) {
      const kept = inMine ?? inTheirs ?? inBase;
      if (kept) notes.push(kept);
      continue;
    }
    const [kb, km, kt] = [inBase ? key(inBase) : null, key(inMine), key(inTheirs)];
    if (km === kt || kt === kb) notes.push(inMine);
    else if (km === kb) notes.push(inTheirs);
    else {
      notes.push(inMine);
      conflicts.push({ kind: 'note', id, base: inBase?.runs ?? null, mine: inMine.runs, theirs: inTheirs.runs });
    }
  }
  return { notes, conflicts };
}

/** The ids of the notes the blocks mark, in reading order, each once. */
export function marksInOrder(blocks: readonly Block[]): string[] {
  const ids = new Set<string>();
  for (const block of blocks) forEachRunList(block, (runs) => runs.forEach((run) => run.note !== undefined && ids.add(run.note)));
  return [...ids];
}

/**
 * The notes the given sides' blocks mark, each from the first document (in the order given) that holds it: what a
 * section conflict must carry so that taking any side's text keeps its footnotes.
 */
export function notesMarkedBy(sides: ReadonlyArray<readonly Block[] | null>, docs: ReadonlyArray<Pick<PolicyDocument, 'notes'>>): Note[] {
  const ids = new Set(sides.flatMap((blocks) => marksInOrder(blocks ?? [])));
  const out: Note[] = [];
  for (const id of ids) {
    const note = docs.map((doc) => doc.notes?.find((candidate) => candidate.id === id)).find((found) => found !== undefined);
    if (note) out.push(note);
  }
  return out;
}
