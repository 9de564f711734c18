/**
 * A change to a text: `remove` characters from `at` replaced by `insert`. Offsets count UTF-16 code units, as
 * JavaScript's strings do on both sides of the API.
 */
export interface TextPatch {
  at: number;
  remove: number;
  insert: string;
}

/**
 * A piece of a text: a string, or a stand-in for a long stretch that knows its length and writes itself out only
 * when asked (String(piece)). Two stand-ins are the same piece only when they are the same object.
 */
export type TextPiece = string | { readonly length: number; toString(): string };

/**
 * The one patch that turns the text `before` joins into, into the text `after` joins into, found from the pieces
 * alone: the pieces the two share at the start and the end are skipped (a piece kept as the same string or object
 * compares by identity, for nothing), and what lies between is the change. Neither text is written out, which for a
 * 1,000,000-word policy is 11 MB.
 */
export function piecesPatch(before: readonly TextPiece[], after: readonly TextPiece[]): TextPatch {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  let at = 0;
  for (let i = 0; i < start; i++) at += (before[i] as TextPiece).length;
  let remove = 0;
  for (let i = start; i < beforeEnd; i++) remove += (before[i] as TextPiece).length;
  return { at, remove, insert: after.slice(start, afterEnd).map(String).join('') };
}

/** The text with the patch applied; null when the patch reaches past the text's end (it was made for another text). */
export function applyTextPatch(text: string, patch: TextPatch): string | null {
  if (patch.at + patch.remove > text.length) return null;
  return text.slice(0, patch.at) + patch.insert + text.slice(patch.at + patch.remove);
}
