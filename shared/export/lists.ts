import type { BlockChange, ListItem, SuggestionMark } from '../model/document';
import type { ReferenceTargets } from '../model/reference-text';
import { listNumbers, type ListNumber } from '../numbering/list-numbers';
import { exportRuns, type ExportRun, type Mutable, type NoteNumbers } from './runs';

export interface ExportListItem {
  readonly list: 'bullet' | 'number';
  /** Nesting depth from 0. Never more than one below the item before it, whatever indent was stored. */
  readonly depth: number;
  /** For a numbered item, its number in its sequence, from 1; 0 for a bullet. */
  readonly ordinal: number;
  /** For a numbered item, which run of numbering it belongs to (unique in the document); -1 for a bullet. */
  readonly sequence: number;
  readonly runs: ExportRun[];
  /** An open suggestion to insert, delete or move the item (only the DOCX export writes it). */
  readonly change?: BlockChange;
  /** Its depth and numbered sequence before an open suggestion to indent or outdent it, and whose suggestion that is. */
  readonly was?: { readonly depth: number; readonly sequence: number; readonly by: SuggestionMark };
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
export function exportList(items: readonly ListItem[], nextSequence: number, targets?: ReferenceTargets, notes?: NoteNumbers): { list: ExportList; nextSequence: number } {
  const numbers = listNumbers(items, nextSequence);
  const before = anyRelevelled(items) ? placesBefore(items, numbers.items) : [];
  // A loop and items written field by field, not spread: every export makes one per list item, and objects of a
  // shape made by spreading leave the code that reads them to be optimised again after each collection.
  const out: ExportListItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ListItem;
    const number = numbers.items[i] as ListNumber;
    const exported: Mutable<ExportListItem> = { list: number.list, depth: number.depth, ordinal: number.ordinal, sequence: number.sequence, runs: exportRuns(item.runs, targets, notes) };
    if (item.change) exported.change = item.change;
    const was = before[i];
    if (item.relevel && was) exported.was = { depth: was.depth, sequence: was.sequence, by: item.relevel };
    out.push(exported);
  }
  return { list: { kind: 'list', items: out }, nextSequence: numbers.nextSequence };
}

function anyRelevelled(items: readonly ListItem[]): boolean {
  for (let i = 0; i < items.length; i++) if ((items[i] as ListItem).relevel) return true;
  return false;
}

/**
 * Where each item stood before the suggested indents and outdents: its depth, and the sequence it was numbered in,
 * named by the sequence the items it shared it with (those not moved) have now, so that rejecting the change puts it
 * back into that list and its number follows theirs.
 */
function placesBefore(items: readonly ListItem[], now: readonly ListNumber[]): Array<{ depth: number; sequence: number }> {
  const then = listNumbers(items.map((item) => (item.relevel ? { list: item.list, indent: item.relevel.was } : item))).items;
  const sequenceNow = new Map<number, number>();
  then.forEach((place, i) => {
    const current = now[i];
    if (!items[i]?.relevel && current && place.sequence >= 0 && !sequenceNow.has(place.sequence)) sequenceNow.set(place.sequence, current.sequence);
  });
  return then.map((place, i) => ({ depth: place.depth, sequence: sequenceNow.get(place.sequence) ?? now[i]?.sequence ?? -1 }));
}
