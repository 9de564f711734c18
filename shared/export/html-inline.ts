import type { ExportRun } from './runs';
import { escapeHtml } from './html-escape';

/**
 * Runs as inline HTML. Every piece of text and every address goes through escapeHtml; links arrive here already
 * checked (http, https, mailto only). Line breaks inside a block become <br>, the one way HTML keeps them.
 */
export function inlineHtml(runs: readonly ExportRun[], options: { lineBreaks?: boolean } = {}): string {
  let html = '';
  for (const run of runs) {
    if (run.note !== undefined) {
      html += noteMarkHtml(run.note.number);
      continue;
    }
    let inner = escapeHtml(run.text);
    // Nearly no run has a line break: one look spares a regular expression per run.
    if (inner.includes('\n')) inner = options.lineBreaks === false ? inner.replace(/\n/g, ' ') : inner.replace(/\n/g, '<br>\n');
    if (run.script) inner = run.script === 'superscript' ? `<sup>${inner}</sup>` : `<sub>${inner}</sub>`;
    if (run.underline) inner = `<u>${inner}</u>`;
    if (run.italic) inner = `<em>${inner}</em>`;
    if (run.bold) inner = `<strong>${inner}</strong>`;
    if (run.href !== undefined) inner = `<a href="${escapeHtml(run.href)}">${inner}</a>`;
    html += inner;
  }
  return html;
}

/** A footnote's mark: its number, raised, linked to the note at the end, which links back here (notesHtml). */
function noteMarkHtml(number: number): string {
  return `<sup class="footnote-ref"><a href="#fn-${number}" id="fnref-${number}" role="doc-noteref">${number}</a></sup>`;
}
