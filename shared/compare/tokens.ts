import type { Mark, Run, TextBlock } from '../model/document';

/**
 * Words, runs of white space, and single marks of punctuation: the units a redline inserts and deletes. A word keeps
 * its inner apostrophes, hyphens and dots ("controller's", "opt-out", "e.g") so a change reads as whole words.
 */
// \u2019 is the typographic apostrophe (’), escaped so that the built bundle stays ASCII (scripts/ascii-bundle.mjs).
const WORD = String.raw`[\p{L}\p{N}]+(?:['\u2019\-.][\p{L}\p{N}]+)*`;
const WORDS = new RegExp(WORD, 'gu');
const WORDLIKE = /[\p{L}\p{N}]/u;

export interface TokenStyle {
  readonly marks?: readonly Mark[];
  readonly link?: string;
}

/**
 * A section's blocks as one token stream. Every block ends with a boundary token (empty text) that stands for its
 * paragraph mark, so splitting, joining or re-kinding a paragraph is a change like any other. `keys` are strings:
 * two tokens are the same exactly when text and marks (and for boundaries, the block's shape) agree. A link's address
 * is not in the key: the same words with another address are the same words, and the redline tells the link change
 * from the two tokens' styles (section-diff.ts).
 */
export interface TokenStream {
  readonly texts: string[];
  readonly styles: Array<TokenStyle | undefined>;
  readonly keys: string[];
  /** For each boundary token, the block it closes; undefined for ordinary tokens. */
  readonly boundaries: Array<TextBlock | undefined>;
  /** For the token of a footnote's mark, the note's id; undefined for every other token (or absent: no note in the stream). */
  notes?: Array<string | undefined>;
}

export function tokenize(blocks: readonly TextBlock[]): TokenStream {
  const stream: TokenStream = { texts: [], styles: [], keys: [], boundaries: [] };
  for (const block of blocks) {
    for (const run of block.runs) addRun(stream, run);
    addBoundary(stream, block);
  }
  return stream;
}

/** Two runs are the same reference when they point at the same section and show the same (number, or number and title). */
export function sameReference(a: Pick<Run, 'ref' | 'refTitle'>, b: Pick<Run, 'ref' | 'refTitle'>): boolean {
  return a.ref === b.ref && a.refTitle === b.refTitle;
}

export function addRun(stream: TokenStream, run: Run): void {
  const { style, keySuffix: suffix } = styleOf(run);
  if (run.note !== undefined) {
    // One token, keyed by the note: a note kept is its mark kept, whatever its text (compared in the notes part).
    stream.notes ??= new Array<string | undefined>(stream.texts.length).fill(undefined);
    stream.notes[stream.texts.length] = run.note;
    stream.texts.push(run.text);
    stream.styles.push(style);
    stream.keys.push(`\u0006${run.note}${suffix}`);
    stream.boundaries.push(undefined);
    return;
  }
  if (run.ref !== undefined) {
    // One token, keyed by the section it points at: its text (the number in this edition) is what the redline shows.
    stream.texts.push(run.text);
    stream.styles.push(style);
    stream.keys.push(`\u0002${run.ref}\u0002${run.refTitle ? 'title' : ''}${suffix}`);
    stream.boundaries.push(undefined);
    return;
  }
  addTextTokens(stream, run.text, 0, run.text.length, style, suffix);
}

/** The style a run's tokens carry, and what it adds to their keys ('' for plain text). */
export function styleOf(run: Run): { style: TokenStyle | undefined; keySuffix: string } {
  const styled = (run.marks && run.marks.length > 0) || run.link !== undefined;
  return styled
    ? { style: { marks: run.marks, link: run.link }, keySuffix: run.marks && run.marks.length > 0 ? `\u0001${run.marks.join(',')}` : '' }
    : PLAIN;
}

// Most runs are plain: one answer for all of them rather than a new one per run.
const PLAIN: { readonly style: undefined; readonly keySuffix: '' } = Object.freeze({ style: undefined, keySuffix: '' });

/** Tokens of text[from, to), where `to` must be a token boundary of the whole text (or its end). */
export function addTextTokens(stream: TokenStream, text: string, from: number, to: number, style: TokenStyle | undefined, keySuffix: string): void {
  let start = from;
  while (start < to) {
    const end = tokenEnd(text, start);
    const token = text.slice(start, end);
    stream.texts.push(token);
    stream.styles.push(style);
    // Compared as strings: a short token compares faster than it hashes into a table of ids.
    stream.keys.push(keySuffix === '' ? token : token + keySuffix);
    stream.boundaries.push(undefined);
    start = end;
  }
}

/** Ends a block in a token stream: the boundary token that stands for its paragraph mark. */
export function addBoundary(stream: TokenStream, block: TextBlock): void {
  stream.texts.push('');
  stream.styles.push(undefined);
  stream.keys.push(`\u0000${shapeKey(block)}`);
  stream.boundaries.push(block);
}

/** Whether the character at i is white space, as the tokenizer classes it. */
export function isSpaceAt(text: string, i: number): boolean {
  return classAt(text, i) === CharClass.Space;
}

const CharClass = { Word: 0, Space: 1, Other: 2 } as const;
type CharClass = (typeof CharClass)[keyof typeof CharClass];

/**
 * Where the token starting at `start` ends: the split a pattern would make (a word with inner ' ’ - or ., a run of white space, or
 * any other single character), by hand, because tokenizing is most
 * of a large comparison's time and a scanner over char codes is several times quicker than matchAll.
 */
function tokenEnd(text: string, start: number): number {
  const kind = classAt(text, start);
  let i = start + charLength(text, start);
  if (kind === CharClass.Other) return i;
  while (i < text.length) {
    const next = classAt(text, i);
    if (next === kind) {
      i += charLength(text, i);
    } else if (kind === CharClass.Word && isJoiner(text.charCodeAt(i)) && i + 1 < text.length && classAt(text, i + 1) === CharClass.Word) {
      i += 1;
    } else {
      break;
    }
  }
  return i;
}

function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2e;
}

function charLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const SPACE = /^\s/u;

function classAt(text: string, i: number): CharClass {
  const code = text.charCodeAt(i);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharClass.Word;
    if (code === 32 || (code >= 9 && code <= 13)) return CharClass.Space;
    return CharClass.Other;
  }
  const char = text.slice(i, i + charLength(text, i));
  if (LETTER_OR_DIGIT.test(char)) return CharClass.Word;
  return SPACE.test(char) ? CharClass.Space : CharClass.Other;
}

/**
 * What a paragraph mark carries besides its text. A heading's level is left out on purpose: promoting or demoting a
 * section shows as renumbering and, where it changes the section's parent, as a move — not as an edit of its words.
 */
export function shapeKey(block: TextBlock): string {
  switch (block.kind) {
    case 'heading':
      return 'h';
    case 'paragraph':
      return 'p';
    case 'list-item':
      return `l${block.list}${block.indent}`;
  }
}

export function isWord(text: string): boolean {
  return WORDLIKE.test(text);
}

export function countWords(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

/** The words a run adds to a count: none for a footnote's mark, whose note's words are counted in the notes part. */
export function wordsOfRun(run: Pick<Run, 'text' | 'note'>): number {
  return run.note === undefined ? countWords(run.text) : 0;
}
