/**
 * Tables as the model keeps them, from tables as readers give them: each cell's runs cleaned (its paragraphs kept apart
 * by line breaks), every row padded with empty cells to the widest, and what is past the model's limits kept rather
 * than lost — cells past the last column joined into the last one, rows past the last row in a table of their own.
 */
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type Run, type Table, type TableRow } from '../../model/document';
import type { RawRun, RawTable } from '../raw';
import { cleanRuns, sameFormat, type NoteTaker } from '../runs';

/** The table's blocks (more than one only past MAX_TABLE_ROWS), or none when it holds no text at all. */
export function tableBlocks(raw: RawTable, takeNote: NoteTaker): Table[] {
  const caption = raw.caption ? cleanRuns(raw.caption, false, takeNote) : [];
  const rows: Run[][][] = raw.rows.filter((cells) => cells.length > 0).map((cells) => fitColumns(cells.map((cell) => cleanCell(cell, takeNote))));
  const width = rows.reduce((most, cells) => Math.max(most, cells.length), 0);
  if (width === 0 || (caption.length === 0 && rows.every((cells) => cells.every((cell) => cell.length === 0)))) return [];
  const padded: TableRow[] = rows.map((cells) => ({ cells: [...cells, ...Array.from({ length: width - cells.length }, (): Run[] => [])].map((runs) => ({ runs })) }));
  const tables: Table[] = [];
  for (let at = 0; at < padded.length; at += MAX_TABLE_ROWS) {
    const table: Table = { kind: 'table', rows: padded.slice(at, at + MAX_TABLE_ROWS) };
    if (raw.header && at === 0) table.header = true;
    if (caption.length > 0 && at === 0) table.caption = caption;
    tables.push(table);
  }
  return tables;
}

/** A cell's runs: the reader separates its paragraphs with a run of just "\n", kept as a line break inside the cell. */
function cleanCell(raw: readonly RawRun[], takeNote: NoteTaker): Run[] {
  const lines: Run[][] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i]?.text !== '\n') continue;
    const line = cleanRuns(raw.slice(start, i), false, takeNote);
    if (line.length > 0) lines.push(line);
    start = i + 1;
  }
  const out: Run[] = [];
  lines.forEach((line, i) => {
    for (const run of i > 0 ? [{ text: '\n' }, ...line] : line) {
      const last = out[out.length - 1];
      if (last && sameFormat(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
      else out.push(run);
    }
  });
  return out;
}

/** At most MAX_TABLE_COLUMNS cells: the text of any further ones goes into the last, after a space. */
function fitColumns(cells: Run[][]): Run[][] {
  if (cells.length <= MAX_TABLE_COLUMNS) return cells;
  const kept = cells.slice(0, MAX_TABLE_COLUMNS - 1);
  const rest = cells.slice(MAX_TABLE_COLUMNS - 1).filter((cell) => cell.length > 0);
  kept.push(rest.flatMap((cell, i) => (i > 0 ? [{ text: ' ' }, ...cell] : cell)));
  return kept;
}
