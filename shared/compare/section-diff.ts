import type { Block, Run, TextBlock } from '../model/document';
import { isTable } from '../model/block-runs';
import { commonStretches } from '../model/sequences';
import { tokenizeFolded } from './paragraph-pair';
import { NO_NOTES, sameBlock, sameMarks } from './same';
import { addCounts as add, chunksAtTables, diffTable, tablePlaces, tableWidth, wholeTable, type Counts, type DiffOptions } from './table-diff';
import { isWord, tokenize, wordsOfRun, type TokenStream, type TokenStyle } from './tokens';
import type { BlockShape, ChangeOp, RedlineBlock, RedlineRun, RedlineTable } from './types';

export interface SectionDiff {
  readonly redline: RedlineBlock[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  readonly linksChanged: number;
}

export type { DiffOptions } from './table-diff';

/** Gaps between common stretches: the old tokens [aStart, aEnd) gave way to the new tokens [bStart, bEnd). */
type Piece =
  | { readonly equal: true; readonly aStart: number; readonly bStart: number; readonly length: number }
  | { readonly equal: false; aStart: number; aEnd: number; bStart: number; bEnd: number };

/**
 * The word-level difference of one section's two editions (Myers' algorithm, as Jest's diff-sequences implements
 * it, after the shared start and end). Callers skip sections whose content is identical, so this runs only where
 * something changed.
 *
 * A table is compared with the table at the same place in the other edition (the same count of tables before it in
 * the section) when the two are as wide: row by row, rows aligned as sequences, cells word by word. A table that
 * changed width, or has no table to pair with, is deleted or inserted whole.
 */
export function diffSection(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: DiffOptions = {}): SectionDiff {
  // Paragraphs first: the ones an edit left alone are equal as wholes, and only the stretches between them are split
  // into words. A section with one word changed in ten paragraphs tokenizes one of them, where tokenizing is most of
  // a large compare's time.
  const differ: Differ = {
    oldBlocks,
    newBlocks,
    options,
    fold: options.foldSharedText ?? true,
    changedNotes: options.changedNotes ?? NO_NOTES,
    oldTableAt: tablePlaces(oldBlocks),
    newTableAt: tablePlaces(newBlocks),
    redline: newRedline(),
    counts: { wordsInserted: 0, wordsDeleted: 0, linksChanged: 0 },
    a: 0,
    b: 0,
  };
  commonStretches(oldBlocks.length, newBlocks.length, blocksAlike, keepBlocks, differ);
  changedBlocks(differ, oldBlocks.length, newBlocks.length);
  // Fields named, not spread: an object built by spreading has a shape no lasting object shares, and V8 drops the
  // optimised code of every reader of it at the next full collection.
  const { wordsInserted, wordsDeleted, linksChanged } = differ.counts;
  return { redline: finishRedline(differ.redline), wordsInserted, wordsDeleted, linksChanged };
}

/**
 * One section's diff under way. Its steps are functions of this module given this state, not closures made per
 * section: a compare made after a full collection ran its closures unoptimised again, their instances gone with the
 * compare before (seen with `node --trace-opt`; a compare took 47 ms after a collection, 22 ms right after another).
 */
interface Differ {
  readonly oldBlocks: readonly Block[];
  readonly newBlocks: readonly Block[];
  readonly options: DiffOptions;
  readonly fold: boolean;
  readonly changedNotes: ReadonlySet<string>;
  readonly oldTableAt: readonly number[];
  readonly newTableAt: readonly number[];
  readonly redline: Redline;
  readonly counts: Counts;
  /** Where the blocks not yet in the redline start, in each edition. */
  a: number;
  b: number;
}

/** Blocks that stand as one in the paragraph diff: equal, or two tables at the same place and as wide (diffed cell by cell). */
function blocksAlike(i: number, j: number, differ: Differ): boolean {
  const x = differ.oldBlocks[i];
  const y = differ.newBlocks[j];
  if (sameBlock(x, y, differ.changedNotes)) return true;
  if (x?.kind !== 'table' || y?.kind !== 'table') return false;
  return differ.oldTableAt[i] === differ.newTableAt[j] && tableWidth(x) === tableWidth(y);
}

function keepBlocks(length: number, aCommon: number, bCommon: number, differ: Differ): void {
  changedBlocks(differ, aCommon, bCommon);
  const { redline, counts } = differ;
  for (let k = 0; k < length; k++) {
    const x = differ.oldBlocks[aCommon + k] as Block;
    const y = differ.newBlocks[bCommon + k] as Block;
    if (y.kind === 'table' && x.kind === 'table') {
      if (sameBlock(x, y, differ.changedNotes)) add(counts, addTable(redline, wholeTable(y, 'equal'), 'equal'));
      else add(counts, addTable(redline, diffTable(x, y, differ.options, counts, diffRuns), 'equal'));
    } else addEqualBlock(redline, y as TextBlock);
  }
  differ.a = aCommon + length;
  differ.b = bCommon + length;
}

/** The blocks from where the redline stands to aEnd and bEnd differ: into the redline word by word. */
function changedBlocks(differ: Differ, aEnd: number, bEnd: number): void {
  if (aEnd === differ.a && bEnd === differ.b) return;
  const oldPart = differ.oldBlocks.slice(differ.a, aEnd);
  const newPart = differ.newBlocks.slice(differ.b, bEnd);
  if (!oldPart.some(isTable) && !newPart.some(isTable)) {
    changedText(differ, oldPart as TextBlock[], newPart as TextBlock[]);
    return;
  }
  // Tables left unpaired go whole, in their places: the text between them is compared stretch by stretch, so
  // each edition still reads in its own order.
  const oldChunks = chunksAtTables(oldPart);
  const newChunks = chunksAtTables(newPart);
  const count = Math.max(oldChunks.texts.length, newChunks.texts.length);
  for (let k = 0; k < count; k++) {
    changedText(differ, oldChunks.texts[k] ?? [], newChunks.texts[k] ?? []);
    const gone = oldChunks.tables[k];
    const come = newChunks.tables[k];
    if (gone) add(differ.counts, addTable(differ.redline, wholeTable(gone, 'delete'), 'delete'));
    if (come) add(differ.counts, addTable(differ.redline, wholeTable(come, 'insert'), 'insert'));
  }
}

function changedText(differ: Differ, oldPart: readonly TextBlock[], newPart: readonly TextBlock[]): void {
  if (oldPart.length === 0 && newPart.length === 0) return;
  // A word edit leaves most of a paragraph alone: its shared start and end need no splitting into words.
  const pair = differ.fold && oldPart.length > 0 && newPart.length > 0 ? tokenizeFolded(oldPart, newPart) : null;
  const oldTokens = pair ? pair[0] : tokenize(oldPart);
  const newTokens = pair ? pair[1] : tokenize(newPart);
  add(differ.counts, toRedline(absorbLoneSpaces(piecesOf(oldTokens, newTokens), oldTokens), oldTokens, newTokens, differ.redline));
}

/** Two lists of runs compared word by word, as one paragraph: its runs. */
export function diffRuns(old: readonly Run[], now: readonly Run[], options: DiffOptions = {}): Counts & { runs: RedlineRun[] } {
  const diff = diffSection([{ kind: 'paragraph', runs: [...old] }], [{ kind: 'paragraph', runs: [...now] }], options);
  const runs: RedlineRun[] = [];
  for (const block of diff.redline) for (const run of block.runs) runs.push(run);
  return { wordsInserted: diff.wordsInserted, wordsDeleted: diff.wordsDeleted, linksChanged: diff.linksChanged, runs };
}

function piecesOf(a: TokenStream, b: TokenStream): Piece[] {
  const found: PiecesFound = { a, b, pieces: [], aIndex: 0, bIndex: 0 };
  commonStretches(a.keys.length, b.keys.length, tokensAlike, keepTokens, found);
  gapBefore(found, a.keys.length, b.keys.length);
  return found.pieces;
}

/** The pieces of a token diff so far, and where the tokens not yet in them start. */
interface PiecesFound {
  readonly a: TokenStream;
  readonly b: TokenStream;
  readonly pieces: Piece[];
  aIndex: number;
  bIndex: number;
}

function tokensAlike(i: number, j: number, found: PiecesFound): boolean {
  return found.a.keys[i] === found.b.keys[j];
}

function keepTokens(length: number, aCommon: number, bCommon: number, found: PiecesFound): void {
  gapBefore(found, aCommon, bCommon);
  found.pieces.push({ equal: true, aStart: aCommon, bStart: bCommon, length });
  found.aIndex = aCommon + length;
  found.bIndex = bCommon + length;
}

function gapBefore(found: PiecesFound, aEnd: number, bEnd: number): void {
  if (aEnd > found.aIndex || bEnd > found.bIndex) found.pieces.push({ equal: false, aStart: found.aIndex, aEnd, bStart: found.bIndex, bEnd });
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
    result.push(piece.equal ? piece : { equal: false, aStart: piece.aStart, aEnd: piece.aEnd, bStart: piece.bStart, bEnd: piece.bEnd });
  }
  return result;
}

