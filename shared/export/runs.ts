import type { FormatChange, Run, SuggestionMark } from '../model/document';
import { safeLink } from '../model/link';
import type { ReferenceTargets } from '../model/reference-text';
import { exportableText } from './text';

/** A run as exporters write it: marks as flags, and a link only when it is safe to follow. */
export interface ExportRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  /** Raised or lowered text (never both: the model forbids it). */
  readonly script?: 'superscript' | 'subscript';
  readonly href?: string;
  /**
   * A cross-reference to a section of the document (its id), whose text is that section's number: HTML and Markdown
   * link it to the section's anchor (`href` is `#<id>`), DOCX writes a REF field to the heading's bookmark. Only a
   * reference whose section is in the document has it; a missing one is its flag, as plain text.
   */
  readonly ref?: ExportReference;
  /**
   * A footnote's mark, whose text is the note's number (its place among the marks in reading order, worked out by
   * prepare.ts): HTML and Markdown link it to the note's text at the end, DOCX writes a Word footnote reference.
   */
  readonly note?: ExportNoteMark;
  /**
   * The open suggestions and comment threads the text carries, as the stored run has them. Only the DOCX export
   * writes them (as Word's tracked changes and comments); an export of the accepted text resolves them first.
   */
  readonly ins?: SuggestionMark;
  readonly del?: SuggestionMark;
  readonly formatted?: FormatChange;
  readonly comments?: readonly string[];
}

/** Which footnote a mark is: the note's id and its number in the export. */
export interface ExportNoteMark {
  readonly id: string;
  readonly number: number;
}

/** A footnote's number by its note id, for the marks that have one. */
export type NoteNumbers = ReadonlyMap<string, number>;

/** A cross-reference's section and the parts of its text, which DOCX writes as a field each. */
export interface ExportReference {
  readonly section: string;
  readonly number: string;
  /**
   * The section's title, when the reference shows it after the number: "4.2 (Security)"; for a section that takes no
   * number (`number` is ''), the title is all the reference shows.
   */
  readonly title?: string;
}

/**
 * Runs made ready to write: clean text, no empty runs, and neighbours with the same formatting joined, so exporters
 * never open and close the same mark twice in a row. An unsafe link loses its link and keeps its text: the words are
 * the author's, the address is what could hurt a reader.
 */
export function exportRuns(runs: readonly Run[], targets?: ReferenceTargets, notes?: NoteNumbers): ExportRun[] {
  const out: ExportRun[] = [];
  for (const run of runs) {
    const noteNumber = run.note === undefined ? undefined : notes?.get(run.note);
    // A mark whose note has no number here (a note of another document, a mark counted nowhere) is dropped: its
    // placeholder means nothing to a reader.
    if (run.note !== undefined && noteNumber === undefined) continue;
    const text = noteNumber !== undefined ? String(noteNumber) : exportableText(run.text);
    if (text === '') continue;
    const marks = run.marks;
    // Built field by field rather than with conditional spreads: this runs for every run of every export.
    const next: Mutable<ExportRun> = {
      text,
      bold: marks !== undefined && marks.includes('bold'),
      italic: marks !== undefined && marks.includes('italic'),
      underline: marks !== undefined && marks.includes('underline'),
    };
    if (marks !== undefined && marks.length > 0) {
      if (marks.includes('superscript')) next.script = 'superscript';
      else if (marks.includes('subscript')) next.script = 'subscript';
    }
    // The parsed address, ASCII and percent-encoded as a browser sends it: what was checked is what gets written.
    if (run.link !== undefined) {
      const href = safeLink(run.link);
      if (href !== null) next.href = href;
    }
    if (noteNumber !== undefined) next.note = { id: run.note as string, number: noteNumber };
    const target = run.ref === undefined ? undefined : targets?.get(run.ref);
    if (run.ref !== undefined && target !== undefined) {
      const ref: Mutable<ExportReference> = { section: run.ref, number: target.number };
      if ((run.refTitle || target.number === '') && target.title) ref.title = target.title;
      next.href = `#${ref.section}`;
      next.ref = ref;
    }
    if (run.ins) next.ins = run.ins;
    if (run.del) next.del = run.del;
    if (run.formatted) next.formatted = run.formatted;
    if (run.comments) next.comments = run.comments;
    const last = out[out.length - 1];
    // `last` was made above, by this call: joining into it copies nothing.
    if (last && sameFormatting(last, next)) (last as Mutable<ExportRun>).text += next.text;
    else out.push(next);
  }
  return out;
}

/** A readonly export type while it is being built, field by field. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function plainText(runs: readonly ExportRun[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/** A reference or a footnote mark is one field, link or mark of its own: never joined to its neighbours. */
function sameFormatting(a: ExportRun, b: ExportRun): boolean {
  if (a.ref !== undefined || b.ref !== undefined || a.note !== undefined || b.note !== undefined) return false;
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.script === b.script && a.href === b.href && sameReview(a, b);
}

/** Runs of different suggestions, or about different comment threads, stay apart: each is its own change in Word. */
function sameReview(a: ExportRun, b: ExportRun): boolean {
  if (a.ins === undefined && a.del === undefined && a.formatted === undefined && a.comments === undefined) {
    return b.ins === undefined && b.del === undefined && b.formatted === undefined && b.comments === undefined;
  }
  return (
    sameMark(a.ins, b.ins) &&
    sameMark(a.del, b.del) &&
    sameMark(a.formatted, b.formatted) &&
    a.formatted?.was.join() === b.formatted?.was.join() &&
    a.comments?.join() === b.comments?.join()
  );
}

const sameMark = (a: SuggestionMark | undefined, b: SuggestionMark | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.id === b.id && a.by === b.by && a.at === b.at);
