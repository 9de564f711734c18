/**
 * Dates as policies write them, read into ISO calendar dates (YYYY-MM-DD), and the "Effective Date: …" / "Last
 * updated: …" lines that carry them.
 */

import { isoDay } from '../model/dates';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

/** The date patterns, each with a function that picks year, month and day out of its groups. */
const DATE_FORMS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  // October 26, 2023 · Oct. 26th 2023
  [new RegExp(`^${MONTH}\\s+${DAY},?\\s+${YEAR}$`, 'i'), (m) => [+g(m, 3), month(g(m, 1)), +g(m, 2)]],
  // 26 October 2023 · 26th of October, 2023
  [new RegExp(`^${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}$`, 'i'), (m) => [+g(m, 3), month(g(m, 2)), +g(m, 1)]],
  // 2023-10-26 · 2023/10/26
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => [+g(m, 1), +g(m, 2), +g(m, 3)]],
  // 10/26/2023 (US) unless the first number cannot be a month: 26/10/2023
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => (+g(m, 1) > 12 ? [+g(m, 3), +g(m, 2), +g(m, 1)] : [+g(m, 3), +g(m, 1), +g(m, 2)])],
  // 26.10.2023 · 26-10-2023 (day first, as Europe writes them)
  [/^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/, (m) => [+g(m, 3), +g(m, 2), +g(m, 1)]],
];

function g(m: RegExpExecArray, i: number): string {
  return m[i] ?? '';
}

function month(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** "October 26, 2023" → "2023-10-26"; null for anything that is not a whole, real calendar date. */
export function parseHumanDate(text: string): string | null {
  const cleaned = text.trim().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  for (const [pattern, pick] of DATE_FORMS) {
    const m = pattern.exec(cleaned);
    if (!m) continue;
    const [year, mon, day] = pick(m);
    return isoDay(year, mon, day);
  }
  return null;
}

export type DateKind = 'effectiveDate' | 'lastUpdated';

const EFFECTIVE_LABEL =
  '(?:policy\\s+)?(?:effective\\s+date|date\\s+effective|date\\s+of\\s+effect|effective(?:\\s+(?:as\\s+of|from|on|since))?|in\\s+effect\\s+(?:as\\s+of|from|since))';
const UPDATED_LABEL =
  '(?:(?:last|most\\s+recently)\\s+(?:updated|revised|modified|amended|changed)(?:\\s+on)?|updated(?:\\s+on)?|revised(?:\\s+on)?|date\\s+of\\s+last\\s+(?:revision|update)|last\\s+update|revision\\s+date)';

const BOTH_LABEL = '(?:(?:last\\s+)?(?:revised|updated)\\s+(?:and|&)\\s+effective|effective\\s+(?:and|&)\\s+(?:last\\s+)?(?:revised|updated))(?:\\s+(?:date|on|as\\s+of))?';

const LABELLED_DATE = new RegExp(`^(?:(${BOTH_LABEL})|(${EFFECTIVE_LABEL})|(${UPDATED_LABEL}))\\s*(?:[:\\-–—]\\s*)?(.+)$`, 'i');

/**
 * "Version 2.1", "Policy version: 3", "Version no. 4.0", "Ver. 2", "v1.4": a version label as policies write it; with
 * the label and its colon, any short text is the version ("Version: 2.1 (draft)").
 */
const VERSION_LINE = /^(?:(?:policy|document|notice)\s+)?(?:version|ver\.|rev(?:ision)?\.?|v\.)(?:\s+(?:number|no\.?))?\s*[:\-–—]?\s*(v?\d{1,4}(?:\.\d{1,4}){0,3}[a-z]?)$|^(v\d{1,4}(?:\.\d{1,4}){0,3})$/i;
const LABELLED_VERSION_LINE = /^(?:(?:policy|document)\s+)?version\s*:\s*(\S.{0,99})$/i;

/** "March 2024" as a "last updated" date: the first of the month, as precise as the policy is. */
const MONTH_ONLY = new RegExp(`^${MONTH}\\s+${YEAR}$`, 'i');

/** "03/2024", "2024-03": a month written in figures. */
const NUMERIC_MONTH: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [number, number]]> = [
  [/^(\d{1,2})[/.-](\d{4})$/, (m) => [+g(m, 2), +g(m, 1)]],
  [/^(\d{4})-(\d{1,2})$/, (m) => [+g(m, 1), +g(m, 2)]],
];

