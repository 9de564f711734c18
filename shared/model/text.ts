import type { Block, Run } from './document';
import { NO_VARIABLES, resolveRuns, type VariableValues } from './variables';

/** The text a reader sees: variables as their values, or `[name]` where the project has none. */
export function runsToPlainText(runs: readonly Run[], values: VariableValues = NO_VARIABLES): string {
  let text = '';
  for (const run of resolveRuns(runs, values)) text += run.text;
  return text;
}

export function blockText(block: Block, values: VariableValues = NO_VARIABLES): string {
  return runsToPlainText(block.runs, values);
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
