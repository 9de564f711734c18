import type { BlockChange, ListItem, SuggestionMark } from '../model/document';
import type { ReferenceTargets } from '../model/reference-text';
import { listNumbers, type ListNumber } from '../numbering/list-numbers';
import { exportRuns, type ExportRun, type NoteNumbers } from './runs';

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
  const before = items.some((item) => item.relevel) ? placesBefore(items, numbers.items) : [];
  const out = items.map((item, i): ExportListItem => {
    const was = before[i];
    return {
      ...(numbers.items[i] as ListNumber),
      runs: exportRuns(item.runs, targets, notes),
      ...(item.change ? { change: item.change } : {}),
      ...(item.relevel && was ? { was: { ...was, by: item.relevel } } : {}),
    };
  });
  return { list: { kind: 'list', items: out }, nextSequence: numbers.nextSequence };
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