function parseLabelledDate(text: string): { iso: string; monthOnly: boolean } | null {
  const day = parseHumanDate(text);
  if (day) return { iso: day, monthOnly: false };
  const cleaned = text.trim().replace(/[.,]$/, '');
  const m = MONTH_ONLY.exec(cleaned);
  let iso = m ? isoDay(+g(m, 2), month(g(m, 1)), 1) : null;
  for (const [pattern, pick] of NUMERIC_MONTH) {
    const n = iso ? null : pattern.exec(cleaned);
    if (n) iso = isoDay(...pick(n), 1);
  }
  return iso ? { iso, monthOnly: true } : null;
}

/** A date or a version label a line states: the ISO day, or the label as written ("2.1"). */
export interface LabelledDate {
  kind: DateKind | 'versionLabel';
  value: string;
  /** The line names only a month ("Updated: March 2024"): the value is its first day, a guess the import report names. */
  monthOnly?: true;
}

/**
 * A paragraph that says nothing but one or more labelled dates and version labels: "Effective Date: October 26,
 * 2023", "Last updated: February 02, 2026", "Effective: 26 October 2023 | Last revised 2024-01-05", "Revised and
 * Effective: 1 March 2024" (both dates), "Updated: March 2024" (the first of the month), "Version 2.1". Returns what
 * it states, or null when any part of the paragraph is something else (then the paragraph stays body text).
 */
export function readDateLine(text: string): LabelledDate[] | null {
  // "(Last updated: …)", "[Effective …]", and a closing full stop are decoration.
  const line = text.trim().replace(/^[([{]\s*(.*?)\s*[)\]}]$/, '$1').replace(/\.$/, '').trim();
  if (line.length === 0 || line.length > 160) return null;
  const parts = line.split(/\s*(?:[|;•·]|\s[-–—]\s|,\s+(?=(?:last|updated|revised|effective)\b)|\.\s+(?=[A-Z]))\s*/);
  const found: LabelledDate[] = [];
  for (const part of parts) {
    const version = VERSION_LINE.exec(part.trim());
    const labelled = version ? null : LABELLED_VERSION_LINE.exec(part.trim());
    if (version || labelled) {
      const label = version ? (version[1] ?? version[2] ?? '').replace(/^v/i, '') : (labelled?.[1] ?? '').trim();
      found.push({ kind: 'versionLabel', value: label });
      continue;
    }
    const m = LABELLED_DATE.exec(part.trim());
    if (!m) return null;
    const date = parseLabelledDate(m[4] ?? '');
    if (!date) return null;
    const month = date.monthOnly ? { monthOnly: true as const } : {};
    if (m[1]) found.push({ kind: 'effectiveDate', value: date.iso, ...month }, { kind: 'lastUpdated', value: date.iso, ...month });
    else found.push({ kind: m[2] ? 'effectiveDate' : 'lastUpdated', value: date.iso, ...month });
  }
  return found.length > 0 ? found : null;
}

const IN_SENTENCE = new RegExp(
  `\\beffective\\s+(?:as\\s+of|from|on)\\s+((?:${MONTH}\\s+${DAY},?\\s+${YEAR})|(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR})|(?:\\d{4}-\\d{2}-\\d{2}))`,
  'i',
);

/** "This policy is effective as of January 1, 2024, and …": the date in the sentence, which itself stays body text. */
export function findEffectiveDateInSentence(text: string): string | null {
  const m = IN_SENTENCE.exec(text);
  return m ? parseHumanDate(m[1] ?? '') : null;
}

const UPDATED_IN_SENTENCE = new RegExp(
  `\\b(?:last\\s+)?(?:updated|revised|modified|amended)\\s+(?:on\\s+|in\\s+)?((?:${MONTH}\\s+${DAY},?\\s+${YEAR})|(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR})|(?:\\d{4}-\\d{2}-\\d{2})|(?:${MONTH}\\s+${YEAR}))`,
  'i',
);

/**
 * "This Privacy Policy was last updated on 5 May 2024.": the date in the sentence (a month alone as its first day),
 * which itself stays body text. Only a sentence that is about the policy's own revision: "was last updated", at the
 * start of a short paragraph, not "we updated our systems on …" deep in a section (the caller looks only at the top).
 */
export function findUpdatedDateInSentence(text: string): string | null {
  if (text.length > 200 || !/\b(?:was|were|has\s+been|have\s+been)\s+(?:last\s+)?(?:updated|revised|modified|amended)\b/i.test(text)) return null;
  const m = UPDATED_IN_SENTENCE.exec(text);
  return m ? (parseLabelledDate(m[1] ?? '')?.iso ?? null) : null;
}
