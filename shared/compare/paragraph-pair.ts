import type { Run, TextBlock as Block } from '../model/document';
import { addBoundary, addRun, addTextTokens, isSpaceAt, sameReference, shapeKey, styleOf, type TokenStream } from './tokens';

/**
 * The token streams of a changed stretch of paragraphs, with the text both editions share at its start and at its end
 * each folded into a single token. A word edit in a long paragraph then splits only the few words around it, where
 * splitting every word was most of a large compare's time (and its garbage).
 *
 * The redline is the same as from `tokenize`: Myers' algorithm as diff-sequences implements it takes the longest
 * common run of tokens at the start, then at the end, before looking at the middle, so tokens folded away were
 * common to both ends in any case, and the middle it diffs is the very same sequence. That holds only where the
 * folded text is a whole number of tokens in both editions and cannot reach past where those runs of common tokens
 * end: so the cuts fall where white space meets other text, within the characters the two texts share; in a single
 * paragraph the shared end is measured only past the shared start. The start folds within the first paragraph's last
 * run, after runs the same in both editions (a defined term in bold, say), which fold whole; the end within the last
 * paragraph's last run, where both paragraphs are of one kind (their marks then match too). Returns null where the
 * start cannot fold (or one side is a single paragraph and the other several), for `tokenize`.
 */
export function tokenizeFolded(oldBlocks: readonly Block[], newBlocks: readonly Block[]): [TokenStream, TokenStream] | null {
  const single = oldBlocks.length === 1 && newBlocks.length === 1;
  if (!single && (oldBlocks.length < 2 || newBlocks.length < 2)) return null;
  const oldFirst = oldBlocks[0] as Block;
  const newFirst = newBlocks[0] as Block;
  const oldLast = oldBlocks[oldBlocks.length - 1] as Block;
  const newLast = newBlocks[newBlocks.length - 1] as Block;

  const startFolds = foldableStart(oldFirst, newFirst);
  // The end folds only once the start has: that tells the first paragraphs' tokens differ (Myers' paragraph diff pairs
  // no equal paragraphs at a stretch's edges), so the common tokens at the start stop before the last paragraph; in
  // a single paragraph the shared start bounds the shared end.
  const endFolds = startFolds && shapeKey(oldLast) === shapeKey(newLast) && foldableRuns(lastRun(oldLast), lastRun(newLast));
  if (!startFolds) return null;

  let head = 0;
  let shared = 0;
  {
    const a = (lastRun(oldFirst) as Run).text;
    const b = (lastRun(newFirst) as Run).text;
    const shorter = Math.min(a.length, b.length);
    shared = sharedStart(a, b, shorter);
    // The start folds up to white space that follows other text (a token ends there in both), the space itself shared.
    head = shared - 1;
    while (head > 0 && !(isSpaceAt(a, head) && !isSpaceAt(a, head - 1) && !isHighSurrogate(a.charCodeAt(head - 1)))) head--;
    if (head < 0) head = 0;
  }

  let tail = 0;
  if (endFolds) {
    const a = (lastRun(oldLast) as Run).text;
    const b = (lastRun(newLast) as Run).text;
    const room = single ? Math.min(a.length, b.length) - shared : Math.min(a.length, b.length);
    const sharedEnd = sharedEndOf(a, b, room);
    // The end folds from text that follows white space, that white space shared: tail characters from the end.
    tail = sharedEnd - 1;
    while (tail > 0 && !(isSpaceAt(a, a.length - tail - 1) && !isSpaceAt(a, a.length - tail))) tail--;
    if (tail < 0) tail = 0;
  }

  const streams: [TokenStream, TokenStream] = [
    { texts: [], styles: [], keys: [], boundaries: [] },
    { texts: [], styles: [], keys: [], boundaries: [] },
  ];
  // Plain loops: this runs for every changed paragraph of a compare, and a closure per block and run is garbage.
  for (let side = 0; side < 2; side++) {
    const blocks = side === 0 ? oldBlocks : newBlocks;
    const stream = streams[side] as TokenStream;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      const first = i === 0 && startFolds;
      const cutHead = first ? head : 0;
      const cutTail = i === blocks.length - 1 && endFolds ? tail : 0;
      const last = block.runs.length - 1;
      for (let r = 0; r <= last; r++) {
        const run = block.runs[r] as Run;
        if (r < last) {
          // Runs before the first paragraph's last are the same in both editions (an empty one gives no token, as in `tokenize`).
          if (!first || run.ref !== undefined || run.note !== undefined) addRun(stream, run);
          else if (run.text !== '') addFolded(stream, run.text, '\u0005', styleOf(run).style);
        } else if (cutHead === 0 && cutTail === 0) {
          addRun(stream, run);
        } else {
          const { style, keySuffix } = styleOf(run);
          const text = run.text;
          if (cutHead > 0) addFolded(stream, text.slice(0, cutHead), '\u0003', style);
          addTextTokens(stream, text, cutHead, text.length - cutTail, style, keySuffix);
          if (cutTail > 0) addFolded(stream, text.slice(text.length - cutTail), '\u0004', style);
        }
      }
      addBoundary(stream, block);
    }
  }
  return streams;
}

