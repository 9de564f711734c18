import type { Run } from '../model/document';
import { safeLink } from '../model/link';
import { exportableText } from './text';

/** A run as exporters write it: marks as flags, and a link only when it is safe to follow. */
export interface ExportRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly href?: string;
}

/**
 * Runs made ready to write: clean text, no empty runs, and neighbours with the same formatting joined, so exporters
 * never open and close the same mark twice in a row. An unsafe link loses its link and keeps its text: the words are
 * the author's, the address is what could hurt a reader.
 */
export function exportRuns(runs: readonly Run[]): ExportRun[] {
  const out: ExportRun[] = [];
  for (const run of runs) {
    const text = exportableText(run.text);
    if (text === '') continue;
    const marks = run.marks ?? [];
    // The parsed address, ASCII and percent-encoded as a browser sends it: what was checked is what gets written.
    const href = run.link === undefined ? null : safeLink(run.link);
    const next: ExportRun = {
      text,
      bold: marks.includes('bold'),
      italic: marks.includes('italic'),
      underline: marks.includes('underline'),
      ...(href !== null ? { href } : {}),
    };
    const last = out[out.length - 1];
    if (last && sameFormatting(last, next)) out[out.length - 1] = { ...last, text: last.text + next.text };
    else out.push(next);
  }
  return out;
}

export function plainText(runs: readonly ExportRun[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

function sameFormatting(a: ExportRun, b: ExportRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href;
}
