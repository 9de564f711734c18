/**
 * Where each list item stands in its list: bullet or number, its depth, and for a numbered item its ordinal and which
 * run of numbering it belongs to. The editor and every exporter number list items by this one function; how a number
 * is written is list-labels.ts's part.
 */

export interface ListNumber {
  readonly list: 'bullet' | 'number';
  readonly depth: number;
  readonly ordinal: number;
  readonly sequence: number;
}

/**
 * The numbers of one list's items (a run of consecutive list items), the one numbering that the editor shows and
 * every exporter writes:
 * - a numbered list restarts after any block that is not a list item, because that ends the list;
 * - a bullet between two numbered items at the same depth does not restart them (1., •, 2.);
 * - every item starts the numbering below it afresh, so the numbered children of a new parent, bullet or number,
 *   start at 1.
 * An indent that jumps (0 then 3) is read as one level deeper, as headings are, so no exporter has to invent empty
 * parent items. `nextSequence` is the first free sequence number; the return says where the next list starts.
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