function toRedline(pieces: readonly Piece[], a: TokenStream, b: TokenStream, redline: Redline): Counts {
  let wordsInserted = 0;
  let wordsDeleted = 0;
  const linksBefore = redline.linksChanged;
  for (const piece of pieces) {
    if (piece.equal) {
      for (let k = 0; k < piece.length; k++) {
        // Keys leave the address out: kept words whose link changed carry both addresses.
        const was = a.styles[piece.aStart + k]?.link;
        const now = b.styles[piece.bStart + k]?.link;
        addToken(redline, 'equal', b, piece.bStart + k, was === now ? undefined : (was ?? null));
      }
      continue;
    }
    // A footnote's mark is no word: its note's words are counted in the notes part.
    for (let i = piece.aStart; i < piece.aEnd; i++) {
      if (isWord(a.texts[i] ?? '') && a.notes?.[i] === undefined) wordsDeleted++;
      addToken(redline, 'delete', a, i);
    }
    for (let j = piece.bStart; j < piece.bEnd; j++) {
      if (isWord(b.texts[j] ?? '') && b.notes?.[j] === undefined) wordsInserted++;
      addToken(redline, 'insert', b, j);
    }
  }
  flushRun(redline);
  return { wordsInserted, wordsDeleted, linksChanged: redline.linksChanged - linksBefore };
}

