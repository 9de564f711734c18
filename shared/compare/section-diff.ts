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
  commonStretches(
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
          else add(counts, builder.addTable(diffTable(x, y, options, counts, diffRuns), 'equal'));
        } else builder.addEqualBlock(y as TextBlock);
      }
      a = aCommon + length;
      b = bCommon + length;
    },
  );
  changed(oldBlocks.length, newBlocks.length);
  return { redline: builder.finish(), ...counts };
}


/** Two lists of runs compared word by word, as one paragraph: its runs. */
export function diffRuns(old: readonly Run[], now: readonly Run[], options: DiffOptions = {}): Counts & { runs: RedlineRun[] } {
  const diff = diffSection([{ kind: 'paragraph', runs: [...old] }], [{ kind: 'paragraph', runs: [...now] }], options);
  return { ...diff, runs: diff.redline.flatMap((block) => [...block.runs]) };
}

function piecesOf(a: TokenStream, b: TokenStream): Piece[] {
  const pieces: Piece[] = [];
  let aIndex = 0;
  let bIndex = 0;
  const gap = (aEnd: number, bEnd: number) => {
    if (aEnd > aIndex || bEnd > bIndex) pieces.push({ equal: false, aStart: aIndex, aEnd, bStart: bIndex, bEnd });
  };
  commonStretches(
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
    for (const run of table.caption ?? []) words += wordsOfRun(run);
    for (const row of table.rows) for (const cell of row.cells) for (const run of cell) words += wordsOfRun(run);
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
    // Fields set one by one, not spread from objects made for the purpose: a large compare makes a run per change.
    const run: { -readonly [K in keyof RedlineRun]: RedlineRun[K] } = { op, text };
    if (style?.marks && style.marks.length > 0) run.marks = style.marks;
    if (style?.link) run.link = style.link;
    if (linkWas !== undefined) run.linkWas = linkWas;
    if (note !== undefined) run.note = note;
    this.runs.push(run);
    this.last = null;
  }
}

function sameStyle(x: TokenStyle | undefined, y: TokenStyle | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  return x.link === y.link && sameMarks(x.marks, y.marks);
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
