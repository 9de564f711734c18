import type { Block, Run } from './document';
import { tableText } from './block-runs';
import type { ReferenceTargets } from './reference-text';
import { NO_VARIABLES, resolveRuns, type VariableValues } from './variables';

/**
 * The text a reader sees: variables as their values, or `[name]` where the project has none; references as their
 * sections' numbers when given the targets (shared/numbering/references referenceTargets), else as their placeholders.
 */
export function runsToPlainText(runs: readonly Run[], values: VariableValues = NO_VARIABLES, targets?: ReferenceTargets): string {
  let text = '';
  for (const run of resolveRuns(runs, values, targets)) text += run.text;
  return text;
}

/** A block's text; a table's as a reader hears it (tableText: cells by tabs, rows by lines, the caption first). */
export function blockText(block: Block, values: VariableValues = NO_VARIABLES, targets?: ReferenceTargets): string {
  if (block.kind === 'table') return tableText(block, (runs) => runsToPlainText(runs, values, targets));
  return runsToPlainText(block.runs, values, targets);
}

/** A slug for a file name, from a title a person typed. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return slug || 'document';
}

// White space a single space does not already stand for: two in a row, one other than a space, or one at either end.
const LOOSE_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Every run of white space one space, none at either end; the text itself (no copy) when it already is so. */
export function collapseSpaces(text: string): string {
  return LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
