import type { Block, PolicyDocument } from '../model/document';

/** A block's text, its runs joined. */
export const plain = (b: Block): string => b.runs.map((r) => r.text).join('');

/** A document as a test reads it at a glance: "H2 Title" for headings, "¶ text" for paragraphs, "• text" / "# text" for list items (indented). */
export function sketch(doc: PolicyDocument): string[] {
  return doc.blocks.map((b) => {
    if (b.kind === 'heading') return `H${b.level} ${plain(b)}`;
    if (b.kind === 'list-item') return `${'  '.repeat(b.indent)}${b.list === 'bullet' ? '•' : '#'} ${plain(b)}`;
    return `¶ ${plain(b)}`;
  });
}
