import { reportLines, type ImportReport } from '../../shared/import/report';

/** The import report under the "Imported …" line: one indented sentence a line, nothing for our own format. */
export function importReportText(report: ImportReport | undefined): string {
  return report ? reportLines(report).map((line) => `  ${line}\n`).join('') : '';
}
