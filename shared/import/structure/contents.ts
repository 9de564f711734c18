/**
 * The CONTENTS stage: a table of contents typed into the file (Word's TOC field as text, one from Google Docs, or one
 * typed by hand, with or without page numbers) is not content. Its entries would otherwise become false sections,
 * with page numbers in their titles, ahead of the real ones. It is recognised by what it is: a run of short lines
 * near the top, each naming a heading that comes later, in the same order.
 */
import { readMarker } from '../markers';
import type { Line } from './types';

/** Fewer entries than this are not a table of contents but a coincidence. */
const MIN_ENTRIES = 3;
/** An entry is a heading's words: a longer line is a sentence (a summary that names its section), not an entry. */
const MAX_ENTRY_WORDS = 16;
/** "Contents", "Table of Contents", "Index", "In this policy" as the contents page's own heading. */
const CONTENTS_TITLE = /^(?:table\s+of\s+contents|contents|index|in\s+this\s+(?:policy|notice|document)|on\s+this\s+page)\s*:?$/i;

/** A line's words without its number, its page number or its dot leaders: what a heading and its entry share. */
export function entryKey(text: string): string {
  let t = text.replace(/\u00a0/g, ' ').trim();
  // (tried only where a page number can be: the pattern, tried at every position of a long paragraph, is slow)
  if (/\d$/.test(t)) t = t.replace(/(?:\s*\.{2,}\s*|\s*…+\s*|\t+|\s{2,}|\s+)\d{1,4}$/u, '');
  const marker = readMarker(t);
  if (marker) t = t.slice(marker.length);
  return withoutTrailingStops(t).replace(/\s+/g, ' ').toLowerCase();
}

/** The text without the white space, full stops and colons it ends with (as /[\s.:]+$/ would, in one pass from the end). */
function withoutTrailingStops(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charAt(end - 1);
    if (c !== '.' && c !== ':' && c.trim() !== '') break;
    end--;
  }
  return text.slice(0, end);
}

/** A contents page found and dropped: how many entries it had, and its own heading ("Table of Contents") if any. */
export interface DroppedContents {
  entries: number;
  title: string | null;
}

/** Marks the table of contents (and its own heading) as dropped; null when there is none. */
export function dropContentsPage(lines: Line[]): DroppedContents | null {
  const keys = lines.map((line) => {
    if (line.role !== null || line.raw.verbatim) return '';
    const key = entryKey(line.text);
    return key.split(' ').length <= MAX_ENTRY_WORDS ? key : '';
  });
  // Where each text stands as a line, so an entry finds its heading further down in one look.
  const positions = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === '') return;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const firstAfter = (key: string, after: number) => positions.get(key)?.find((i) => i > after) ?? -1;

  // Only the first third of the file (and at least its first 60 lines) is where a contents page stands.
  const limit = Math.max(60, Math.floor(lines.length / 3));
  for (let start = 0; start < Math.min(limit, lines.length); start++) {
    let end = start;
    const targets: number[] = [];
    while (end < lines.length && keys[end] !== '') {
      const target = firstAfter(keys[end] as string, end);
      // The next entry names a heading below the one before it: entries in the headings' order.
      if (target === -1 || (targets.length > 0 && target <= (targets[targets.length - 1] as number))) break;
      targets.push(target);
      end++;
    }
    // A contents page ends before the first heading it names.
    if (targets.length >= MIN_ENTRIES && (targets[0] as number) >= end) {
      for (let i = start; i < end; i++) (lines[i] as Line).role = { kind: 'drop' };
      const title = lines[start - 1];
      const titled = title !== undefined && title.role === null && CONTENTS_TITLE.test(title.text.trim());
      if (titled) title.role = { kind: 'drop' };
      return { entries: end - start, title: titled ? title.text.trim() : null };
    }
  }
  return null;
}
