import type { ExportNote, ExportTable } from './prepare';
import type { ExportRun } from './runs';
import { inlineMarkdown } from './markdown-inline';

/**
 * A table as a GFM pipe table. GFM's table always has a header row: a table with one (`header`) writes its first row
 * there; a table without writes an empty header row and every row below it, which pandoc and the importer read back
 * as a table with no header. Cell text is inline Markdown on one line, a line break as <br>; a pipe in the text is
 * escaped by escapeMarkdownText and one in an address percent-encoded. The caption, when there is one, is an italic
 * paragraph of its own right above the table: that is how the importer tells it from the text before.
 */
export function tableMarkdown(table: ExportTable, cell: (runs: readonly ExportRun[]) => string): string {
  const width = table.rows[0]?.length ?? 1;
  const row = (cells: readonly string[]) => `| ${cells.map((text) => (text === '' ? ' ' : text)).join(' | ')} |`;
  const [first, ...rest] = table.rows.map((cells) => cells.map(cell));
  const header = table.header && first ? first : Array.from({ length: width }, () => '');
  const body = table.header ? rest : [first ?? [], ...rest];
  const lines = [row(header), `|${' --- |'.repeat(width)}`, ...body.map(row)];
  const caption = table.caption ? `${inlineMarkdown(table.caption.map(italic), { lineBreak: ' ' })}\n\n` : '';
  return caption + lines.join('\n');
}

const italic = (run: ExportRun): ExportRun => ({ ...run, italic: true, text: run.text.replace(/\n/g, ' ') });

/**
 * The footnotes as GFM footnote definitions at the end, `[^N]: text`, numbered as their marks; a line break in a
 * note is a hard break with the following line indented into the definition.
 */
export function notesMarkdown(notes: readonly ExportNote[]): string {
  return notes.map((note) => `[^${note.number}]: ${inlineMarkdown(note.runs, { lineBreak: '\\\n    ' })}`).join('\n');
}
