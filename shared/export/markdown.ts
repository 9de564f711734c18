import type { PolicyDocument } from '../model/document';
import type { VariableValues } from '../model/variables';
import { longDay } from '../model/dates';
import type { ExportList } from './lists';
import { notesMarkdown, tableMarkdown } from './markdown-blocks';
import type { ExportRun } from './runs';
import { escapeMarkdownText, yamlString } from './markdown-escape';
import { inlineMarkdown } from './markdown-inline';
import { acceptAll } from '../review/resolve';
import { prepareDocument, type ExportBlock, type PreparedDocument } from './prepare';

const HARD_BREAK = '\\\n';

/**
 * The policy as GitHub-flavoured Markdown, with YAML front matter for the document's details. The title is the one
 * `#` heading and sections start at `##` (capped at `######`), each with its computed number in its text, because
 * Markdown has no numbering of its own that could follow the document's style; a heading that takes no number is
 * written without one, which is how the importer tells it from the numbered ones. Tables are GFM pipe tables and
 * footnotes GFM's `[^N]`, their notes at the end. Text is escaped so that nothing the
 * author typed turns into markup; the only markup is what the document's marks and links ask for.
 */
export function exportMarkdown(doc: PolicyDocument, options: { variables?: VariableValues } = {}): string {
  // A published policy is the text as agreed: open suggestions as if accepted (comments are never published).
  const prepared = prepareDocument(acceptAll(doc), options.variables);
  const parts = [frontMatter(prepared), `# ${escapeMarkdownText(prepared.title, false)}`, documentInfo(prepared)];
  for (const block of prepared.blocks) parts.push(blockMarkdown(block, prepared.referenced));
  parts.push(notesMarkdown(prepared.notes));
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function frontMatter(doc: PreparedDocument): string {
  const date = (iso: string | null) => (iso === null ? 'null' : yamlString(iso));
  return [
    '---',
    `title: ${yamlString(doc.title)}`,
    `effective_date: ${date(doc.effectiveDate)}`,
    `last_updated: ${date(doc.lastUpdated)}`,
    `version: ${yamlString(doc.versionLabel)}`,
    `owner: ${yamlString(doc.owner)}`,
    ...(doc.language ? [`lang: ${yamlString(doc.language)}`] : []),
    `numbering: ${yamlString(doc.numbering)}`,
    '---',
  ].join('\n');
}

/** The details again under the title, for renderers that hide front matter. */
function documentInfo(doc: PreparedDocument): string {
  const lines: string[] = [];
  if (doc.effectiveDate) lines.push(`Effective date: ${longDay(doc.effectiveDate)}`);
  if (doc.lastUpdated) lines.push(`Last updated: ${longDay(doc.lastUpdated)}`);
  if (doc.versionLabel) lines.push(`Version: ${doc.versionLabel}`);
  if (doc.owner) lines.push(`Owner: ${doc.owner}`);
  return lines.map((line) => escapeMarkdownText(line, true)).join(HARD_BREAK);
}

function blockMarkdown(block: ExportBlock, referenced: ReadonlySet<string>): string {
  switch (block.kind) {
    case 'heading': {
      // An ATX heading is one line: a line break the author put in a heading becomes a space.
      const runs = block.runs.map((run) => ({ ...run, text: run.text.replace(/\n/g, ' ') }));
      const text = inlineMarkdown(runs, { lineBreak: ' ' });
      // A section a cross-reference links to gets the HTML export's anchor (its stable id), which GFM passes through.
      const anchor = referenced.has(block.id) ? ` <a id="${block.id}"></a>` : '';
      const words = [block.label === '' ? '' : escapeMarkdownText(block.label, false), text].filter((part) => part !== '').join(' ');
      return `${'#'.repeat(Math.min(block.depth + 1, 6))} ${words}${anchor}`;
    }
    case 'paragraph':
      return inlineMarkdown(trimRuns(block.runs), { lineBreak: HARD_BREAK });
    case 'list':
      return listMarkdown(block);
    case 'table':
      return tableMarkdown(block, (runs) => inlineMarkdown(trimRuns(runs), { lineBreak: '<br>' }));
  }
}

/**
 * A list with its nesting: each item is indented to the content of its parent's marker, as GFM requires. Numbered
 * items carry their own number, so a list that goes on counting after a bullet (1., •, 2.) starts at 2 in Markdown
 * too. Where bullets and numbers switch at one depth GFM starts a new list, and a blank line goes before it: without
 * one, "2." right under a bullet's text would be read as more of that text.
 */
function listMarkdown(list: ExportList): string {
  const lines: string[] = [];
  // For each open depth: where its items' content starts, and which kind of list it is.
  const open: Array<{ contentIndent: number; list: 'bullet' | 'number' }> = [];
  for (const item of list.items) {
    const previous = open[item.depth];
    open.length = item.depth;
    const indent = open[item.depth - 1]?.contentIndent ?? 0;
    const marker = item.list === 'bullet' ? '-' : `${item.ordinal}.`;
    const contentIndent = indent + marker.length + 1;
    open.push({ contentIndent, list: item.list });
    if (previous && previous.list !== item.list) lines.push('');
    const text = inlineMarkdown(trimRuns(item.runs), { lineBreak: `${HARD_BREAK}${' '.repeat(contentIndent)}` });
    lines.push(`${' '.repeat(indent)}${marker}${text === '' ? '' : ` ${text}`}`);
  }
  return lines.join('\n');
}

/**
 * Runs without the spaces and line breaks at either end of their block. A break there means nothing in Markdown (a
 * backslash before the end of a paragraph is even shown as a backslash), and HTML shows none either.
 */
function trimRuns(runs: readonly ExportRun[]): ExportRun[] {
  const out = runs.slice();
  while (out.length > 0 && (out[0]?.text.trim() ?? '') === '') out.shift();
  while (out.length > 0 && (out[out.length - 1]?.text.trim() ?? '') === '') out.pop();
  const first = out[0];
  if (first) out[0] = { ...first, text: first.text.trimStart() };
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out;
}
