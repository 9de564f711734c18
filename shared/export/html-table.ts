import { inlineHtml } from './html-inline';
import type { ExportTable } from './prepare';

/**
 * A table as HTML: its caption as <caption>, a header row as <thead> of <th scope="col"> (which a screen reader
 * announces with each cell, and Chromium repeats at the top of each printed page), the other rows in <tbody>. A cell's
 * text is written as a paragraph's is, marks, links, references and footnote marks included.
 */
export function tableHtml(table: ExportTable): string {
  const lines = ['<table>'];
  if (table.caption) lines.push(`<caption>${inlineHtml(table.caption)}</caption>`);
  const [first, ...rest] = table.rows;
  const body = table.header ? rest : table.rows;
  if (table.header && first) lines.push('<thead>', rowHtml(first, '<th scope="col">', '</th>'), '</thead>');
  if (body.length > 0) lines.push('<tbody>', ...body.map((row) => rowHtml(row, '<td>', '</td>')), '</tbody>');
  lines.push('</table>');
  return lines.join('\n');
}

function rowHtml(cells: ExportTable['rows'][number], open: string, close: string): string {
  return `<tr>${cells.map((cell) => `${open}${inlineHtml(cell)}${close}`).join('')}</tr>`;
}
