import type { BlockChangeKind, SuggestionMark } from '../../shared/model/document';

/**
 * How suggestions look in the page: each person's in one of a few colours (a class per colour, chosen by a hash of the
 * name, so a person keeps theirs in every document and window), with a tooltip saying who did what, and when.
 */

/** Colours in app.css, each dark enough for text on the page (WCAG AA). */
const AUTHOR_COLOURS = 6;

export function authorClass(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return `author-${hash % AUTHOR_COLOURS}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "4 Dec 2026 10:00", in the reader's time zone. */
export function momentText(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const VERBS: Record<BlockChangeKind | 'ins' | 'del' | 'format' | 'level', string> = {
  ins: 'Inserted',
  del: 'Deleted',
  format: 'Formatted',
  level: 'Level changed',
  insert: 'Paragraph inserted',
  delete: 'Paragraph deleted',
  'move-from': 'Moved away',
  'move-to': 'Moved here',
};

/** "Inserted by Ana, 4 Dec 2026 10:00". */
export function describe(kind: keyof typeof VERBS, mark: SuggestionMark): string {
  return `${VERBS[kind]} by ${mark.by}, ${momentText(mark.at)}`;
}
