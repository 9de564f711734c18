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
  readonly href?: string;
  /**
   * A cross-reference to a section of the document (its id), whose text is that section's number: HTML and Markdown
   * link it to the section's anchor (`href` is `#<id>`), DOCX writes a REF field to the heading's bookmark. Only a
   * reference whose section is in the document has it; a missing one is its flag, as plain text.
   */
  readonly ref?: ExportReference;
  /**
   * The open suggestions and comment threads the text carries, as the stored run has them. Only the DOCX export
   * writes them (as Word's tracked changes and comments); an export of the accepted text resolves them first.
   */
  readonly ins?: SuggestionMark;
  readonly del?: SuggestionMark;
  readonly formatted?: FormatChange;
  readonly comments?: readonly string[];
}

/** A cross-reference's section and the parts of its text, which DOCX writes as a field each. */
export interface ExportReference {
  readonly section: string;
  readonly number: string;
  /** The section's title, when the reference shows it after the number: "4.2 (Security)". */
  readonly title?: string;
}

/**
 * Runs made ready to write: clean text, no empty runs, and neighbours with the same formatting joined, so exporters
 * never open and close the same mark twice in a row. An unsafe link loses its link and keeps its text: the words are
 * the author's, the address is what could hurt a reader.
 */
export function exportRuns(runs: readonly Run[], targets?: ReferenceTargets): ExportRun[] {
  const out: ExportRun[] = [];
  for (const run of runs) {
    const text = exportableText(run.text);
    if (text === '') continue;
    const marks = run.marks ?? [];
    // The parsed address, ASCII and percent-encoded as a browser sends it: what was checked is what gets written.
    const href = run.link === undefined ? null : safeLink(run.link);
    const target = run.ref === undefined ? undefined : targets?.get(run.ref);
    const ref: ExportReference | undefined =
      run.ref === undefined || target === undefined ? undefined : { section: run.ref, number: target.number, ...(run.refTitle && target.title ? { title: target.title } : {}) };
    const next: ExportRun = {
      text,
      bold: marks.includes('bold'),
      italic: marks.includes('italic'),
      underline: marks.includes('underline'),
      ...(href !== null ? { href } : {}),
      ...(ref !== undefined ? { href: `#${ref.section}`, ref } : {}),
      ...(run.ins || run.del || run.formatted || run.comments ? reviewOf(run) : {}),
    };
    const last = out[out.length - 1];
    if (last && sameFormatting(last, next)) out[out.length - 1] = { ...last, text: last.text + next.text };
    else out.push(next);
  }
  return out;
}

/** The suggestions and comment threads a run carries, only those it has. */
function reviewOf(run: Run): Pick<ExportRun, 'ins' | 'del' | 'formatted' | 'comments'> {
  return {
    ...(run.ins ? { ins: run.ins } : {}),
    ...(run.del ? { del: run.del } : {}),
    ...(run.formatted ? { formatted: run.formatted } : {}),
    ...(run.comments ? { comments: run.comments } : {}),
  };
}

export function plainText(runs: readonly ExportRun[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/** A reference is one field or link of its own: never joined to its neighbours, even another to the same section. */
function sameFormatting(a: ExportRun, b: ExportRun): boolean {
  if (a.ref !== undefined || b.ref !== undefined) return false;
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href && sameReview(a, b);
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
