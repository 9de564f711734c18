import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../import/index';
import type { PolicyDocument, Run } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { numberNotes } from './prepare';
import { format4Policy } from './format4-test-documents';

/*
 * The export/import promise for what format 4 added: a policy with tables, headings that take no number and
 * footnotes, exported to DOCX, HTML or Markdown and imported again, has the same tables (header row, caption, cells),
 * the same headings with and without numbers, and the same footnotes in the same order. Text is compared as a reader
 * sees it (white space folded); a cross-reference reads as the number or title it shows.
 */

type Format = 'docx' | 'html' | 'md';
const FORMATS: readonly Format[] = ['docx', 'html', 'md'];
const VALUES = { company_name: 'Northwind' };

async function roundTrip(doc: PolicyDocument, format: Format): Promise<PolicyDocument> {
  const bytes =
    format === 'docx'
      ? await exportDocx(doc, { variables: VALUES })
      : new TextEncoder().encode(format === 'html' ? exportHtml(doc, { variables: VALUES }) : exportMarkdown(doc, { variables: VALUES }));
  return importDocument(`Format Four Policy.${format}`, bytes);
}

/** A run list's words, without footnote marks (compared on their own) and with white space folded. */
function words(runs: readonly Run[] | undefined, doc: PolicyDocument): string {
  const numbers = outlineOf(doc);
  const shown = (run: Run): string => {
    if (run.note !== undefined) return '';
    if (run.variable !== undefined) return VALUES[run.variable as keyof typeof VALUES] ?? `[${run.variable}]`;
    if (run.ref !== undefined) {
      const target = numbers.find((entry) => entry.id === run.ref);
      return target ? target.number || target.title : run.text;
    }
    return run.text;
  };
  return (runs ?? []).map(shown).join('').replace(/\s+/g, ' ').trim();
}

function tablesOf(doc: PolicyDocument) {
  return doc.blocks.flatMap((block) =>
    block.kind === 'table'
      ? [{ header: block.header === true, caption: words(block.caption, doc), rows: block.rows.map((row) => row.cells.map((cell) => words(cell.runs, doc))) }]
      : [],
  );
}

function headingsOf(doc: PolicyDocument) {
  return doc.blocks.flatMap((block) => (block.kind === 'heading' ? [{ title: words(block.runs, doc), unnumbered: block.unnumbered === true }] : []));
}

function notesOf(doc: PolicyDocument): string[] {
  const order = numberNotes(doc.blocks);
  return [...(doc.notes ?? [])].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map((note) => words(note.runs, doc));
}

type Aspect = 'tables' | 'headings' | 'notes';
const ASPECTS: readonly Aspect[] = ['tables', 'headings', 'notes'];
const DESCRIPTIONS: Readonly<Record<Aspect, string>> = {
  tables: 'tables, header rows and captions',
  headings: 'headings, those without a number still without one',
  notes: 'footnotes in the same order',
};
/**
 * What the importers do not read back yet (December 2026): the DOCX importer reads no tables, no footnotes and no
 * heading with its numbering switched off (w:numId 0); the Markdown importer no pipe tables and no [^N] notes. These
 * are expected to fail (it.fails); take a format out of its list when its importer reads what the exporter writes.
 */
const PENDING: Readonly<Record<Aspect, readonly Format[]>> = { tables: [], headings: [], notes: [] };

describe('round trip of a policy with tables, unnumbered headings and footnotes', () => {
  const original = format4Policy('letter-decimal');
  const back = new Map<Format, PolicyDocument>();
  beforeAll(async () => {
    for (const format of FORMATS) back.set(format, await roundTrip(original, format));
  });
  const imported = (format: Format): PolicyDocument => back.get(format) ?? original;

  it('has tables, unnumbered headings and notes to compare', () => {
    expect(tablesOf(original)).toHaveLength(2);
    expect(headingsOf(original).filter((heading) => heading.unnumbered)).toHaveLength(2);
    expect(notesOf(original)).toHaveLength(3);
  });

  const checks: Record<Aspect, (doc: PolicyDocument) => unknown> = { tables: tablesOf, headings: headingsOf, notes: notesOf };
  for (const aspect of ASPECTS) {
    for (const format of FORMATS) {
      const pending = PENDING[aspect].includes(format);
      (pending ? it.fails : it)(`${format}: the same ${DESCRIPTIONS[aspect]}${pending ? ' (IMPORTER PENDING)' : ''}`, () => {
        expect(checks[aspect](imported(format))).toEqual(checks[aspect](original));
      });
    }
  }
});