interface PendingRun {
  op: ChangeOp;
  style: TokenStyle | undefined;
  text: string;
  linkWas?: string | null;
  note?: string;
}

/**
 * A redline being written: the blocks done, the runs of the block under way, and the run still growing. A plain
 * object with functions of this module, not a class: V8 drops optimised code that checks an object's shape once no
 * object of that shape is left, and a class instance's shape (built field by field) died with each compare, where an
 * object literal's is kept by the code that makes it.
 */
interface Redline {
  readonly blocks: RedlineBlock[];
  runs: RedlineRun[];
  last: PendingRun | null;
  /** Kept runs whose link changed, each counted once however many words it holds. */
  linksChanged: number;
}

function newRedline(): Redline {
  return { blocks: [], runs: [], last: null, linksChanged: 0 };
}

function addToken(redline: Redline, op: ChangeOp, stream: TokenStream, index: number, linkWas?: string | null): void {
  const boundary = stream.boundaries[index];
  if (boundary) {
    flushRun(redline);
    redline.blocks.push({ block: shapeOf(boundary), mark: op, runs: redline.runs });
    redline.runs = [];
    return;
  }
  addText(redline, op, stream.styles[index], stream.texts[index] ?? '', linkWas, stream.notes?.[index]);
}

/** Text into the redline: onto the run under way when it continues it (same change, style and link), else a new run. */
function addText(redline: Redline, op: ChangeOp, style: TokenStyle | undefined, text: string, linkWas: string | null | undefined, note: string | undefined): void {
  if (note !== undefined) {
    // A footnote's mark is a run of its own, so every view can draw it as a mark.
    flushRun(redline);
    redline.last = { op, style, text, note };
    flushRun(redline);
    return;
  }
  const last = redline.last;
  if (last && last.op === op && last.note === undefined && last.linkWas === linkWas && sameStyle(last.style, style)) {
    last.text += text;
    return;
  }
  flushRun(redline);
  redline.last = linkWas !== undefined ? { op, style, text, linkWas } : { op, style, text };
}

