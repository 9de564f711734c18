/**
 * Footnotes: each mark a reader hands over gets a note id (from the section id maker, with the note prefix), and once
 * the blocks are built the document's notes are the marked ones, in the order their marks are read. A note whose mark
 * was dropped with its line (a title, a table of contents) is dropped too: the model wants each note marked once.
 */
import type { Block, Note } from '../../model/document';
import { forEachRunList } from '../../model/block-runs';
import type { RawRun } from '../raw';
import { cleanRuns, type NoteTaker } from '../runs';

export class NoteBook {
  private readonly texts = new Map<string, RawRun[] | readonly RawRun[]>();

  constructor(private readonly newId: () => string) {}

  /** The NoteTaker for cleanRuns. The note's runs are read at the end: a reader may fill them after the mark. */
  readonly take: NoteTaker = (runs) => {
    const id = `n-${this.newId().replace(/^[a-z]-/, '')}`;
    this.texts.set(id, runs);
    return id;
  };

  /** The notes the blocks mark, in reading order; an empty note keeps its mark, as "(empty)" reads nothing. */
  notesOf(blocks: readonly Block[]): Note[] {
    const notes: Note[] = [];
    for (const block of blocks) {
      forEachRunList(block, (runs) => {
        for (const run of runs) {
          const raw = run.note === undefined ? undefined : this.texts.get(run.note);
          if (raw === undefined || run.note === undefined) continue;
          this.texts.delete(run.note);
          notes.push({ id: run.note, runs: cleanRuns(raw) });
        }
      });
    }
    return notes;
  }
}
