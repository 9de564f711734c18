import { createContext } from 'react';
import type { NoteNumberStore } from './note-numbers';

/** What the marks in the text reach: the numbers, and the way to a note's text at the foot of the page. */
export interface Footnotes {
  readonly store: NoteNumberStore;
  /** Shows note `id`'s text box, with the cursor at its end. */
  open(id: string): void;
}

export const FootnotesContext = createContext<Footnotes | null>(null);
