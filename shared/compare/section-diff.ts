import diffSequences from '@jest/diff-sequences';
import type { Block, Mark, Run, Table, TableCell, TableRow, TextBlock } from '../model/document';
import { isTable } from '../model/block-runs';
import { tokenizeFolded } from './paragraph-pair';
import { countWords, isWord, sameReference, tokenize, type TokenStream, type TokenStyle } from './tokens';
import type { BlockShape, ChangeOp, RedlineBlock, RedlineRun, RedlineTable, RedlineTableRow } from './types';

export interface SectionDiff {
  readonly redline: RedlineBlock[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  readonly linksChanged: number;
}

export interface DiffOptions {
  /** false splits every changed paragraph into words (the reference paragraph-pair.ts must equal). */
  readonly foldSharedText?: boolean;
  /** Footnotes whose text changed: a block marking one is not the same block, though its own runs are. */
  readonly changedNotes?: ReadonlySet<string>;
}

/** Gaps between common stretches: the old tokens [aStart, aEnd) gave way to the new tokens [bStart, bEnd). */
type Piece =
  | { readonly equal: true; readonly aStart: number; readonly bStart: number; readonly length: number }
  | { readonly equal: false; aStart: number; aEnd: number; bStart: number; bEnd: number };

interface Counts {
  wordsInserted: number;
  wordsDeleted: number;
  linksChanged: number;
}

/**
 * The word-level difference of one section's two editions (Myers' algorithm, as Jest's diff-sequences implements
 * it). Callers skip sections whose content is identical, so this runs only where something changed.
 *
 * A table is compared with the table at the same place in the other edition (the same count of tables before it in
 * the section) when the two are as wide: row by row, rows aligned as sequences, cells word by word. A table that
 * changed width, or has no table to pair with, is deleted or inserted whole.
 */
export function diffSection(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: DiffOptions = {}): SectionDiff {
  const fold = options.foldSharedText ?? true;
  const changedNotes = options.changedNotes ?? NO_NOTES;
  // Paragraphs first: the ones an edit left alone are equal as wholes, and only the stretches between them are split
  // into words. A section with one word changed in ten paragraphs tokenizes one of them, where tokenizing is most of
  // a large compare's time.
  const builder = new RedlineBuilder();
  const counts: Counts = { wordsInserted: 0, wordsDeleted: 0, linksChanged: 0 };
  let a = 0;
  let b = 0;
  const textChanged = (oldPart: readonly TextBlock[], newPart: readonly TextBlock[]) => {
    if (oldPart.length === 0 && newPart.length === 0) return;
    // A word edit leaves most of a paragraph alone: its shared start and end need no splitting into words.
    const pair = fold && oldPart.length > 0 && newPart.length > 0 ? tokenizeFolded(oldPart, newPart) : null;
    const [oldTokens, newTokens] = pair ?? [tokenize(oldPart), tokenize(newPart)];
    add(counts, toRedline(absorbLoneSpaces(piecesOf(oldTokens, newTokens), oldTokens), oldTokens, newTokens, builder));
  };
  const changed = (aEnd: number, bEnd: number) => {
    if (aEnd === a && bEnd === b) return;
    const oldPart = oldBlocks.slice(a, aEnd);
    const newPart = newBlocks.slice(b, bEnd);
    if (!oldPart.some(isTable) && !newPart.some(isTable)) {
      textChanged(oldPart as TextBlock[], newPart as TextBlock[]);
      return;
    }
    // Tables left unpaired go whole, in their places: the text between them is compared stretch by stretch, so
    // each edition still reads in its own order.
    const oldChunks = chunksAtTables(oldPart);
    const newChunks = chunksAtTables(newPart);
    const count = Math.max(oldChunks.texts.length, newChunks.texts.length);
    for (let k = 0; k < count; k++) {
      textChanged(oldChunks.texts[k] ?? [], newChunks.texts[k] ?? []);
      const gone = oldChunks.tables[k];
      const come = newChunks.tables[k];
      if (gone) add(counts, builder.addTable(wholeTable(gone, 'delete'), 'delete'));
      if (come) add(counts, builder.addTable(wholeTable(come, 'insert'), 'insert'));
    }
  };
  const oldTableAt = tablePlaces(oldBlocks);
  const newTableAt = tablePlaces(newBlocks);
  const paired = (i: number, j: number) => {
    const x = oldBlocks[i];
    const y = newBlocks[j];
    if (x?.kind !== 'table' || y?.kind !== 'table') return false;
    return oldTableAt[i] === newTableAt[j] && tableWidth(x) === tableWidth(y);
  };
  diffSequences(
    oldBlocks.length,
    newBlocks.length,
    (i, j) => sameBlock(oldBlocks[i], newBlocks[j], changedNotes) || paired(i, j),
    (length, aCommon, bCommon) => {
      changed(aCommon, bCommon);
      for (let k = 0; k < length; k++) {
        const x = oldBlocks[aCommon + k] as Block;
        const y = newBlocks[bCommon + k] as Block;
        if (y.kind === 'table' && x.kind === 'table') {
          if (sameBlock(x, y, changedNotes)) add(counts, builder.addTable(wholeTable(y, 'equal'), 'equal'));
          else add(counts, builder.addTable(...diffTable(x, y, options, counts)));
        } else builder.addEqualBlock(y as TextBlock);
      }
      a = aCommon + length;
      b = bCommon + length;
    },
  );
  changed(oldBlocks.length, newBlocks.length);
  return { redline: builder.finish(), ...counts };
}

const NO_NOTES: ReadonlySet<string> = new Set();

/** The words a run adds to a count: none for a footnote's mark, whose note's words are counted in the notes part. */
export function wordsOfRun(run: Run): number {
  return run.note === undefined ? countWords(run.text) : 0;
}

function add(into: Counts, from: Partial<Counts>): void {
  into.wordsInserted += from.wordsInserted ?? 0;
  into.wordsDeleted += from.wordsDeleted ?? 0;
  into.linksChanged += from.linksChanged ?? 0;
}

/** For each block, how many tables come before it in the section: a table pairs with the table at its place. */
function tablePlaces(blocks: readonly Block[]): number[] {
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
function chunksAtTables(blocks: readonly Block[]): { texts: TextBlock[][]; tables: Table[] } {
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
function diffTable(old: Table, now: Table, options: DiffOptions, counts: Counts): [RedlineTable, ChangeOp] {
  const notes = options.changedNotes ?? NO_NOTES;
  const rows: RedlineTableRow[] = [];
  const cellsOf = (x: TableRow, y: TableRow) =>
    y.cells.map((cell, c) => {
      const before = x.cells[c]?.runs ?? [];
      if (sameRuns(before, cell.runs, notes)) return runsAs(cell.runs, 'equal');
      const diff = diffRuns(before, cell.runs, options);
      add(counts, diff);
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
      add(counts, diff);
      caption = diff.runs;
    }
  }
  const header = now.header === true;
  const table: RedlineTable = { header, caption, rows, ...(header !== (old.header === true) ? { headerWas: old.header === true } : {}) };
  return [table, 'equal'];
}

/** Two lists of runs compared word by word, as one paragraph: its runs. */
export function diffRuns(old: readonly Run[], now: readonly Run[], options: DiffOptions = {}): Counts & { runs: RedlineRun[] } {
  const diff = diffSection([{ kind: 'paragraph', runs: [...old] }], [{ kind: 'paragraph', runs: [...now] }], options);
  return { ...diff, runs: diff.redline.flatMap((block) => [...block.runs]) };
}

function sameRow(x: TableRow, y: TableRow, notes: ReadonlySet<string>): boolean {
  return x.cells.length === y.cells.length && x.cells.every((cell, c) => sameRuns(cell.runs, (y.cells[c] as TableCell).runs, notes));
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

/** Two editions of a section whose words, marks, links and block kinds are all equal: nothing to redline. */
export function sameBlocks(x: readonly Block[], y: readonly Block[], changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  return x.length === y.length && x.every((block, i) => sameBlock(block, y[i], changedNotes));
}

/** Equal as a redline sees them: the same kind of block with the same runs (text, marks, link); a table cell by cell. */
export function sameBlock(x: Block | undefined, y: Block | undefined, changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  if (x === y && (x === undefined || changedNotes.size === 0)) return true;
  if (!x || !y || !sameShape(x, y)) return false;
  if (x.kind === 'table' || y.kind === 'table') {
    if (x.kind !== 'table' || y.kind !== 'table') return false;
    return (
      x.header === y.header &&
      x.rows.length === y.rows.length &&
      sameRuns(x.caption ?? [], y.caption ?? [], changedNotes) &&
      x.rows.every((row, r) => sameRow(row, y.rows[r] as TableRow, changedNotes))
    );
  }
  return sameRuns(x.runs, (y as TextBlock).runs, changedNotes);
}

export function sameRuns(x: readonly Run[], y: readonly Run[], changedNotes: ReadonlySet<string> = NO_NOTES): boolean {
  if (x.length !== y.length) return false;
  return x.every((run, i) => {
    const other = y[i];
    if (other === undefined) return false;
    if (run.note !== undefined && changedNotes.has(run.note)) return false;
    const sameWords = run.ref !== undefined || other.ref !== undefined ? sameReference(run, other) : run.text === other.text;
    return sameWords && run.link === other.link && sameMarks(run.marks, other.marks);
  });
}

function piecesOf(a: TokenStream, b: TokenStream): Piece[] {
  const pieces: Piece[] = [];
  let aIndex = 0;
  let bIndex = 0;
  const gap = (aEnd: number, bEnd: number) => {
    if (aEnd > aIndex || bEnd > bIndex) pieces.push({ equal: false, aStart: aIndex, aEnd, bStart: bIndex, bEnd });
  };
  diffSequences(
    a.keys.length,
    b.keys.length,
    (i, j) => a.keys[i] === b.keys[j],
    (length, aCommon, bCommon) => {
      gap(aCommon, bCommon);
      pieces.push({ equal: true, aStart: aCommon, bStart: bCommon, length });
      aIndex = aCommon + length;
      bIndex = bCommon + length;
    },
  );
  gap(a.keys.length, b.keys.length);
  return pieces;
}

/**
 * "the [-old-] [+new+] policy" reads better than a redline that keeps the single space between two replaced words:
 * a lone space between two changes joins them into one change.
 */
function absorbLoneSpaces(pieces: Piece[], a: TokenStream): Piece[] {
  const result: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    const previous = result[result.length - 1];
    const next = pieces[i + 1];
    if (
      piece.equal &&
      piece.length === 1 &&
      previous && !previous.equal &&
      next && !next.equal &&
      /^\s+$/.test(a.texts[piece.aStart] ?? '')
    ) {
      previous.aEnd = next.aEnd;
      previous.bEnd = next.bEnd;
      i++;
      continue;
    }
    result.push(piece.equal ? piece : { ...piece });
  }
  return result;
}

function toRedline(pieces: readonly Piece[], a: TokenStream, b: TokenStream, builder: RedlineBuilder): Counts {
  let wordsInserted = 0;
  let wordsDeleted = 0;
  const linksBefore = builder.linksChanged;
  for (const piece of pieces) {
    if (piece.equal) {
      for (let k = 0; k < piece.length; k++) {
        // Keys leave the address out: kept words whose link changed carry both addresses.
        const was = a.styles[piece.aStart + k]?.link;
        const now = b.styles[piece.bStart + k]?.link;
        builder.add('equal', b, piece.bStart + k, was === now ? undefined : (was ?? null));
      }
      continue;
    }
    // A footnote's mark is no word: its note's words are counted in the notes part.
    for (let i = piece.aStart; i < piece.aEnd; i++) {
      if (isWord(a.texts[i] ?? '') && a.notes?.[i] === undefined) wordsDeleted++;
      builder.add('delete', a, i);
    }
    for (let j = piece.bStart; j < piece.bEnd; j++) {
      if (isWord(b.texts[j] ?? '') && b.notes?.[j] === undefined) wordsInserted++;
      builder.add('insert', b, j);
    }
  }
  builder.flush();
  return { wordsInserted, wordsDeleted, linksChanged: builder.linksChanged - linksBefore };
}

interface PendingRun {
  op: ChangeOp;
  style: TokenStyle | undefined;
  text: string;
  linkWas?: string | null;
  note?: string;
}

class RedlineBuilder {
  private readonly blocks: RedlineBlock[] = [];
  private runs: RedlineRun[] = [];
  private last: PendingRun | null = null;
  /** Kept runs whose link changed, each counted once however many words it holds. */
  linksChanged = 0;

  add(op: ChangeOp, stream: TokenStream, index: number, linkWas?: string | null): void {
    const boundary = stream.boundaries[index];
    if (boundary) {
      this.flushRun();
      this.blocks.push({ block: shapeOf(boundary), mark: op, runs: this.runs });
      this.runs = [];
      return;
    }
    const style = stream.styles[index];
    const text = stream.texts[index] ?? '';
    const note = stream.notes?.[index];
    if (note !== undefined) {
      // A footnote's mark is a run of its own, so every view can draw it as a mark.
      this.flushRun();
      this.last = { op, style, text, note };
      this.flushRun();
      return;
    }
    if (this.last && this.last.op === op && this.last.note === undefined && this.last.linkWas === linkWas && sameStyle(this.last.style, style)) {
      this.last.text += text;
      return;
    }
    this.flushRun();
    this.last = { op, style, text, ...(linkWas !== undefined ? { linkWas } : {}) };
  }

  /** A whole block left alone: what adding its tokens one by one as equal would give. */
  addEqualBlock(block: TextBlock): void {
    for (const run of block.runs) {
      if (run.text === '') continue;
      const styled = (run.marks && run.marks.length > 0) || run.link !== undefined;
      const style: TokenStyle | undefined = styled ? { marks: run.marks, link: run.link } : undefined;
      if (run.note !== undefined) {
        this.flushRun();
        this.last = { op: 'equal', style, text: run.text, note: run.note };
        this.flushRun();
      } else if (this.last && this.last.op === 'equal' && this.last.note === undefined && this.last.linkWas === undefined && sameStyle(this.last.style, style)) {
        this.last.text += run.text;
      } else {
        this.flushRun();
        this.last = { op: 'equal', style, text: run.text };
      }
    }
    this.flushRun();
    this.blocks.push({ block: shapeOf(block), mark: 'equal', runs: this.runs });
    this.runs = [];
  }

  /** A table: a block of its own, after the blocks before it are closed (every stretch of text ends on a mark). */
  addTable(table: RedlineTable, mark: ChangeOp): Partial<Counts> {
    this.flushRun();
    if (this.runs.length > 0) this.blocks.push({ block: { kind: 'paragraph' }, mark: 'equal', runs: this.runs });
    this.runs = [];
    this.blocks.push({ block: { kind: 'table', width: table.rows[0]?.cells.length ?? 0 }, mark, runs: [], table });
    if (mark === 'equal') return {};
    let words = 0;
    for (const run of table.caption ?? []) words += run.note === undefined ? countWords(run.text) : 0;
    for (const row of table.rows) for (const cell of row.cells) for (const run of cell) words += run.note === undefined ? countWords(run.text) : 0;
    return mark === 'insert' ? { wordsInserted: words } : { wordsDeleted: words };
  }

  flush(): void {
    this.flushRun();
  }

  finish(): RedlineBlock[] {
    this.flushRun();
    // Every stream ends with a boundary, so nothing can be left over; guard anyway rather than drop text.
    if (this.runs.length > 0) this.blocks.push({ block: { kind: 'paragraph' }, mark: 'equal', runs: this.runs });
    return this.blocks;
  }

  private flushRun(): void {
    if (!this.last) return;
    const { op, style, text, linkWas, note } = this.last;
    if (linkWas !== undefined) this.linksChanged++;
    const run: RedlineRun = {
      op,
      text,
      ...(style?.marks && style.marks.length > 0 ? { marks: style.marks } : {}),
      ...(style?.link ? { link: style.link } : {}),
      ...(linkWas !== undefined ? { linkWas } : {}),
      ...(note !== undefined ? { note } : {}),
    };
    this.runs.push(run);
    this.last = null;
  }
}

function sameStyle(x: TokenStyle | undefined, y: TokenStyle | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  return x.link === y.link && sameMarks(x.marks, y.marks);
}

/** What shapeKey tells, without building its string: sameBlock runs for every pair of paragraphs a diff looks at. */
function sameShape(x: Block, y: Block): boolean {
  if (x.kind !== y.kind) return false;
  return x.kind !== 'list-item' || (y.kind === 'list-item' && x.list === y.list && x.indent === y.indent);
}

/** The same marks in the same order (no marks and an empty list alike), without building strings to compare. */
function sameMarks(x: readonly Mark[] | undefined, y: readonly Mark[] | undefined): boolean {
  if (x === y) return true;
  const n = x?.length ?? 0;
  if (n !== (y?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (x?.[i] !== y?.[i]) return false;
  return true;
}

export function shapeOf(block: Block): BlockShape {
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', id: block.id, level: block.level, ...(block.unnumbered ? { unnumbered: true as const } : {}) };
    case 'paragraph':
      return { kind: 'paragraph' };
    case 'list-item':
      return { kind: 'list-item', list: block.list, indent: block.indent };
    case 'table':
      return { kind: 'table', width: tableWidth(block) };
  }
}
