/**
 * The LISTS stage: typed numbers that are not section numbers become numbered list items when they stand together and
 * count; typed bullets become bullet items; every line still without a role is a list item of its source or a paragraph.
 */
import { MAX_LIST_INDENT } from '../../model/document';
import type { MarkerKind } from '../markers';
import { readTypedBullet } from '../markers';
import { sliceRuns, trimRuns } from '../runs';
import type { Candidate } from './candidates';
import type { Line } from './types';

/**
 * Typed numbers that are not section numbers: numbered list items (number removed) when two or more stand together
 * and count up from 1 or continue; otherwise the paragraph stays as typed.
 */
export function convertTypedLists(lines: Line[], candidates: readonly Candidate[]): void {
  const byPosition = new Map<number, Candidate>(candidates.map((c) => [c.position, c]));
  let i = 0;
  while (i < lines.length) {
    const group: Candidate[] = [];
    for (let j = i; j < lines.length; j++) {
      const c = byPosition.get(j);
      if (!c || c.marker === null || lines[j]?.role !== null) break;
      group.push(c);
    }
    if (group.length === 0) {
      i++;
      continue;
    }
    i += group.length;
    if (group.length < 2) continue;
    const last = new Map<MarkerKind, number>();
    const stack: MarkerKind[] = [];
    let counts = true;
    const indents: number[] = [];
    for (const c of group) {
      const ordinal = c.path[c.path.length - 1] ?? 0;
      const at = stack.indexOf(c.kind);
      if (at === -1) {
        stack.push(c.kind);
        if (ordinal !== 1) counts = false;
      } else {
        // back out to this kind: the deeper ones start again next time
        for (const dropped of stack.splice(at + 1)) last.delete(dropped);
        if (ordinal !== 1 && ordinal !== (last.get(c.kind) ?? 0) + 1) counts = false;
      }
      last.set(c.kind, ordinal);
      indents.push(Math.min(stack.indexOf(c.kind), MAX_LIST_INDENT));
    }
    if (!counts) continue;
    group.forEach((c, k) => {
      const runs = trimRuns(sliceRuns(c.line.runs, c.marker?.length ?? 0));
      c.line.role = { kind: 'list-item', list: 'number', indent: indents[k] ?? 0, runs };
    });
  }
}

export function assignRemaining(lines: Line[]): void {
  // Typed bullets, nested by their leading spaces within each group of bullet lines.
  let group: Array<{ line: Line; cut: number }> = [];
  const flush = () => {
    const columns = [...new Set(group.map((g) => g.line.raw.indentColumns ?? 0))].sort((a, b) => a - b);
    for (const { line, cut } of group) {
      const indent = Math.min(columns.indexOf(line.raw.indentColumns ?? 0), MAX_LIST_INDENT);
      line.role = { kind: 'list-item', list: 'bullet', indent, runs: trimRuns(sliceRuns(line.runs, cut)) };
    }
    group = [];
  };
  for (const line of lines) {
    const cut = line.role === null && !line.raw.list && !line.raw.verbatim ? readTypedBullet(line.text) : 0;
    if (cut > 0) group.push({ line, cut });
    else flush();
  }
  flush();
  for (const line of lines) {
    if (line.role !== null) continue;
    const list = line.raw.list;
    line.role = list
      ? { kind: 'list-item', list: list.kind, indent: Math.min(Math.max(list.indent, 0), MAX_LIST_INDENT), runs: line.runs }
      : { kind: 'paragraph', runs: line.runs };
  }
}
