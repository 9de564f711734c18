import { tableText } from '../model/block-runs';
import { runsToPlainText } from '../model/text';
import { isSectionRow, type ChangeOp, type Comparison, type RedlineRun, type SectionRow, type SectionStatus, type Summary } from './types';

export interface JsonSection {
  readonly status: SectionStatus;
  readonly edited: boolean;
  readonly oldNumber: string | null;
  readonly newNumber: string | null;
  readonly oldId: string | null;
  readonly newId: string | null;
  readonly title: string;
  readonly renumbered: boolean;
  /** The heading was switched to take no number, or to take one. */
  readonly numbering: SectionRow['numbering'];
  readonly linksChanged: number;
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  /** The changed stretches of text in reading order, each with a few kept words around it for context. */
  readonly changes: ReadonlyArray<{ readonly op: Exclude<ChangeOp, 'equal'>; readonly text: string }>;
  /** Kept words whose link changed, with the address they had and have. */
  readonly links: ReadonlyArray<{ readonly text: string; readonly old: string | null; readonly new: string | null }>;
}

export interface JsonReport {
  readonly old: Comparison['old'];
  readonly new: Comparison['new'];
  readonly summary: Summary;
  readonly metadata: Comparison['metadata'];
  readonly sections: readonly JsonSection[];
  readonly notes: Comparison['notes'];
}

/** The comparison for machines: one entry per aligned pair of sections, in the new edition's order. */
export function jsonReport(comparison: Comparison): JsonReport {
  return {
    old: comparison.old,
    new: comparison.new,
    summary: comparison.summary,
    metadata: comparison.metadata,
    sections: comparison.rows.filter(isSectionRow).map((row) => ({
      status: row.status,
      edited: row.edited,
      oldNumber: row.old?.number ?? null,
      newNumber: row.new?.number ?? null,
      oldId: row.old?.id ?? null,
      newId: row.new?.id ?? null,
      title: (row.status === 'merged' ? row.old : (row.new ?? row.old))?.title ?? '',
      renumbered: row.renumbered,
      numbering: row.numbering,
      linksChanged: row.linksChanged,
      wordsInserted: row.wordsInserted,
      wordsDeleted: row.wordsDeleted,
      changes: changesOf(row),
      links: linksOf(row),
    })),
    notes: comparison.notes.filter((note) => note.status !== 'unchanged'),
  };
}

function changesOf(row: SectionRow): JsonSection['changes'] {
  if (row.redline) {
    const changes: Array<{ op: 'insert' | 'delete'; text: string }> = [];
    const add = (runs: readonly RedlineRun[]) => {
      for (const run of runs) {
        if (run.op === 'equal') continue;
        const last = changes[changes.length - 1];
        if (last && last.op === run.op) last.text += run.text;
        else changes.push({ op: run.op, text: run.text });
      }
    };
    for (const block of row.redline) {
      add(block.runs);
      // A table's changes cell by cell, its caption first.
      if (block.table) for (const runs of [block.table.caption ?? [], ...block.table.rows.flatMap((r) => r.cells)]) add(runs);
      if (block.mark !== 'equal' && !block.table) changes.push({ op: block.mark, text: '\n' });
    }
    return changes;
  }
  if (row.status === 'added' && row.new) return [{ op: 'insert', text: sectionText(row.new.blocks) }];
  if (row.status === 'deleted' && row.old) return [{ op: 'delete', text: sectionText(row.old.blocks) }];
  return [];
}

function linksOf(row: SectionRow): JsonSection['links'] {
  const links: Array<JsonSection['links'][number]> = [];
  for (const block of row.redline ?? []) {
    for (const run of block.runs) if (run.linkWas !== undefined) links.push({ text: run.text, old: run.linkWas, new: run.link ?? null });
  }
  return links;
}

function sectionText(blocks: NonNullable<SectionRow['new']>['blocks']): string {
  return blocks.map((block) => (block.kind === 'table' ? tableText(block, runsToPlainText) : runsToPlainText(block.runs))).join('\n');
}

/** The comparison for people at a terminal: the summary, then one line per section that changed. */
export function textReport(comparison: Comparison): string {
  const { summary } = comparison;
  const lines = [
    `${comparison.old.label} → ${comparison.new.label}`,
    `${summary.changed} changed, ${summary.added} added, ${summary.deleted} deleted, ${summary.moved} moved, ` +
      `${summary.split > 0 ? `${summary.split} split off, ` : ''}${summary.merged > 0 ? `${summary.merged} merged, ` : ''}${summary.unchanged} unchanged; ` +
      `${summary.wordsInserted} words inserted, ${summary.wordsDeleted} deleted` +
      `${summary.wordsMoved > 0 ? `, ${summary.wordsMoved} ${summary.wordsMoved === 1 ? 'word' : 'words'} moved` : ''}` +
      `${summary.linksChanged > 0 ? `; ${summary.linksChanged} ${summary.linksChanged === 1 ? 'link' : 'links'} changed` : ''}`,
  ];
  for (const change of comparison.metadata) lines.push(`${change.label}: ${change.old || '(none)'} → ${change.new || '(none)'}`);
  for (const row of comparison.rows) {
    if (!isSectionRow(row) || (row.status === 'unchanged' && !row.renumbered)) continue;
    if (row.status === 'moved' && row.carried && !row.edited) continue;
    const number = row.renumbered ? `${row.old?.number} → ${row.new?.number}` : (row.new ?? row.old)?.number ?? '';
    const words = row.wordsInserted + row.wordsDeleted > 0 ? ` (+${row.wordsInserted} −${row.wordsDeleted} words)` : '';
    const what = row.status === 'moved' && row.edited ? 'moved, edited' : row.status === 'unchanged' ? 'renumbered' : row.status;
    const links = row.linksChanged > 0 ? ` (${row.linksChanged} ${row.linksChanged === 1 ? 'link' : 'links'} changed)` : '';
    const form = row.numbering === 'now-unnumbered' ? ' (now without a number)' : row.numbering === 'now-numbered' ? ' (now numbered)' : '';
    // A split-off section is named by its new title, a merged one by its old.
    const title = (row.status === 'merged' ? row.old : (row.new ?? row.old))?.title || '(preamble)';
    const from = row.status === 'split' ? ` (from ${row.old?.number || row.old?.title || ''})` : row.status === 'merged' ? ` (into ${row.new?.number || row.new?.title || ''})` : '';
    lines.push(`  ${what.padEnd(14)} ${number ? `${number} ` : ''}${title}${from}${form}${words}${links}`);
  }
  return `${lines.join('\n')}\n`;
}
