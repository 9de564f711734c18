import type { ExportList, ExportListItem } from './lists';
import { inlineHtml } from './html-inline';
import { LIST_DEPTHS, bulletLabel, numberLevel, type CounterFormat } from '../numbering/list-labels';

// Nested numbered lists are numbered by list-labels.ts's levels: <ol type> picks the counter, and a ::marker rule
// writes a separator other than the browser's full stop, so the page shows the labels the editor and the DOCX show.
const HTML_TYPES: Readonly<Record<CounterFormat, '1' | 'a' | 'i'>> = { decimal: '1', 'lower-alpha': 'a', 'lower-roman': 'i' };

/** The <ol type> of a numbered list at a depth: "1", "a" or "i". */
export function olType(depth: number): '1' | 'a' | 'i' {
  return HTML_TYPES[numberLevel(depth).format];
}

/**
 * The ::marker rules: for the numbered levels whose separator is not the browser's own "." (as "a)"), one per list
 * type; and each depth's bullet, as a <ul> inside that many lists, where the browser would go disc, circle, square.
 */
export function listMarkerStyle(): string {
  const rules = new Map<string, string>();
  for (let depth = 0; depth < LIST_DEPTHS; depth++) {
    // A deeper rule names one more list around it, so it is the more specific and wins over the ones above it.
    const selector = `main ${':is(ul, ol) '.repeat(depth)}ul > li::marker`;
    rules.set(selector, `${selector} { content: "${bulletLabel(depth)} "; }\n`);
  }
  for (let depth = 0; depth < LIST_DEPTHS; depth++) {
    const level = numberLevel(depth);
    if (level.separator === '.') continue;
    const type = olType(depth);
    const selector = type === '1' ? 'ol:not([type])' : `ol[type="${type}"]`;
    rules.set(selector, `${selector} > li::marker { content: counter(list-item, ${level.format}) "${level.separator} "; }\n`);
  }
  return [...rules.values()].join('');
}

/**
 * One list as nested <ul>/<ol>: a deeper item opens a list inside the item before it, a change between bullets and
 * numbers at the same depth closes one list and opens the other. A numbered list that carries on counting after a
 * bullet (1., •, 2.) says so with `start`, so the browser's count matches the one prepare.ts worked out.
 */
export function listHtml(list: ExportList): string {
  return listItemsHtml(list.items, itemHtml);
}

// Not an arrow written per list: optimised code for a closure made anew does not outlive the next garbage collection.
function itemHtml(item: ExportListItem): string {
  return inlineHtml(item.runs);
}

/** What listItemsHtml needs to know of an item to place it: the rest is `content`'s to write. */
export type ListItemPlace = Pick<ExportListItem, 'list' | 'depth' | 'ordinal'>;

/** listHtml for items of any kind (the redline's items carry changes rather than plain runs). */
export function listItemsHtml<T extends ListItemPlace>(items: readonly T[], content: (item: T) => string): string {
  let html = '';
  const open: Array<ExportListItem['list']> = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    while (open.length > item.depth + 1) html += closeList(open);
    if (open.length === item.depth + 1 && open[item.depth] !== item.list) html += closeList(open);
    if (open.length === item.depth + 1) {
      html += '</li>\n';
    } else {
      // Depth grows by one at most (prepare.ts sees to it), so a nested list opens inside the item still open above.
      html += `${html === '' ? '' : '\n'}${openList(item)}\n`;
      open.push(item.list);
    }
    html += `<li>${content(item)}`;
  }
  while (open.length > 0) html += closeList(open);
  return html;
}

/** Closes the innermost list open (and its last item). */
function closeList(open: Array<ExportListItem['list']>): string {
  return `</li>\n</${open.pop() === 'number' ? 'ol' : 'ul'}>`;
}

function openList(item: ListItemPlace): string {
  if (item.list === 'bullet') return '<ul>';
  const type = olType(item.depth);
  const attributes = [type === '1' ? '' : ` type="${type}"`, item.ordinal > 1 ? ` start="${item.ordinal}"` : ''].join('');
  return `<ol${attributes}>`;
}
