import type { RawParagraph } from './raw';

/**
 * A caption paragraph (Word's "Caption" style) right before a table, or else right after it, becomes the table's
 * caption and leaves the text; one standing by no table stays a paragraph. The DOCX reader and html.ts reading
 * mammoth's HTML of a Word file both use it.
 */
export function withCaptions(out: RawParagraph[], captions: ReadonlySet<RawParagraph>): RawParagraph[] {
  if (captions.size === 0) return out;
  const used = new Set<RawParagraph>();
  out.forEach((paragraph, i) => {
    if (!paragraph.table) return;
    const before = out[i - 1];
    const after = out[i + 1];
    const caption = before && captions.has(before) && !used.has(before) ? before : after && captions.has(after) && !used.has(after) ? after : undefined;
    if (!caption) return;
    used.add(caption);
    paragraph.table.caption = caption.runs;
  });
  return out.filter((paragraph) => !used.has(paragraph));
}
