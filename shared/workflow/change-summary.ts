import { isSectionRow, type Comparison, type SectionStatus } from '../compare/types';

const LISTED: ReadonlyArray<{ status: SectionStatus; word: string }> = [
  { status: 'changed', word: 'Changed' },
  { status: 'added', word: 'Added' },
  { status: 'deleted', word: 'Deleted' },
  { status: 'moved', word: 'Moved' },
];

/**
 * The summary of changes a review opens with, prefilled from a comparison with the last published (or saved) edition:
 * one line per kind of change naming the sections by title. Titles, not numbers: the summary is kept in the
 * workflow file, and numbers change when sections move.
 */
export function changeSummary(comparison: Comparison): string {
  const rows = comparison.rows.filter(isSectionRow).filter((row) => !row.carried);
  const lines = [`Changes since ${comparison.old.label}:`];
  for (const { status, word } of LISTED) {
    const titles = rows.filter((row) => row.status === status).map((row) => (row.new ?? row.old)?.title || 'Preamble');
    if (titles.length > 0) lines.push(`${word}: ${titles.join('; ')}.`);
  }
  const changedFields = comparison.metadata.map((change) => change.label);
  if (changedFields.length > 0) lines.push(`Details: ${changedFields.join(', ')}.`);
  if (lines.length === 1) lines.push('No changes to the wording.');
  return lines.join('\n');
}
