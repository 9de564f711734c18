import type { ListItem } from '../model/document';
import { exportRuns, type ExportRun } from './runs';

export interface ExportListItem {
  readonly list: 'bullet' | 'number';
  /** Nesting depth from 0. Never more than one below the item before it, whatever indent was stored. */
  readonly depth: number;
  /** For a numbered item, its number in its sequence, from 1; 0 for a bullet. */
  readonly ordinal: number;
  /** For a numbered item, which run of numbering it belongs to (unique in the document); -1 for a bullet. */
  readonly sequence: number;
  readonly runs: ExportRun[];
}

/** Consecutive list items, which is one list to every exporter. */
export interface ExportList {
  readonly kind: 'list';
  readonly items: ExportListItem[];
}

/**
 * Numbers the items of one list (a run of consecutive list items):
 * - a numbered list restarts after any block that is not a list item, because that ends the list (as in the editor);
 * - a bullet between two numbered items at the same depth does not restart them (1., •, 2.), as in the editor;
 * - every item starts the numbering below it afresh, so the numbered children of a new parent, bullet or number,
 *   start at 1 (the editor restarts them only under a new numbered parent).
 * An indent that jumps (0 then 3) is read as one level deeper, as headings are, so no exporter has to invent empty
 * parent items. `nextSequence` is the first free sequence number; the return says where the next list starts.
 */
export function exportList(items: readonly ListItem[], nextSequence: number): { list: ExportList; nextSequence: number } {
  const numbers = listNumbers(items, nextSequence);
  const out = items.map((item, i): ExportListItem => ({ ...(numbers.items[i] as ListNumber), runs: exportRuns(item.runs) }));
  return { list: { kind: 'list', items: out }, nextSequence: numbers.nextSequence };
}

export interface ListNumber {
  readonly list: 'bullet' | 'number';
  readonly depth: number;
  readonly ordinal: number;
  readonly sequence: number;
}

/**
 * The numbers of one list's items, by the rules above: the one numbering of list items that the editor shows and
 * every exporter writes.
 */
export function listNumbers(
  items: ReadonlyArray<{ readonly list: 'bullet' | 'number'; readonly indent: number }>,
  nextSequence = 0,
): { items: ListNumber[]; nextSequence: number } {
  const out: ListNumber[] = [];
  // At each open depth, the numbered sequence running there and how far it has counted.
  const open: Array<{ sequence: number; count: number } | null> = [];
  let sequence = nextSequence;
  for (const item of items) {
    const depth = Math.min(Math.max(0, item.indent), open.length);
    open.length = depth + 1;
    if (item.list === 'bullet') {
      open[depth] ??= null;
      out.push({ list: 'bullet', depth, ordinal: 0, sequence: -1 });
      continue;
    }
    const running = open[depth] ?? { sequence: sequence++, count: 0 };
    running.count += 1;
    open[depth] = running;
    out.push({ list: 'number', depth, ordinal: running.count, sequence: running.sequence });
  }
  return { items: out, nextSequence: sequence };
}
