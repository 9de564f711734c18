/** Reading a line's text: whether it reads like a heading, in Title Case, or opens with a run-in heading. */
import type { Run } from '../../model/document';
import { readMarker, readTypedBullet } from '../markers';
import { emphasisedPrefixLength, runsText, sliceRuns, trimRuns } from '../runs';
import type { Line } from './types';

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'or', 'nor', 'but', 'of', 'the', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'as',
  'into', 'onto', 'per', 'via', 'vs', 'vs.', 'v', 'v.', '&', 'de', 'la', 'le', 'du', 'des', 'et', 'und', 'der', 'die',
  'das', 'von', 'zu',
]);

export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((w) => w !== '');
}

/** Short, starts with a capital or digit, and does not end like a sentence or a clause. */
export function isHeadingLike(text: string, maxWords = 15): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 160) return false;
  if (/[.,;:]$/.test(t)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘([]/u.test(t)) return false;
  if (words(t).length > maxWords) return false;
  // two sentences are not a heading
  return !/\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(t);
}

/** A run-in lead without marks: Title Case ("Questions; Contacting Us") or CAPITALS ("DEFINITIONS"). */
export function isTitleCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
  const ws = words(text);
  if (ws.length === 0 || !/^[\p{Lu}\p{N}"“'‘(]/u.test(ws[0] ?? '')) return false;
  const significant = ws.filter((w) => !SMALL_WORDS.has(w.toLowerCase().replace(/[^\p{L}.&]/gu, '')));
  const capitalised = significant.filter((w) => /^["“'‘(]?[\p{Lu}\p{N}]/u.test(w));
  return significant.length > 0 && capitalised.length / significant.length >= 0.75;
}

export interface RunIn {
  lead: Run[];
  body: Run[];
}

/**
 * A run-in heading at the start of `runs`: "<b>Questions; Contacting Us.</b> If you have …" (or underlined), or —
 * when `typedLeads` — "Questions; Contacting Us. If you have …" in Title Case or capitals.
 */
export function findRunIn(runs: readonly Run[], typedLeads: boolean): RunIn | null {
  const text = runsText(runs);
  const emphasised = emphasisedPrefixLength(runs);
  if (emphasised > 0 && text.slice(emphasised).trim() !== '') {
    const leadText = text.slice(0, emphasised).trimEnd();
    let leadEnd = leadText.length;
    let bodyStart = emphasised;
    if (/[.:]$/.test(leadText)) {
      leadEnd -= 1;
    } else {
      const separator = /^\s*(?:[.:]|[—–]|-(?=\s))\s*/.exec(text.slice(emphasised));
      if (!separator) return null;
      bodyStart += separator[0].length;
    }
    const lead = leadText.slice(0, leadEnd).trim();
    if (lead === '' || words(lead).length > 15 || !/^[\p{Lu}\p{N}"“'‘(]/u.test(lead)) return null;
    const body = trimRuns(sliceRuns(runs, bodyStart));
    if (body.length === 0) return null;
    return { lead: trimRuns(sliceRuns(runs, 0, leadEnd)), body };
  }
  if (!typedLeads) return null;
  const m = /^(.{2,120}?)([.:])\s+(?=[\p{Lu}\p{N}"“'‘(])/u.exec(text);
  if (!m) return null;
  const lead = m[1] ?? '';
  // "U.S. Residents" and "J. Smith" do not end a lead at their initials
  if (words(lead).length > 10 || /(?:^|[\s.])\p{L}$/u.test(lead) || !isTitleCase(lead)) return null;
  const body = trimRuns(sliceRuns(runs, m[0].length));
  if (body.length === 0) return null;
  return { lead: trimRuns(sliceRuns(runs, 0, lead.length)), body };
}

export function isWhollyEmphasised(runs: readonly Run[]): boolean {
  return runs.length > 0 && emphasisedPrefixLength(runs) >= runsText(runs).trimEnd().length;
}

export function hasMarks(runs: readonly Run[]): boolean {
  return runs.some((r) => r.marks !== undefined);
}

/** A line that can be the title of the bare number above it ("ARTICLE IV" / "DEFINITIONS"). */
export function isPlainTitleLine(line: Line): boolean {
  if (line.raw.list || line.raw.verbatim || line.raw.headingLevel !== undefined || line.dates) return false;
  if (readMarker(line.text) || readTypedBullet(line.text) > 0) return false;
  return isHeadingLike(line.text, 12);
}