/** Whether the first paragraphs' start can fold: the same runs up to the last, whose text then may share a start. */
function foldableStart(oldBlock: Block, newBlock: Block): boolean {
  const last = oldBlock.runs.length - 1;
  if (last < 0 || newBlock.runs.length !== oldBlock.runs.length) return false;
  for (let i = 0; i < last; i++) {
    const x = oldBlock.runs[i] as Run;
    const y = newBlock.runs[i] as Run;
    if (!sameRun(x, y) && !sameOneToken(x, y)) return false;
  }
  return foldableRuns(oldBlock.runs[last], newBlock.runs[last]);
}

/** Two runs of plain text (not references) in one style: their tokens are equal where their texts are. */
function foldableRuns(x: Run | undefined, y: Run | undefined): boolean {
  return (
    x !== undefined && y !== undefined && x.ref === undefined && y.ref === undefined && x.note === undefined && y.note === undefined && styleOf(x).keySuffix === styleOf(y).keySuffix
  );
}

/** The same run in both editions, link too: a run folded away is kept as it is. */
function sameRun(x: Run, y: Run | undefined): boolean {
  return foldableRuns(x, y) && x.text === y?.text && x.link === y.link;
}

/**
 * Two runs that are one token each, and the same token: a cross-reference to the same section ("As Section 4.2
 * provides", whose number an edit elsewhere may have changed) or the mark of the same footnote, in one style. They
 * are not folded but kept as their token, equal on both sides as `tokenize` makes them.
 */
function sameOneToken(x: Run, y: Run): boolean {
  const sameTarget = (x.ref !== undefined && sameReference(x, y)) || (x.note !== undefined && x.ref === undefined && y.ref === undefined && x.note === y.note);
  return sameTarget && styleOf(x).keySuffix === styleOf(y).keySuffix;
}

function lastRun(block: Block): Run | undefined {
  return block.runs[block.runs.length - 1];
}

/**
 * A folded token's key is its marker alone: the folded text is the same in both editions by construction (the shared
 * start or end, or a run checked equal), and sits where the other edition's does, among tokens common to both. A key
 * with the text in it was a copy of most of every changed paragraph, made when the two keys were compared.
 */
function addFolded(stream: TokenStream, text: string, marker: string, style: TokenStream['styles'][number]): void {
  stream.texts.push(text);
  stream.styles.push(style);
  stream.keys.push(marker);
  stream.boundaries.push(undefined);
}

// Most of a changed paragraph is shared: it is compared a stretch at a time (string equality is a block compare in
// V8, a slice of a long string only a view of it) before the last stretch is walked a character at a time.
const STRETCH = 64;

/** How many characters a and b share at their start, up to `most`. */
function sharedStart(a: string, b: string, most: number): number {
  let at = 0;
  while (at + STRETCH <= most && a.slice(at, at + STRETCH) === b.slice(at, at + STRETCH)) at += STRETCH;
  while (at < most && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters a and b share at their end, up to `most`. */
function sharedEndOf(a: string, b: string, most: number): number {
  let n = 0;
  while (n + STRETCH <= most && a.slice(a.length - n - STRETCH, a.length - n) === b.slice(b.length - n - STRETCH, b.length - n)) n += STRETCH;
  while (n < most && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** A lone high surrogate before the cut would take the white space after it into its token. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
