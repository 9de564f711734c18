import { isSectionRow, type Comparison, type SectionRow } from './types';

const LISTED: ReadonlyArray<{ word: string; is: (row: SectionRow) => boolean }> = [
  { word: 'Changed', is: (row) => row.status === 'changed' },
  { word: 'Added', is: (row) => row.status === 'added' },
  { word: 'Deleted', is: (row) => row.status === 'deleted' },
  { word: 'Split off', is: (row) => row.status === 'split' },
  { word: 'Merged into the section before', is: (row) => row.status === 'merged' },
  { word: 'Moved and changed', is: (row) => row.status === 'moved' && row.edited },
  { word: 'Moved', is: (row) => row.status === 'moved' && !row.edited },
];

/**
 * The summary of changes a review opens with, prefilled from a comparison with the last published (or saved) edition:
 * one line per kind of change naming the sections by title. Titles, not numbers: the summary is kept in the
 * workflow file, and numbers change when sections move.
 */
export function changeSummary(comparison: Comparison): string {
  const rows = comparison.rows.filter(isSectionRow).filter((row) => !row.carried);
  const lines = [`Changes since ${comparison.old.label}:`];
  for (const { word, is } of LISTED) {
    // A merged section is named by its own (old) title: the new one is the section it joined.
    const titles = rows.filter(is).map((row) => (row.status === 'merged' ? row.old : (row.new ?? row.old))?.title || 'Preamble');
    if (titles.length > 0) lines.push(`${word}: ${titles.join('; ')}.`);
  }
  const changedFields = comparison.metadata.map((change) => change.label);
  if (changedFields.length > 0) lines.push(`Details: ${changedFields.join(', ')}.`);
  if (lines.length === 1) lines.push('No changes to the wording.');
  return lines.join('\n');
}
