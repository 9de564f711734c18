/**
 * Find and replace over a document's blocks, as plain text: each block is one string, the text of its runs joined, so
 * a word with a bold letter inside it ("ré**su**mé") is found as one word, and a match never crosses from one block
 * into the next (as in Word, a paragraph mark ends a match). A variable stands in a block's text as one VARIABLE_MARK
 * character, which no match may contain: a variable is a chip, not words to find or to replace.
 *
 * Pure: the editor and the project-wide search give it the texts, and apply what it plans.
 */
import type { Block, Run } from '../model/document';
import { runLists } from '../model/block-runs';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface FindQuery extends FindOptions {
  text: string;
}

/** One match: the block's index among the texts given, and the match's offsets in that block's text. */
export interface TextMatch {
  block: number;
  start: number;
  end: number;
}

/** What stands for a variable in a block's text (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const VARIABLE_MARK = '\uFFFC';

// A word's letters: any script's letters and digits, combining marks (an "e" with its accent), and the underscore.
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; problem: string };

/** The query as one regular expression, or the one sentence that says why it cannot be one. */
export function compileQuery(query: FindQuery): CompiledQuery {
  if (query.text === '') return { ok: false, problem: '' };
  let source = query.regex ? query.text : escapeRegExp(query.text);
  if (query.wholeWord) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  try {
    // `u` so that \p{…} works and a letter outside the BMP is one character; `d` is not needed: offsets come from index.
    return { ok: true, pattern: new RegExp(source, query.matchCase ? 'gu' : 'giu') };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : '';
    return { ok: false, problem: `This is not a regular expression that can be searched for${detail ? ` (${detail.toLowerCase()})` : ''}.` };
  }
}

export function escapeRegExp(text: string): string {
  // Only the syntax characters: with the `u` flag, escaping anything else (a dash) is itself an error.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matches in one block's text. Empty matches (`^`, `\b`, `x*` where there is no x) are skipped: there is nothing
 * to show or replace, and matchOffsets steps past them as matchAll does, so they never loop.
 */
export function matchesInText(text: string, pattern: RegExp, block: number, out: TextMatch[] = []): TextMatch[] {
  const offsets = matchOffsets(text, pattern);
  for (let k = 0; k < offsets.length; k += 2) out.push({ block, start: offsets[k] as number, end: offsets[k + 1] as number });
  return out;
}

const NO_OFFSETS: readonly number[] = Object.freeze([]);

/**
 * The matches in one block's text as offsets, start and end of each in turn: what the editor keeps beside every
 * block, so a whole document's search makes no object per block or per match (most blocks share one empty list).
 * `pattern` must be global (compileQuery's are); the walk starts at 0 whatever its lastIndex, and leaves it at 0.
 */
export function matchOffsets(text: string, pattern: RegExp): readonly number[] {
  // exec on a pattern that is not global ignores lastIndex: the walk would never end (matchAll threw instead).
  if (!pattern.global) throw new TypeError('matchOffsets needs a global pattern');
  // With u or v, a pattern reads whole characters: an empty match steps past a surrogate pair, not into it.
  const wholeCharacters = pattern.unicode || pattern.flags.includes('v');
  let offsets: number[] | null = null;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    if (end === start) {
      // Past an empty match, as matchAll steps: by a whole character where the pattern reads characters, not halves.
      pattern.lastIndex = end + (wholeCharacters && isSurrogatePairAt(text, end) ? 2 : 1);
      continue;
    }
    if (found[0].includes(VARIABLE_MARK)) continue;
    (offsets ??= []).push(start, end);
  }
  pattern.lastIndex = 0;
  return offsets ?? NO_OFFSETS;
}

function isSurrogatePairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Every match in the texts, in document order. */
export function findInTexts(texts: readonly string[], pattern: RegExp): TextMatch[] {
  const out: TextMatch[] = [];
  for (let block = 0; block < texts.length; block++) matchesInText(texts[block] as string, pattern, block, out);
  return out;
}

/** A stored block's text as find sees it (the same text the editor sees). */
export function runsText(runs: readonly Run[]): string {
  let text = '';
  // A variable or a cross-reference is one unit no match may start, end or replace inside.
  for (const run of runs) text += run.variable === undefined && run.ref === undefined && run.note === undefined ? run.text : VARIABLE_MARK;
  return text;
}

/** Each block's text; a table's cells one per line, so no match runs from one cell into the next. */
export function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.map((block) => (block.kind === 'table' ? runLists(block).map(runsText).join('\n') : runsText(block.runs)));
}

/**
 * What replaces a match: with a regular expression, `$1`…`$99`, `$<name>`, `$&` and `$$` as in String.replace; with
 * plain text, the replacement as typed. `text` is the match's whole block, so groups and lookarounds see what the
 * search saw.
 */
export function replacementFor(query: FindQuery, pattern: RegExp, text: string, match: TextMatch, replacement: string): string {
  if (!query.regex) return replacement;
  const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
  sticky.lastIndex = match.start;
  const found = sticky.exec(text);
  if (!found) return replacement;
  return expandReplacement(replacement, found);
}

function expandReplacement(replacement: string, found: RegExpExecArray): string {
  return replacement.replace(/\$(\$|&|<([^>]*)>|(\d{1,2}))/g, (whole, what: string, name: string | undefined, digits: string | undefined) => {
    if (what === '$') return '$';
    if (what === '&') return found[0];
    if (name !== undefined) return found.groups?.[name] ?? (found.groups ? '' : whole);
    if (digits !== undefined) {
      // "$12" is group 12 when there is one, otherwise group 1 followed by "2", as String.replace reads it.
      const two = Number(digits);
      if (digits.length === 2 && two > 0 && two < found.length) return found[two] ?? '';
      const one = Number(digits[0]);
      if (one > 0 && one < found.length) return (found[one] ?? '') + digits.slice(1);
    }
    return whole;
  });
}

export interface ReplacementPlan {
  /** The edits to make, each with its new text, in document order. */
  edits: Array<TextMatch & { text: string }>;
  /** Matches left as they are because their block may not change (an approved clause). */
  kept: number;
}

/**
 * Plans a "replace all": each match's replacement, except in blocks `mayChange` refuses. Apply the edits from the last
 * to the first, so the offsets of those still to come stay true.
 */
export function planReplaceAll(
  texts: readonly string[],
  query: FindQuery,
  replacement: string,
  mayChange: (block: number) => boolean,
): ReplacementPlan | { problem: string } {
  const compiled = compileQuery(query);
  if (!compiled.ok) return { problem: compiled.problem };
  const plan: ReplacementPlan = { edits: [], kept: 0 };
  for (const match of findInTexts(texts, compiled.pattern)) {
    if (!mayChange(match.block)) {
      plan.kept++;
      continue;
    }
    plan.edits.push({ ...match, text: replacementFor(query, compiled.pattern, texts[match.block] ?? '', match, replacement) });
  }
  return plan;
}

/** "2 matches are in approved clauses and were not replaced." */
export function keptSentence(kept: number): string {
  return kept === 1 ? '1 match is in an approved clause and was not replaced.' : `${kept} matches are in approved clauses and were not replaced.`;
}

/** How often a query is found in a stored document (0 for a query that cannot be searched). */
export function countInBlocks(blocks: readonly Block[], query: FindQuery): number {
  const compiled = compileQuery(query);
  return compiled.ok ? findInTexts(blockTexts(blocks), compiled.pattern).length : 0;
}
