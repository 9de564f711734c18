/**
 * The import report: what structure recovery decided where a file does not say it outright — the headings it found
 * (with typed numbers, without, as run-in leads, or guessed from bold lines), the contents page it dropped, the dates
 * and version it took from the text, and the lines it could not place. Shown after an import in the window and by
 * `policywright import --json`, so a person can check the guesses instead of finding them later.
 */
import { z } from 'zod';
import { readMarker, isSectionKind } from './markers';
import type { SourceFormat } from './raw';
import type { Line, Metadata } from './structure/types';

export type ReportedField = 'effectiveDate' | 'lastUpdated' | 'versionLabel';

export interface ImportReport {
  format: SourceFormat;
  headings: {
    found: number;
    /** Headings whose number was typed in the file (removed from the title; the app numbers them). */
    typedNumbers: number;
    /** Headings that take no number ("Summary" before "A. Definitions"): their titles. */
    unnumbered: string[];
    /** Headings read from the bold lead of a paragraph ("(i) Applicability. These rules …"). */
    runIn: number;
    /** No heading style or typed number anywhere: the headings are bold or Title Case lines, a guess. */
    guessed: boolean;
  };
  /** A contents page found in the text and dropped (its entries name later headings). */
  contents: { entries: number; title: string | null } | null;
  /** Dates and version read from lines of the text, with the line each came from. */
  dates: Array<{ field: ReportedField; value: string; from: string }>;
  /** Lines kept as body text although they look like something else: a person may want to look at them. */
  unplaced: Array<{ text: string; why: string }>;
}

const text = z.string().max(2000);

/** A report that crossed from an import worker is checked like any other input. */
export const ImportReportSchema: z.ZodType<ImportReport> = z.object({
  format: z.enum(['text', 'markdown', 'html', 'docx']),
  headings: z.object({
    found: z.number().int().min(0),
    typedNumbers: z.number().int().min(0),
    unnumbered: z.array(text).max(100_000),
    runIn: z.number().int().min(0),
    guessed: z.boolean(),
  }),
  contents: z.object({ entries: z.number().int().min(0), title: text.nullable() }).nullable(),
  dates: z.array(z.object({ field: z.enum(['effectiveDate', 'lastUpdated', 'versionLabel']), value: text, from: text })).max(10),
  unplaced: z.array(z.object({ text, why: text })).max(100),
});

/** At most this many unplaced lines are listed: the rest are counted in the last entry. */
const MAX_UNPLACED = 12;

export interface ReportInput {
  format: SourceFormat;
  lines: readonly Line[];
  meta: Metadata;
  /** What the source stated outright (front matter, document properties): not a guess, not reported. */
  stated: Partial<Record<ReportedField, string | null>>;
  contents: { entries: number; title: string | null } | null;
  /** The headings came from the fallback stage (bold or Title Case lines). */
  guessed: boolean;
}

export function buildImportReport(input: ReportInput): ImportReport {
  const { lines, meta } = input;
  let found = 0;
  let typedNumbers = 0;
  let runIn = 0;
  const unnumbered: string[] = [];
  for (const line of lines) {
    const role = line.role;
    if (role?.kind !== 'heading') continue;
    found++;
    const marker = line.raw.list ? null : readMarker(line.text);
    if (marker && isSectionKind(marker.kind) && !role.unnumbered) typedNumbers++;
    if (role.body && role.body.length > 0) runIn++;
    if (role.unnumbered) unnumbered.push(role.runs.map((r) => r.text).join('').trim());
  }

  const dates: ImportReport['dates'] = [];
  const taken = new Set<ReportedField>();
  for (const line of lines) {
    if (line.role?.kind !== 'drop' || !line.dates) continue;
    for (const d of line.dates) {
      if (taken.has(d.kind) || input.stated[d.kind] === d.value || meta[d.kind] !== d.value) continue;
      taken.add(d.kind);
      dates.push({ field: d.kind, value: d.value, from: line.text.trim() });
    }
  }
  // "… effective as of 1 January 2024 …" inside a sentence: the sentence stays, the date is taken.
  if (meta.effectiveDate && !taken.has('effectiveDate') && !input.stated.effectiveDate) {
    const sentence = lines.find((l) => l.role?.kind !== 'drop' && /\beffective\s+(?:as\s+of|from|on)\b/i.test(l.text));
    if (sentence) dates.push({ field: 'effectiveDate', value: meta.effectiveDate, from: sentence.text.trim() });
  }

  const unplaced: ImportReport['unplaced'] = [];
  for (const line of lines) {
    const role = line.role;
    if (role?.kind !== 'paragraph' || line.raw.verbatim) continue;
    if (line.dates) {
      unplaced.push({ text: line.text.trim(), why: 'reads like a date or version line, but stands in the text or disagrees with one already taken' });
      continue;
    }
    const marker = readMarker(line.text);
    if (marker && isSectionKind(marker.kind) && marker.kind !== 'paren-lower' && marker.kind !== 'paren-roman') {
      unplaced.push({ text: line.text.trim(), why: `starts with the number "${marker.text}", which does not fit the sections around it; kept as typed` });
    }
  }
  if (unplaced.length > MAX_UNPLACED) {
    const more = unplaced.length - MAX_UNPLACED + 1;
    unplaced.splice(MAX_UNPLACED - 1, unplaced.length, { text: `… and ${more} more`, why: 'of the same kinds' });
  }

  return {
    format: input.format,
    headings: { found, typedNumbers, unnumbered, runIn, guessed: input.guessed },
    contents: input.contents,
    dates,
    unplaced: unplaced.map((u) => ({ ...u, text: u.text.length > 120 ? `${u.text.slice(0, 117)}…` : u.text })),
  };
}

const FIELD_NAMES: Readonly<Record<ReportedField, string>> = {
  effectiveDate: 'Effective date',
  lastUpdated: 'Last updated',
  versionLabel: 'Version',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The report as sentences, one a line: what the CLI prints and the window lists. */
export function reportLines(report: ImportReport): string[] {
  const out: string[] = [];
  const h = report.headings;
  const parts = [
    h.typedNumbers > 0 ? `${h.typedNumbers} with typed numbers` : '',
    h.runIn > 0 ? `${h.runIn} from run-in leads` : '',
    h.unnumbered.length > 0 ? `${h.unnumbered.length} without a number (${h.unnumbered.map((t) => `“${t}”`).join(', ')})` : '',
  ].filter((p) => p !== '');
  out.push(`${plural(h.found, 'heading')} found${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`);
  if (h.guessed) out.push('The file marks no headings: bold or Title Case lines were taken as headings.');
  if (report.contents) {
    out.push(`A contents page of ${plural(report.contents.entries, 'entry', 'entries')}${report.contents.title ? ` (“${report.contents.title}”)` : ''} was dropped.`);
  }
  for (const d of report.dates) out.push(`${FIELD_NAMES[d.field]} ${d.value} taken from “${d.from}”.`);
  for (const u of report.unplaced) out.push(`Not placed: “${u.text}” ${u.why}.`);
  return out;
}
