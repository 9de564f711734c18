import { ExternalHyperlink, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { ExportRun } from './runs';

/**
 * Runs as Word runs. A line break inside a block is a Word line break (not a new paragraph, which would be a new
 * block), and a tab a Word tab: in Word's XML a raw tab character in text is read as a space. `makeRun` writes each
 * run (the redline passes one that writes tracked insertions and deletions).
 */
export function docxRuns(
  runs: readonly ExportRun[],
  makeRun: (options: IRunOptions) => ParagraphChild = (options) => new TextRun(options),
): ParagraphChild[] {
  return runs.map((run) => {
    const lines = run.text.split('\n');
    const textRuns = lines.map(
      (line, index) =>
        makeRun({
          children: line.split('\t').flatMap((part, k) => [...(k > 0 ? [new Tab()] : []), ...(part === '' ? [] : [part])]),
          ...(index > 0 ? { break: 1 } : {}),
          ...(run.bold ? { bold: true } : {}),
          ...(run.italic ? { italics: true } : {}),
          ...(run.underline ? { underline: {} } : {}),
          ...(run.href !== undefined ? { style: 'Hyperlink' } : {}),
        }),
    );
    return run.href === undefined ? textRuns : [new ExternalHyperlink({ link: run.href, children: textRuns })];
  }).flat();
}
