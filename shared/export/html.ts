import type { PolicyDocument } from '../model/document';
import type { VariableValues } from '../model/variables';
import { longDay } from '../model/dates';
import { escapeHtml } from './html-escape';
import { inlineHtml } from './html-inline';
import { listHtml } from './html-list';
import { notesHtml } from './html-notes';
import { tableHtml } from './html-table';
import { htmlPage } from './html-page';
import { tocHtml } from './html-toc';
import { acceptAll } from '../review/resolve';
import { prepareDocument, type ExportBlock, type ExportRun, type PreparedDocument } from './prepare';

export interface HtmlExportOptions {
  /**
   * Only the policy's content, for pasting into a CMS page: the document details block and the sections, without
   * <html>, <head>, <style>, the title or the table of contents. The page it lands in has its own title (its <h1>, which
   * is why sections still start at <h2>) and its own navigation; the anchors stay, so the CMS can link to sections.
   */
  readonly fragment?: boolean;
  /** The project's variable values; a variable without one is written as `[name]`. */
  readonly variables?: VariableValues;
}

/**
 * The policy as HTML: one self-contained file by default (inline print-friendly CSS, no scripts, nothing fetched from
 * anywhere), or a fragment. Text is always escaped, and only http, https and mailto links survive.
 */
export function exportHtml(doc: PolicyDocument, options: HtmlExportOptions = {}): string {
  // A published policy is the text as agreed: open suggestions as if accepted (comments are never published).
  const prepared = prepareDocument(acceptAll(doc), options.variables);
  const info = documentInfoHtml(prepared);
  const body = [...prepared.blocks.map(blockHtml), notesHtml(prepared.notes)].filter(notEmpty).join('\n');
  if (options.fragment) return `${[info, body].filter(notEmpty).join('\n')}\n`;
  return htmlPage(prepared.title, '', info, `${tocHtml(prepared.headings)}\n<main>\n${body}\n</main>`, doc.language);
}

function blockHtml(block: ExportBlock): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${Math.min(block.depth + 1, 6)}`;
      // A heading that takes no number has none to show: its anchor stays, for the contents and references.
      const label = block.label === '' ? '' : `<span class="section-number">${escapeHtml(block.label)}</span> `;
      return `<${tag} id="${escapeHtml(block.id)}">${label}${inlineHtml(block.runs, { lineBreaks: false })}</${tag}>`;
    }
    case 'paragraph':
      // An empty paragraph is spacing in the editor; in HTML it is only an empty element that tidy complains about.
      return isBlank(block.runs) ? '' : `<p>${inlineHtml(block.runs)}</p>`;
    case 'list':
      return listHtml(block);
    case 'table':
      return tableHtml(block);
  }
}

// Functions of their own rather than arrows written in place: the engine's optimised code for a closure made anew at
// each export (or each paragraph) is dropped at the next garbage collection, and the next export ran it slowly again.
const notEmpty = (part: string): boolean => part !== '';

function isBlank(runs: readonly ExportRun[]): boolean {
  for (let i = 0; i < runs.length; i++) if ((runs[i] as ExportRun).text.trim() !== '') return false;
  return true;
}

/** Effective date, last updated, version and owner: what a reader (or a regulator) asks of a policy first. */
function documentInfoHtml(doc: PreparedDocument): string {
  const rows: Array<[string, string]> = [];
  if (doc.effectiveDate) rows.push(['Effective date', timeHtml(doc.effectiveDate)]);
  if (doc.lastUpdated) rows.push(['Last updated', timeHtml(doc.lastUpdated)]);
  if (doc.versionLabel) rows.push(['Version', escapeHtml(doc.versionLabel)]);
  if (doc.owner) rows.push(['Owner', escapeHtml(doc.owner)]);
  if (rows.length === 0) return '';
  return ['<dl class="document-info">', ...rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`), '</dl>'].join('\n');
}

function timeHtml(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(longDay(iso))}</time>`;
}
