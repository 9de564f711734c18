import { escapeHtml } from './html-escape';
import type { ExportHeading } from './prepare';

/**
 * The table of contents: one nested <ol> level per section depth, each entry a link to the heading's anchor (its
 * stable section id). Numbers are written out rather than left to list markers, so they read as in the document.
 */
export function tocHtml(headings: readonly ExportHeading[]): string {
  if (headings.length === 0) return '';
  const out: string[] = ['<nav class="toc" aria-labelledby="toc-title">', '<h2 id="toc-title">Contents</h2>'];
  let depth = 0;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i] as ExportHeading;
    // Depth grows by one at most from one heading to the next (numberSections sees to it).
    if (heading.depth > depth) out.push('<ol>'.repeat(heading.depth - depth));
    else out.push('</li>', '</ol></li>'.repeat(depth - heading.depth));
    depth = heading.depth;
    // A heading that takes no number is listed by its title alone.
    const number = heading.label === '' ? '' : `<span class="section-number">${escapeHtml(heading.label)}</span> `;
    out.push(`<li><a href="#${escapeHtml(heading.id)}">${number}${escapeHtml(heading.text)}</a>`);
  }
  out.push('</li>', '</ol></li>'.repeat(depth - 1), '</ol>', '</nav>');
  return out.filter(notEmpty).join('\n');
}

// Not an arrow written in place: optimised code for a closure made anew per export does not outlive a garbage collection.
function notEmpty(line: string): boolean {
  return line !== '';
}
