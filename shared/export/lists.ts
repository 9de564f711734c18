import type { ListItem } from '../model/document';
import { listNumbers, type ListNumber } from '../numbering/list-numbers';
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
 * One list (a run of consecutive list items) as the exporters write it, numbered by listNumbers
 * (shared/numbering/list-numbers.ts). `nextSequence` is the first free sequence number; the return says where the
 * next list starts.
 */
export function exportList(items: readonly ListItem[], nextSequence: number): { list: ExportList; nextSequence: number } {
  const numbers = listNumbers(items, nextSequence);
  const out = items.map((item, i): ExportListItem => ({ ...(numbers.items[i] as ListNumber), runs: exportRuns(item.runs) }));
  return { list: { kind: 'list', items: out }, nextSequence: numbers.nextSequence };
}
