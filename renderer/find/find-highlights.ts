/**
 * Shows the matches in the page with the CSS Custom Highlight API: ranges painted over the text, so neither Slate nor
 * React renders anything for them, and typing costs what it did. Only matches near what is in view are painted (a
 * window of blocks around the top of the page's view, which going to a match has scrolled to it), and only in blocks
 * that are drawn: painting 6,000 matches of "the" would cost more than the search itself.
 */
import { ReactEditor } from 'slate-react';
import type { TextMatch } from '../../shared/find/find';
import type { BlockElement, PolicyEditor } from '../editor/types';
import { rangeOf } from './block-text';

const ALL = 'find-match';
const CURRENT = 'find-current';
// Blocks painted above and below the block in view, and the most ranges painted at once.
const BLOCKS_BEFORE = 20;
const BLOCKS_AFTER = 80;
const MOST_RANGES = 600;

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

export function clearHighlights(): void {
  const highlights = registry();
  highlights?.delete(ALL);
  highlights?.delete(CURRENT);
}

export function paintHighlights(editor: PolicyEditor, matches: readonly TextMatch[], current: number): void {
  const highlights = registry();
  if (!highlights) return;
  const all = new Highlight();
  const mine = new Highlight();
  const center = topBlockInView(editor);
  const from = center - BLOCKS_BEFORE;
  const to = center + BLOCKS_AFTER;
  let painted = 0;
  for (let i = firstInBlock(matches, from); i < matches.length && painted < MOST_RANGES; i++) {
    const match = matches[i] as TextMatch;
    if (match.block > to) break;
    const range = domRange(editor, match);
    if (!range) continue;
    all.add(range);
    painted++;
  }
  const currentMatch = matches[current];
  const currentRange = currentMatch ? domRange(editor, currentMatch) : null;
  if (currentRange) mine.add(currentRange);
  highlights.set(ALL, all);
  highlights.set(CURRENT, mine);
}

function domRange(editor: PolicyEditor, match: TextMatch): globalThis.Range | null {
  const block = editor.children[match.block] as BlockElement | undefined;
  if (!block) return null;
  try {
    return ReactEditor.toDOMRange(editor, rangeOf(block, match));
  } catch {
    return null; // not drawn yet
  }
}

/** The index of the top-level block at the top of the page's view (0 when it cannot be told). */
function topBlockInView(editor: PolicyEditor): number {
  try {
    const root = ReactEditor.toDOMNode(editor, editor);
    const scroller = root.closest<HTMLElement>('.page-scroll');
    if (!scroller) return 0;
    const box = scroller.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 16)?.closest('[data-slate-node="element"]');
    if (!hit) return 0;
    const path = ReactEditor.findPath(editor, ReactEditor.toSlateNode(editor, hit));
    return path[0] ?? 0;
  } catch {
    return 0;
  }
}

function firstInBlock(matches: readonly TextMatch[], block: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((matches[mid] as TextMatch).block < block) low = mid + 1;
    else high = mid;
  }
  return low;
}
