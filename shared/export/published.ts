import type { PolicyDocument } from '../model/document';
import { acceptAll, acceptEverything, resolveRuns } from '../review/resolve';

/**
 * The text as published (HTML, Markdown, PDF): every open suggestion accepted, in the blocks and in the footnotes'
 * text alike. A footnote whose mark an accepted deletion took away is no longer marked, and prepare.ts leaves it out.
 */
export function publishedText(doc: PolicyDocument): PolicyDocument {
  const accepted = acceptAll(doc);
  if (!doc.notes) return accepted;
  return { ...accepted, notes: doc.notes.map((note) => ({ ...note, runs: resolveRuns(note.runs, acceptEverything) })) };
}
