/** One step of a document's audit trail as the window and the CSV show it (read from the step's commit). */
export interface TrailRow {
  readonly commit: string;
  readonly step: string;
  readonly state: string;
  readonly person: string;
  /** ISO time. */
  readonly at: string;
  readonly note: string;
  /** The document's text the step applied to (the git blob id of its file). */
  readonly edition: string;
  /** The step's commit carries a signature (made with a configured key; `git verify-commit` checks it). */
  readonly signed?: boolean;
}

const COLUMNS = ['time', 'person', 'step', 'state', 'note', 'edition', 'commit', 'signed'] as const;

/**
 * The trail as CSV (RFC 4180: every field quoted, quotes doubled, CRLF between records) for auditors' spreadsheets. A
 * field that a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe, so a note can
 * never run in the auditor's spreadsheet.
 */
export function trailCsv(rows: readonly TrailRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => [row.at, row.person, row.step, row.state, row.note, row.edition, row.commit, row.signed ? 'yes' : 'no'].map(field).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
