/**
 * Word's cross-references to a heading's number: REF fields to a bookmark with `\r`, `\n` or `\w` (as our export and
 * Word's Insert › Cross-reference write them). Import reads each as an internal link to the bookmark, which the
 * structure pass makes a reference when the bookmark is a heading's (structure/anchors.ts). A REF without one of those
 * switches shows the bookmarked text (a title), not a number, and stays text.
 */
const NUMBER_REF = /^\s*REF\s+([A-Za-z0-9_]{1,40})((?:\s+\\[a-z*]+)*)\s*$/;

/** The bookmark a field instruction refers to by its number, or undefined when the instruction is no such REF. */
export function numberReferenceBookmark(instruction: string): string | undefined {
  const match = NUMBER_REF.exec(instruction);
  if (!match || !/\\[rnw]\b/.test(match[2] ?? '')) return undefined;
  return match[1];
}

const INSTRUCTION = /(<w:instrText\b[^>]*>)([^<]*)(<\/w:instrText>)/g;

/**
 * document.xml with those REF fields' instructions rewritten as `HYPERLINK \l "bookmark"`, which mammoth reads as a
 * link to `#bookmark`; undefined when it has none. Only the mammoth fallback needs this (wordml/ reads REF itself).
 */
export function referencesAsLinks(documentXml: string): string | undefined {
  if (!/REF\s/.test(documentXml)) return undefined;
  let found = false;
  const linked = documentXml.replace(INSTRUCTION, (all, open: string, instruction: string, close: string) => {
    const bookmark = numberReferenceBookmark(instruction);
    if (bookmark === undefined) return all;
    found = true;
    return `${open} HYPERLINK \\l "${bookmark}" ${close}`;
  });
  return found ? linked : undefined;
}