/** A whole block left alone: what adding its tokens one by one as equal would give. */
function addEqualBlock(redline: Redline, block: TextBlock): void {
  for (const run of block.runs) {
    if (run.text === '') continue;
    const styled = (run.marks && run.marks.length > 0) || run.link !== undefined;
    addText(redline, 'equal', styled ? { marks: run.marks, link: run.link } : undefined, run.text, undefined, run.note);
  }
  flushRun(redline);
  redline.blocks.push({ block: shapeOf(block), mark: 'equal', runs: redline.runs });
  redline.runs = [];
}

/** A table: a block of its own, after the blocks before it are closed (every stretch of text ends on a mark). */
function addTable(redline: Redline, table: RedlineTable, mark: ChangeOp): Partial<Counts> {
  flushRun(redline);
  if (redline.runs.length > 0) redline.blocks.push({ block: { kind: 'paragraph' }, mark: 'equal', runs: redline.runs });
  redline.runs = [];
  redline.blocks.push({ block: { kind: 'table', width: table.rows[0]?.cells.length ?? 0 }, mark, runs: [], table });
  if (mark === 'equal') return {};
  let words = 0;
  for (const run of table.caption ?? []) words += wordsOfRun(run);
  for (const row of table.rows) for (const cell of row.cells) for (const run of cell) words += wordsOfRun(run);
  return mark === 'insert' ? { wordsInserted: words } : { wordsDeleted: words };
}

function finishRedline(redline: Redline): RedlineBlock[] {
  flushRun(redline);
  // Every stream ends with a boundary, so nothing can be left over; guard anyway rather than drop text.
  if (redline.runs.length > 0) redline.blocks.push({ block: { kind: 'paragraph' }, mark: 'equal', runs: redline.runs });
  return redline.blocks;
}

function flushRun(redline: Redline): void {
  if (!redline.last) return;
  const { op, style, text, linkWas, note } = redline.last;
  if (linkWas !== undefined) redline.linksChanged++;
  // Fields set one by one, not spread from objects made for the purpose: a large compare makes a run per change.
  const run: { -readonly [K in keyof RedlineRun]: RedlineRun[K] } = { op, text };
  if (style?.marks && style.marks.length > 0) run.marks = style.marks;
  if (style?.link) run.link = style.link;
  if (linkWas !== undefined) run.linkWas = linkWas;
  if (note !== undefined) run.note = note;
  redline.runs.push(run);
  redline.last = null;
}

function sameStyle(x: TokenStyle | undefined, y: TokenStyle | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  return x.link === y.link && sameMarks(x.marks, y.marks);
}

export function shapeOf(block: Block): BlockShape {
  switch (block.kind) {
    case 'heading':
      return block.unnumbered ? { kind: 'heading', id: block.id, level: block.level, unnumbered: true } : { kind: 'heading', id: block.id, level: block.level };
    case 'paragraph':
      return { kind: 'paragraph' };
    case 'list-item':
      return { kind: 'list-item', list: block.list, indent: block.indent };
    case 'table':
      return { kind: 'table', width: tableWidth(block) };
  }
}
