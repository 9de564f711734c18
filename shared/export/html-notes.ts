import { inlineHtml } from './html-inline';
import type { ExportNote } from './prepare';

/**
 * The footnotes at the end of the text, numbered as their marks are (1, 2, … in reading order), each with a link back
 * to its mark. Marked up as DPUB-ARIA's endnotes, which a screen reader announces as such; '' when there are none.
 */
export function notesHtml(notes: readonly ExportNote[]): string {
  if (notes.length === 0) return '';
  const items = notes.map(
    (note) =>
      `<li id="fn-${note.number}">${inlineHtml(note.runs)} <a href="#fnref-${note.number}" class="footnote-back" role="doc-backlink" aria-label="Back to the text of note ${note.number}">↩</a></li>`,
  );
  return ['<section class="footnotes" role="doc-endnotes" aria-label="Footnotes">', '<ol>', ...items, '</ol>', '</section>'].join('\n');
}
