import type { Block, Run } from '../model/document';
import { addBoundary, addTextTokens, isSpaceAt, shapeKey, styleOf, type TokenStream } from './tokens';

/**
 * The token streams of one paragraph's two editions, with the text both share at its start and at its end each
 * folded into a single token. A word edit in a long paragraph then splits only the few words around it, where
 * splitting every word was most of a large compare's time (and its garbage).
 *
 * The redline is the same as from `tokenize`: Myers' algorithm as diff-sequences implements it takes the longest
 * common run of tokens at the start, then at the end, before looking at the middle, so tokens folded away were
 * common to both ends in any case, and the middle it diffs is the very same sequence. That holds only where the
 * folded text is a whole number of tokens in both editions and cannot reach past where those runs of common tokens
 * end: so the cuts fall where white space meets other text, within the characters the two texts share, and the shared
 * end is measured only past the shared start. Runs before the last one, the same in both editions (a defined term in
 * bold, say), are folded whole. Anything else (other runs, references, other styles, another kind of paragraph)
 * returns null, for `tokenize`.
 */
export function tokenizeParagraphPair(oldBlock: Block, newBlock: Block): [TokenStream, TokenStream] | null {
  const last = oldBlock.runs.length - 1;
  if (last < 0 || newBlock.runs.length !== oldBlock.runs.length || shapeKey(oldBlock) !== shapeKey(newBlock)) return null;
  const leading = oldBlock.runs.slice(0, last);
  if (!leading.every((run, i) => sameLeadingRun(run, newBlock.runs[i]))) return null;
  const oldRun = oldBlock.runs[last];
  const newRun = newBlock.runs[last];
  if (!oldRun || !newRun || oldRun.ref !== undefined || newRun.ref !== undefined) return null;
  const oldStyle = styleOf(oldRun);
  const { style, keySuffix } = styleOf(newRun);
  if (oldStyle.keySuffix !== keySuffix) return null;

  const a = oldRun.text;
  const b = newRun.text;
  const shorter = Math.min(a.length, b.length);
  let shared = 0;
  while (shared < shorter && a.charCodeAt(shared) === b.charCodeAt(shared)) shared++;
  // The start folds up to white space that follows other text (a token ends there in both), the space itself shared.
  let head = shared - 1;
  while (head > 0 && !(isSpaceAt(a, head) && !isSpaceAt(a, head - 1) && !isHighSurrogate(a.charCodeAt(head - 1)))) head--;
  if (head < 0) head = 0;

  let sharedEnd = 0;
  const room = shorter - shared;
  while (sharedEnd < room && a.charCodeAt(a.length - 1 - sharedEnd) === b.charCodeAt(b.length - 1 - sharedEnd)) sharedEnd++;
  // The end folds from text that follows white space, that white space shared: tail characters from the end.
  let tail = sharedEnd - 1;
  while (tail > 0 && !(isSpaceAt(a, a.length - tail - 1) && !isSpaceAt(a, a.length - tail))) tail--;
  if (tail < 0) tail = 0;

  const streams: [TokenStream, TokenStream] = [
    { texts: [], styles: [], keys: [], boundaries: [] },
    { texts: [], styles: [], keys: [], boundaries: [] },
  ];
  [a, b].forEach((text, side) => {
    const stream = streams[side] as TokenStream;
    const block = side === 0 ? oldBlock : newBlock;
    // Runs before the last are the same in both editions (an empty one gives no token, as in `tokenize`).
    for (const run of leading) if (run.text !== '') addFolded(stream, run.text, '\u0005', styleOf(run).style);
    if (head > 0) addFolded(stream, text.slice(0, head), '\u0003', side === 0 ? oldStyle.style : style);
    addTextTokens(stream, text, head, text.length - tail, side === 0 ? oldStyle.style : style, keySuffix);
    if (tail > 0) addFolded(stream, text.slice(text.length - tail), '\u0004', side === 0 ? oldStyle.style : style);
    addBoundary(stream, block);
  });
  return streams;
}

function sameLeadingRun(x: Run, y: Run | undefined): boolean {
  return y !== undefined && x.ref === undefined && y.ref === undefined && x.text === y.text && styleOf(x).keySuffix === styleOf(y).keySuffix;
}

function addFolded(stream: TokenStream, text: string, marker: string, style: TokenStream['styles'][number]): void {
  stream.texts.push(text);
  stream.styles.push(style);
  stream.keys.push(marker + text);
  stream.boundaries.push(undefined);
}

/** A lone high surrogate before the cut would take the white space after it into its token. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
