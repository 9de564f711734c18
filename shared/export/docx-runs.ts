import { ExternalHyperlink, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { referenceFieldRuns } from './docx-reference';
import type { ExportRun } from './runs';

export type MakeRun = (options: IRunOptions) => ParagraphChild;

const textRun: MakeRun = (options) => new TextRun(options);

/**
 * Runs as Word runs. A line break inside a block is a Word line break (not a new paragraph, which would be a new
 * block), and a tab a Word tab: in Word's XML a raw tab character in text is read as a space. `makeRun` writes each
 * run (the redline passes one that writes tracked insertions and deletions).
 */
export function docxRuns(runs: readonly ExportRun[], makeRun: MakeRun = textRun): ParagraphChild[] {
  return runs.flatMap((run) => docxRun(run, makeRun));
}

/** One run as Word runs (several when it holds line breaks), `extra` added to each run's options. */
export function docxRun(run: ExportRun, makeRun: MakeRun = textRun, extra?: Partial<IRunOptions>): ParagraphChild[] {
  // A reference suggested away is deleted text: Word keeps no field instruction in a deletion.
  if (run.ref !== undefined) {
    const { href: _anchor, ref, ...text } = run;
    if (run.del !== undefined) return docxRun(text, makeRun, extra);
    const format: IRunOptions = { ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}), ...(run.underline ? { underline: {} } : {}), ...extra };
    return referenceFieldRuns(ref.section, ref, format).map(makeRun);
  }
  const lines = run.text.split('\n');
  const textRuns = lines.map((line, index) =>
    makeRun({
      children: line.split('\t').flatMap((part, k) => [...(k > 0 ? [new Tab()] : []), ...(part === '' ? [] : [part])]),
      ...(index > 0 ? { break: 1 } : {}),
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.underline ? { underline: {} } : {}),
      ...(run.script === 'superscript' ? { superScript: true } : run.script === 'subscript' ? { subScript: true } : {}),
      ...(run.href !== undefined ? { style: 'Hyperlink' } : {}),
      ...extra,
    }),
  );
  return run.href === undefined ? textRuns : [new ExternalHyperlink({ link: run.href, children: textRuns })];
}
