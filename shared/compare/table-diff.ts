import diffSequences from '@jest/diff-sequences';
import type { Block, Run, Table, TableRow, TextBlock } from '../model/document';
import { NO_NOTES, sameRow, sameRuns } from './same';
import { wordsOfRun } from './tokens';
import type { ChangeOp, RedlineRun, RedlineTable, RedlineTableRow } from './types';

/**
 * Tables in a section's diff: which table pairs with which (the one at its place, as wide), a pair compared row by row
 * and cell by cell, and a table kept, inserted or deleted whole.
 */

/** What a diff counts, added up over a section's blocks and cells. */
export interface Counts {
  wordsInserted: number;
  wordsDeleted: number;
  linksChanged: number;
}

export function addCounts(into: Counts, from: Partial<Counts>): void {
  into.wordsInserted += from.wordsInserted ?? 0;
  into.wordsDeleted += from.wordsDeleted ?? 0;
  into.linksChanged += from.linksChanged ?? 0;
}

/** For each block, how many tables come before it in the section: a table pairs with the table at its place. */
export function tablePlaces(blocks: readonly Block[]): number[] {
  const places: number[] = [];
  let tables = 0;
  for (const block of blocks) {
    places.push(tables);
    if (block.kind === 'table') tables++;
  }
  return places;
}

export function tableWidth(table: Table): number {
  return table.rows[0]?.cells.length ?? 0;
}

/** A stretch of blocks cut at its tables: the text before each table, the tables, and the text after the last. */
export function chunksAtTables(blocks: readonly Block[]): { texts: TextBlock[][]; tables: Table[] } {
  const texts: TextBlock[][] = [[]];
  const tables: Table[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      tables.push(block);
      texts.push([]);
    } else (texts[texts.length - 1] as TextBlock[]).push(block);
  }
  return { texts, tables };
}

/** A table kept, inserted or deleted whole: every row and run with that fate. */
export function wholeTable(table: Table, op: ChangeOp): RedlineTable {
  return {
    header: table.header === true,
    caption: table.caption ? runsAs(table.caption, op) : null,
    rows: table.rows.map((row) => ({ op, cells: row.cells.map((cell) => runsAs(cell.runs, op)) })),
  };
}

function runsAs(runs: readonly Run[], op: ChangeOp): RedlineRun[] {
  const out: RedlineRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    out.push({
      op,
      text: run.text,
      ...(run.marks && run.marks.length > 0 ? { marks: run.marks } : {}),
      ...(run.link !== undefined ? { link: run.link } : {}),
      ...(run.note !== undefined ? { note: run.note } : {}),
    });
  }
  return out;
}

/**
 * Two tables of one width, row by row: rows equal in every cell are kept; among the rest, rows alike enough (half
 * their cells the same) are the same row edited, compared cell by cell, and the others were inserted or deleted.
 */
export function diffTable(old: Table, now: Table, options: DiffOptions, counts: Counts, diffRuns: RunsDiff): RedlineTable {
  const notes = options.changedNotes ?? NO_NOTES;
  const rows: RedlineTableRow[] = [];
  const cellsOf = (x: TableRow, y: TableRow) =>
    y.cells.map((cell, c) => {
      const before = x.cells[c]?.runs ?? [];
      if (sameRuns(before, cell.runs, notes)) return runsAs(cell.runs, 'equal');
      const diff = diffRuns(before, cell.runs, options);
      addCounts(counts, diff);
      return diff.runs;
    });
  const wholeRow = (row: TableRow, op: ChangeOp) => {
    let words = 0;
    for (const cell of row.cells) for (const run of cell.runs) words += wordsOfRun(run);
    if (op === 'insert') counts.wordsInserted += words;
    else counts.wordsDeleted += words;
    rows.push({ op, cells: row.cells.map((cell) => runsAs(cell.runs, op)) });
  };
  let a = 0;
  let b = 0;
  const gap = (aEnd: number, bEnd: number) => {
    let i = a;
    let j = b;
    diffSequences(
      aEnd - a,
      bEnd - b,
      (x, y) => alikeRows(old.rows[a + x] as TableRow, now.rows[b + y] as TableRow, notes),
      (length, xCommon, yCommon) => {
        for (; i < a + xCommon; i++) wholeRow(old.rows[i] as TableRow, 'delete');
        for (; j < b + yCommon; j++) wholeRow(now.rows[j] as TableRow, 'insert');
        for (let k = 0; k < length; k++, i++, j++) rows.push({ op: 'equal', cells: cellsOf(old.rows[i] as TableRow, now.rows[j] as TableRow) });
      },
    );
    for (; i < aEnd; i++) wholeRow(old.rows[i] as TableRow, 'delete');
    for (; j < bEnd; j++) wholeRow(now.rows[j] as TableRow, 'insert');
  };
  diffSequences(
    old.rows.length,
    now.rows.length,
    (i, j) => sameRow(old.rows[i] as TableRow, now.rows[j] as TableRow, notes),
    (length, aCommon, bCommon) => {
      gap(aCommon, bCommon);
      for (let k = 0; k < length; k++) rows.push({ op: 'equal', cells: (now.rows[bCommon + k] as TableRow).cells.map((cell) => runsAs(cell.runs, 'equal')) });
      a = aCommon + length;
      b = bCommon + length;
    },
  );
  gap(old.rows.length, now.rows.length);
  let caption: RedlineRun[] | null = null;
  if (old.caption || now.caption) {
    if (sameRuns(old.caption ?? [], now.caption ?? [], notes)) caption = runsAs(now.caption ?? [], 'equal');
    else {
      const diff = diffRuns(old.caption ?? [], now.caption ?? [], options);
      addCounts(counts, diff);
      caption = diff.runs;
    }
  }
  const header = now.header === true;
  const table: RedlineTable = { header, caption, rows, ...(header !== (old.header === true) ? { headerWas: old.header === true } : {}) };
  return table;
}

/** The same row, edited: at least half its cells unchanged (a row of one cell has nothing to tell it by). */
function alikeRows(x: TableRow, y: TableRow, notes: ReadonlySet<string>): boolean {
  let same = 0;
  x.cells.forEach((cell, c) => {
    const other = y.cells[c];
    if (other && sameRuns(cell.runs, other.runs, notes)) same++;
  });
  return x.cells.length === 1 || same * 2 >= x.cells.length;
}

export interface DiffOptions {
  /** false splits every changed paragraph into words (the reference paragraph-pair.ts must equal). */
  readonly foldSharedText?: boolean;
  /** Footnotes whose text changed: a block marking one is not the same block, though its own runs are. */
  readonly changedNotes?: ReadonlySet<string>;
}

/** The word diff of two lists of runs (section-diff.ts's diffRuns), given to diffTable so the two files need not import each other. */
export type RunsDiff = (old: readonly Run[], now: readonly Run[], options: DiffOptions) => Counts & { runs: RedlineRun[] };
