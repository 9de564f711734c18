import { tableText } from '../model/block-runs';
import { runsToPlainText } from '../model/text';
import { isSectionRow, type ChangeOp, type Comparison, type SectionRow, type SectionStatus, type Summary } from './types';

export interface JsonSection {
  readonly status: SectionStatus;
  readonly edited: boolean;
  readonly oldNumber: string | null;
  readonly newNumber: string | null;
  readonly oldId: string | null;
  readonly newId: string | null;
  readonly title: string;
  readonly renumbered: boolean;
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  /** The changed stretches of text in reading order, each with a few kept words around it for context. */
  readonly changes: ReadonlyArray<{ readonly op: Exclude<ChangeOp, 'equal'>; readonly text: string }>;
}

export interface JsonReport {
  readonly old: Comparison['old'];
  readonly new: Comparison['new'];
  readonly summary: Summary;
  readonly metadata: Comparison['metadata'];
  readonly sections: readonly JsonSection[];
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
      title: (row.new ?? row.old)?.title ?? '',
      renumbered: row.renumbered,
      wordsInserted: row.wordsInserted,
      wordsDeleted: row.wordsDeleted,
      changes: changesOf(row),
    })),
  };
}

function changesOf(row: SectionRow): JsonSection['changes'] {
  if (row.redline) {
    const changes: Array<{ op: 'insert' | 'delete'; text: string }> = [];
    for (const block of row.redline) {
      for (const run of block.runs) {
        if (run.op === 'equal') continue;
        const last = changes[changes.length - 1];
        if (last && last.op === run.op) last.text += run.text;
        else changes.push({ op: run.op, text: run.text });
      }
      if (block.mark !== 'equal') changes.push({ op: block.mark, text: '\n' });
    }
    return changes;
  }
  if (row.status === 'added' && row.new) return [{ op: 'insert', text: sectionText(row.new.blocks) }];
  if (row.status === 'deleted' && row.old) return [{ op: 'delete', text: sectionText(row.old.blocks) }];
  return [];
}

function sectionText(blocks: NonNullable<SectionRow['new']>['blocks']): string {
  return blocks.map((block) => (block.kind === 'table' ? tableText(block, runsToPlainText) : runsToPlainText(block.runs))).join('\n');
}

/** The comparison for people at a terminal: the summary, then one line per section that changed. */
export function textReport(comparison: Comparison): string {
  const { summary } = comparison;
  const lines = [
    `${comparison.old.label} → ${comparison.new.label}`,
    `${summary.changed} changed, ${summary.added} added, ${summary.deleted} deleted, ${summary.moved} moved, ${summary.unchanged} unchanged; ` +
      `${summary.wordsInserted} words inserted, ${summary.wordsDeleted} deleted`,
  ];
  for (const change of comparison.metadata) lines.push(`${change.label}: ${change.old || '(none)'} → ${change.new || '(none)'}`);
  for (const row of comparison.rows) {
    if (!isSectionRow(row) || (row.status === 'unchanged' && !row.renumbered)) continue;
    if (row.status === 'moved' && row.carried && !row.edited) continue;
    const number = row.renumbered ? `${row.old?.number} → ${row.new?.number}` : (row.new ?? row.old)?.number ?? '';
    const words = row.wordsInserted + row.wordsDeleted > 0 ? ` (+${row.wordsInserted} −${row.wordsDeleted} words)` : '';
    const what = row.status === 'moved' && row.edited ? 'moved, edited' : row.status === 'unchanged' ? 'renumbered' : row.status;
    lines.push(`  ${what.padEnd(14)} ${number ? `${number} ` : ''}${(row.new ?? row.old)?.title || '(preamble)'}${words}`);
  }
  return `${lines.join('\n')}\n`;
}
