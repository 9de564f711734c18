import type { Run } from '../model/document';
import { MARKS, notePlaceholder, stripForbiddenCharacters, type Mark } from '../model/vocabulary';
import { safeLink } from '../model/link';
import type { RawRun } from './raw';

/** Takes a footnote's runs as the reader gave them and returns the id of the note made of them. */
export type NoteTaker = (runs: readonly RawRun[]) => string;

/**
 * Runs as the model stores them, from runs as readers produce them: control characters gone, white space (line
 * breaks, tabs, no-break spaces) folded to single spaces, neighbours with the same marks and link merged, no empty
 * runs, nothing at either end but text. A footnote's mark becomes a `note` run when `takeNote` is given (a note's own
 * runs are cleaned without: a mark inside a note is dropped, since a note holds no note).
 */
export function cleanRuns(raw: readonly RawRun[], verbatim = false, takeNote?: NoteTaker): Run[] {
  // Texts are collected in pieces and joined once: growing one string and asking it endsWith() makes V8 flatten it
  // every time, which turns a paragraph of 100,000 runs quadratic.
  const out: Array<{ run: Run; pieces: string[]; endsWithSpace: boolean }> = [];
  for (const r of raw) {
    if (r.note !== undefined) {
      if (takeNote) {
        const note = takeNote(r.note);
        out.push({ run: { text: notePlaceholder(note), note }, pieces: [notePlaceholder(note)], endsWithSpace: false });
      }
      continue;
    }
    let text = stripForbiddenCharacters(r.text).replace(/\uFEFF/g, '');
    text = verbatim ? text.replace(/[\r\n]+/g, ' ') : text.replace(/[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ');
    if (text === '') continue;
    const marks = MARKS.filter((m) => r.marks?.includes(m));
    const run: Run = { text: '' };
    if (marks.length > 0) run.marks = marks;
    // A link within the document is carried as "#id" until structure/anchors.ts makes it a reference or drops it.
    const link = r.anchor !== undefined ? `#${r.anchor}` : r.link === undefined ? null : safeLink(r.link);
    if (link !== null) run.link = link;
    const last = out[out.length - 1];
    // one space where two pieces meet with a space each
    if (!verbatim && last?.endsWithSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    if (last && sameFormat(last.run, run)) {
      last.pieces.push(text);
    } else {
      out.push({ run, pieces: [text], endsWithSpace: false });
    }
    (out[out.length - 1] as { endsWithSpace: boolean }).endsWithSpace = text.endsWith(' ');
  }
  const runs = out.map(({ run, pieces }) => ({ ...run, text: pieces.join('') }));
  return trimRuns(runs.filter((r) => r.text !== ''));
}

export function sameFormat(a: Run, b: Run): boolean {
  return a.note === undefined && b.note === undefined && a.link === b.link && (a.marks ?? []).join() === (b.marks ?? []).join();
}

export function runsText(runs: readonly Run[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

/** The runs covering characters [start, end) of their joined text; a footnote's mark is never cut, only kept or left out. */
export function sliceRuns(runs: readonly Run[], start: number, end = Infinity): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + r.text.length);
    if (from < to) out.push(r.note !== undefined ? r : { ...r, text: r.text.slice(from - pos, to - pos) });
    pos += r.text.length;
    if (pos >= end) break;
  }
  return out;
}

/** White space (and, if given, the characters in `chars`) removed from both ends, empty runs dropped. */
export function trimRuns(runs: readonly Run[], chars = ''): Run[] {
  const [head, tail] = trimPatterns(chars);
  // trimStart/trimEnd remove exactly what \s matches, without a pattern tried at every position of a long run
  const trimHead = chars === '' ? (text: string) => text.trimStart() : (text: string) => text.replace(head, '');
  const trimTail = chars === '' ? (text: string) => text.trimEnd() : (text: string) => text.replace(tail, '');
  const out = runs.map((r) => ({ ...r }));
  while (out.length > 0) {
    const first = out[0] as Run;
    first.text = trimHead(first.text);
    if (first.text !== '') break;
    out.shift();
  }
  while (out.length > 0) {
    const last = out[out.length - 1] as Run;
    last.text = trimTail(last.text);
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

const TRIM_PATTERNS = new Map<string, readonly [RegExp, RegExp]>();

function trimPatterns(chars: string): readonly [RegExp, RegExp] {
  let patterns = TRIM_PATTERNS.get(chars);
  if (!patterns) {
    const pattern = chars ? `[\\s${escapeClass(chars)}]` : '\\s';
    patterns = [new RegExp(`^${pattern}+`), new RegExp(`${pattern}+$`)];
    TRIM_PATTERNS.set(chars, patterns);
  }
  return patterns;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** The same runs without the given marks (a heading needs no bold: it is a heading). */
export function withoutMarks(runs: readonly Run[], drop: readonly Mark[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const marks = (r.marks ?? []).filter((m) => !drop.includes(m));
    const run: Run = { text: r.text };
    if (marks.length > 0) run.marks = marks;
    if (r.link !== undefined) run.link = r.link;
    if (r.note !== undefined) run.note = r.note;
    const last = out[out.length - 1];
    if (last && sameFormat(last, run)) last.text += run.text;
    else out.push(run);
  }
  return out;
}

/** How many characters at the start of the runs carry bold or underline (the "bold at the start" hint). */
export function emphasisedPrefixLength(runs: readonly Run[]): number {
  let length = 0;
  let sawEmphasis = false;
  for (const r of runs) {
    const emphasised = r.marks?.includes('bold') || r.marks?.includes('underline');
    if (emphasised) {
      sawEmphasis = true;
      length += r.text.length;
    } else if (r.text.trim() === '' && sawEmphasis) {
      length += r.text.length;
    } else {
      break;
    }
  }
  return sawEmphasis ? length : 0;
}
