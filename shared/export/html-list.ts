import type { ExportList, ExportListItem } from './lists';
import { inlineHtml } from './html-inline';

// Nested numbered lists go 1. → a) → i. and round again, as the editor and the DOCX export number them.
const NUMBER_TYPES = ['1', 'a', 'i'] as const;

/**
 * One list as nested <ul>/<ol>: a deeper item opens a list inside the item before it, a change between bullets and
 * numbers at the same depth closes one list and opens the other. A numbered list that carries on counting after a
 * bullet (1., •, 2.) says so with `start`, so the browser's count matches the one prepare.ts worked out.
 */
export function listHtml(list: ExportList): string {
  return listItemsHtml(list.items, (item) => inlineHtml(item.runs));
}

/** What listItemsHtml needs to know of an item to place it: the rest is `content`'s to write. */
export type ListItemPlace = Pick<ExportListItem, 'list' | 'depth' | 'ordinal'>;

/** listHtml for items of any kind (the redline's items carry changes rather than plain runs). */
export function listItemsHtml<T extends ListItemPlace>(items: readonly T[], content: (item: T) => string): string {
  let html = '';
  const open: Array<ExportListItem['list']> = [];
  const close = () => {
    html += `</li>\n</${open.pop() === 'number' ? 'ol' : 'ul'}>`;
  };
  for (const item of items) {
    while (open.length > item.depth + 1) close();
    if (open.length === item.depth + 1 && open[item.depth] !== item.list) close();
    if (open.length === item.depth + 1) {
      html += '</li>\n';
    } else {
      // Depth grows by one at most (prepare.ts sees to it), so a nested list opens inside the item still open above.
      html += `${html === '' ? '' : '\n'}${openList(item)}\n`;
      open.push(item.list);
    }
    html += `<li>${content(item)}`;
  }
  while (open.length > 0) close();
  return html;
}

function openList(item: ListItemPlace): string {
  if (item.list === 'bullet') return '<ul>';
  const type = NUMBER_TYPES[item.depth % NUMBER_TYPES.length] ?? '1';
  const attributes = [type === '1' ? '' : ` type="${type}"`, item.ordinal > 1 ? ` start="${item.ordinal}"` : ''].join('');
  return `<ol${attributes}>`;
}
