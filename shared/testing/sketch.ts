import type { Block, PolicyDocument } from '../model/document';

/** A block's text, its runs joined; a table's cells joined by " | " and its rows by " / ". */
export const plain = (b: Block): string => {
  if (b.kind !== 'table') return b.runs.map((r) => r.text).join('');
  return b.rows.map((row) => row.cells.map((cell) => cell.runs.map((r) => r.text).join('')).join(' | ')).join(' / ');
};

/** A document as a test reads it at a glance: "H2 Title" for headings, "¶ text" for paragraphs, "• text" / "# text" for list items (indented). */
export function sketch(doc: PolicyDocument): string[] {
  return doc.blocks.map((b) => {
    if (b.kind === 'heading') return `H${b.level} ${plain(b)}`;
    if (b.kind === 'list-item') return `${'  '.repeat(b.indent)}${b.list === 'bullet' ? '•' : '#'} ${plain(b)}`;
    if (b.kind === 'table') return `⊞ ${plain(b)}`;
    return `¶ ${plain(b)}`;
  });
}
