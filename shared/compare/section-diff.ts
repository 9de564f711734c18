import diffSequences from '@jest/diff-sequences';
import type { Block, Mark } from '../model/document';
import { tokenizeFolded } from './paragraph-pair';
import { isWord, sameReference, tokenize, type TokenStream, type TokenStyle } from './tokens';
import type { BlockShape, ChangeOp, RedlineBlock, RedlineRun } from './types';

export interface SectionDiff {
  readonly redline: RedlineBlock[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
}

/** Gaps between common stretches: the old tokens [aStart, aEnd) gave way to the new tokens [bStart, bEnd). */
type Piece =
  | { readonly equal: true; readonly aStart: number; readonly bStart: number; readonly length: number }
  | { readonly equal: false; aStart: number; aEnd: number; bStart: number; bEnd: number };

/**
 * The word-level difference of one section's two editions (Myers' algorithm, as Jest's diff-sequences implements
 * it). Callers skip sections whose content is identical, so this runs only where something changed.
 * `foldSharedText: false` splits every changed paragraph into words (the reference paragraph-pair.ts must equal).
 */
export function diffSection(oldBlocks: readonly Block[], newBlocks: readonly Block[], options: { foldSharedText?: boolean } = {}): SectionDiff {
  const fold = options.foldSharedText ?? true;
  // Paragraphs first: the ones an edit left alone are equal as wholes, and only the stretches between them are split
  // into words. A section with one word changed in ten paragraphs tokenizes one of them, where tokenizing is most of
  // a large compare's time.
  const builder = new RedlineBuilder();
  let wordsInserted = 0;
  let wordsDeleted = 0;
  let a = 0;
  let b = 0;
  const changed = (aEnd: number, bEnd: number) => {
    if (aEnd === a && bEnd === b) return;
    // A word edit leaves most of a paragraph alone: its shared start and end need no splitting into words.
    const pair = fold ? tokenizeFolded(oldBlocks.slice(a, aEnd), newBlocks.slice(b, bEnd)) : null;
    const [oldTokens, newTokens] = pair ?? [tokenize(oldBlocks.slice(a, aEnd)), tokenize(newBlocks.slice(b, bEnd))];
    const words = toRedline(absorbLoneSpaces(piecesOf(oldTokens, newTokens), oldTokens), oldTokens, newTokens, builder);
    wordsInserted += words.wordsInserted;
    wordsDeleted += words.wordsDeleted;
  };
  diffSequences(
    oldBlocks.length,
    newBlocks.length,
    (i, j) => sameBlock(oldBlocks[i], newBlocks[j]),
    (length, aCommon, bCommon) => {
      changed(aCommon, bCommon);
      for (let k = 0; k < length; k++) builder.addEqualBlock(newBlocks[bCommon + k] as Block);
      a = aCommon + length;
      b = bCommon + length;
    },
  );
  changed(oldBlocks.length, newBlocks.length);
  return { redline: builder.finish(), wordsInserted, wordsDeleted };
}

/** Two editions of a section whose words, marks, links and block kinds are all equal: nothing to redline. */
export function sameBlocks(x: readonly Block[], y: readonly Block[]): boolean {
  return x.length === y.length && x.every((block, i) => sameBlock(block, y[i]));
}

/** Equal as a redline sees them: the same kind of block with the same runs (text, marks, link). */
function sameBlock(x: Block | undefined, y: Block | undefined): boolean {
  if (x === y) return true;
  if (!x || !y || !sameShape(x, y) || x.runs.length !== y.runs.length) return false;
  return x.runs.every((run, i) => {
    const other = y.runs[i];
    if (other === undefined) return false;
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

function toRedline(pieces: readonly Piece[], a: TokenStream, b: TokenStream, builder: RedlineBuilder): { wordsInserted: number; wordsDeleted: number } {
  let wordsInserted = 0;
  let wordsDeleted = 0;
  for (const piece of pieces) {
    if (piece.equal) {
      for (let k = 0; k < piece.length; k++) builder.add('equal', b, piece.bStart + k);
      continue;
    }
    for (let i = piece.aStart; i < piece.aEnd; i++) {
      if (isWord(a.texts[i] ?? '')) wordsDeleted++;
      builder.add('delete', a, i);
    }
    for (let j = piece.bStart; j < piece.bEnd; j++) {
      if (isWord(b.texts[j] ?? '')) wordsInserted++;
      builder.add('insert', b, j);
    }
  }
  return { wordsInserted, wordsDeleted };
}

class RedlineBuilder {
  private readonly blocks: RedlineBlock[] = [];
  private runs: RedlineRun[] = [];
  private last: { op: ChangeOp; style: TokenStyle | undefined; text: string } | null = null;

  add(op: ChangeOp, stream: TokenStream, index: number): void {
    const boundary = stream.boundaries[index];
    if (boundary) {
      this.flushRun();
      this.blocks.push({ block: shapeOf(boundary), mark: op, runs: this.runs });
      this.runs = [];
      return;
    }
    const style = stream.styles[index];
    const text = stream.texts[index] ?? '';
    if (this.last && this.last.op === op && sameStyle(this.last.style, style)) {
      this.last.text += text;
      return;
    }
    this.flushRun();
    this.last = { op, style, text };
  }

  /** A whole block left alone: what adding its tokens one by one as equal would give. */
  addEqualBlock(block: Block): void {
    for (const run of block.runs) {
      if (run.text === '') continue;
      const styled = (run.marks && run.marks.length > 0) || run.link !== undefined;
      const style: TokenStyle | undefined = styled ? { marks: run.marks, link: run.link } : undefined;
      if (this.last && this.last.op === 'equal' && sameStyle(this.last.style, style)) this.last.text += run.text;
      else {
        this.flushRun();
        this.last = { op: 'equal', style, text: run.text };
      }
    }
    this.flushRun();
    this.blocks.push({ block: shapeOf(block), mark: 'equal', runs: this.runs });
    this.runs = [];
  }

  finish(): RedlineBlock[] {
    this.flushRun();
    // Every stream ends with a boundary, so nothing can be left over; guard anyway rather than drop text.
    if (this.runs.length > 0) this.blocks.push({ block: { kind: 'paragraph' }, mark: 'equal', runs: this.runs });
    return this.blocks;
  }

  private flushRun(): void {
    if (!this.last) return;
    const { op, style, text } = this.last;
    const run: RedlineRun = { op, text, ...(style?.marks ? { marks: style.marks } : {}), ...(style?.link ? { link: style.link } : {}) };
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
      return { kind: 'heading', id: block.id, level: block.level };
    case 'paragraph':
      return { kind: 'paragraph' };
    case 'list-item':
      return { kind: 'list-item', list: block.list, indent: block.indent };
  }
}
