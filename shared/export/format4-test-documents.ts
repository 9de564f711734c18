import type { Block, NumberingStyle, PolicyDocument, Run, Table } from '../model/document';
import { notePlaceholder, referencePlaceholder } from '../model/vocabulary';
import { bold, h, p, policy, v } from '../testing/builders';

/**
 * The documents the export tests of format 4 share: tables, headings that take no number among numbered ones,
 * footnotes marked in a paragraph, a table cell and a list item, and superscript and subscript. The notes are stored in
 * another order than their marks are read, so a number taken from the storage order shows.
 */

export const note = (id: string): Run => ({ text: notePlaceholder(id), note: id });
export const ref = (id: string, refTitle = false): Run => ({ text: referencePlaceholder(id), ref: id, ...(refTitle ? { refTitle: true as const } : {}) });
export const sup = (text: string): Run => ({ text, marks: ['superscript'] });
export const sub = (text: string): Run => ({ text, marks: ['subscript'] });
export const unnumbered = (level: number, id: string, title: string): Block => ({ ...h(level, id, title), unnumbered: true } as Block);

const cells = (...texts: Array<string | Run[]>) => ({ cells: texts.map((text) => ({ runs: typeof text === 'string' ? [{ text }] : text })) });

/** The retention table: a header row, a caption with a bold word, a reference, a variable, a note, a pipe and a line break. */
export const RETENTION_TABLE: Table = {
  kind: 'table',
  header: true,
  caption: [{ text: 'Retention ' }, bold('periods')],
  rows: [
    cells('Data', 'Kept for'),
    cells([{ text: 'Account data of ' }, v('company_name')], [{ text: 'As ' }, ref('s-rights001'), { text: ' says' }]),
    cells('Logs | audit', [{ text: '30 days' }, note('n-charlie03')]),
    cells([{ text: 'Backups', marks: ['italic'] }], 'One year\nthen erased'),
  ],
};

/** A table without a header row or caption. */
export const PLAIN_TABLE: Table = { kind: 'table', rows: [cells('Alpha', 'Beta'), cells('Gamma', 'Delta')] };

export const NOTE_TEXTS = {
  'n-alpha0001': 'Alpha note: see the regulator’s guidance.',
  'n-bravo0002': 'Bravo note, the first one read.',
  'n-charlie03': 'Charlie note in a table cell.',
} as const;

/**
 * "Summary" (no number), A./1. Definitions with its table, 1.1 Scope, "Contact us" (no number), 2 Your rights with
 * references to a numbered and to an unnumbered section. Marks read in the order bravo, charlie, alpha.
 */
export function format4Policy(numbering: NumberingStyle = 'decimal'): PolicyDocument {
  return policy(
    [
      unnumbered(1, 's-summary01', 'Summary'),
      p('This policy explains what we do', note('n-bravo0002'), '.'),
      h(1, 's-defs00001', 'Definitions'),
      p('E = mc', sup('2'), ' and H', sub('2'), 'O.'),
      RETENTION_TABLE,
      h(2, 's-scope0001', 'Scope'),
      p('Applies everywhere.'),
      unnumbered(1, 's-contact01', 'Contact us'),
      p('Write to us.'),
      h(1, 's-rights001', 'Your rights'),
      p('See ', ref('s-defs00001'), ' and ', ref('s-contact01'), note('n-alpha0001'), '.'),
      PLAIN_TABLE,
    ],
    {
      title: 'Format Four Policy',
      numbering,
      notes: Object.entries(NOTE_TEXTS).map(([id, text]) => ({ id, runs: [{ text }] })),
    },
  );
}
