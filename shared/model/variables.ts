import type { Block, Run } from './document';
import { forEachRunList, mapRunLists } from './block-runs';
import { referenceText, type ReferenceTargets } from './reference-text';
import { placeholder } from './vocabulary';

/**
 * A project's variables: each defined name with its value. A defined name may have no value yet (""); a name used in
 * a placeholder but not defined here is reported, never dropped.
 */
export type VariableValues = Readonly<Record<string, string>>;

export const NO_VARIABLES: VariableValues = Object.freeze({});

export const MAX_VARIABLE_VALUE = 2000;

/** Whether a name has a value to write. Only own keys count: "constructor" is a name like any other. */
export function variableValue(values: VariableValues, name: string): string | undefined {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  return value === undefined || value === '' ? undefined : value;
}

/** What a reader is shown for a variable: its value, or `[name]` so an unfilled one is visible in print. */
export function variableText(values: VariableValues, name: string): string {
  return variableValue(values, name) ?? `[${name}]`;
}

/**
 * THE one place variables and cross-references become text. Every reader of runs (plain text, outline, exporters, the
 * clause diff) passes runs through here with the project's values, and, where it shows references, the targets of the
 * blocks being shown (shared/numbering/references blocksForReaders draws them). A value is text, never markup and never
 * a placeholder in its turn: `{{other}}` or `<b>` in a value is written as those characters, and escaped by whichever
 * exporter writes it. A resolved reference keeps its `ref`, so an exporter can still link it to its section; without
 * targets it stays its placeholder, which is how compare sees it (by the section it points at, not by its number).
 */
export function resolveRuns(runs: readonly Run[], values: VariableValues, targets?: ReferenceTargets): Run[] {
  if (!needsResolving(runs, targets !== undefined)) return runs as Run[];
  // A loop, not map with an arrow: a closure made per call is optimised anew after each collection.
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) out.push(resolveRun(runs[i] as Run, values, targets));
  return out;
}

function resolveRun(run: Run, values: VariableValues, targets: ReferenceTargets | undefined): Run {
  if (targets !== undefined && run.ref !== undefined) return { ...run, text: referenceText(run, targets) };
  if (run.variable === undefined) return run;
  // The value takes the placeholder's place and nothing else: marks, link, suggestions and comments stay on it.
  const { variable: _resolved, text: _placeholder, ...rest } = run;
  return { text: variableText(values, run.variable), ...rest };
}

// A loop rather than runs.some(…): every export asks this of every list of runs, twice, and nearly all say no.
function needsResolving(runs: readonly Run[], withReferences: boolean): boolean {
  for (const run of runs) if (run.variable !== undefined || (withReferences && run.ref !== undefined)) return true;
  return false;
}

export function resolveBlocks(blocks: readonly Block[], values: VariableValues, targets?: ReferenceTargets): Block[] {
  // A loop and a function of our own rather than blocks.map with a closure: see forEachRunList.
  const resolving: Resolving = { values, targets };
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) out.push(mapRunLists(blocks[i] as Block, resolveWith, resolving));
  return out;
}

interface Resolving {
  readonly values: VariableValues;
  readonly targets: ReferenceTargets | undefined;
}

const resolveWith = (runs: Run[], { values, targets }: Resolving): Run[] => resolveRuns(runs, values, targets);

/** The variable names a list of blocks uses, in order of first use. */
export function variableNamesIn(blocks: readonly Block[]): string[] {
  const names = new Set<string>();
  const visit = (runs: readonly Run[]) => {
    for (const run of runs) if (run.variable !== undefined) names.add(run.variable);
  };
  for (const block of blocks) forEachRunList(block, visit);
  return [...names];
}

export function variableRun(name: string, marks?: Run['marks']): Run {
  return marks && marks.length > 0 ? { text: placeholder(name), marks, variable: name } : { text: placeholder(name), variable: name };
}

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]{0,62})\s*\}\}/g;

/**
 * Text as a person types it in a clause (`Contact {{contact_email}}.`) as runs: each well-formed placeholder becomes a
 * variable run, everything else stays text as written (a malformed `{{Name}}` included, so it is seen and fixed).
 */
export function textToRuns(text: string, marks?: Run['marks']): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > at) runs.push(textRun(text.slice(at, index), marks));
    runs.push(variableRun(match[1] as string, marks));
    at = index + match[0].length;
  }
  if (at < text.length) runs.push(textRun(text.slice(at), marks));
  return runs;
}

function textRun(text: string, marks?: Run['marks']): Run {
  return marks && marks.length > 0 ? { text, marks } : { text };
}

/** Variable names in alphabetical order, so `variables.json` diffs by line. */
export function sortedVariables(values: VariableValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(values).sort()) out[name] = values[name] ?? '';
  return out;
}

export function serializeVariables(values: VariableValues): string {
  return `${JSON.stringify({ format: 1, variables: sortedVariables(values) }, null, 2)}\n`;
}

const ACRONYMS = new Set(['dpo', 'url', 'id', 'vat', 'eu', 'uk', 'us', 'ico', 'gdpr', 'ccpa']);

/** "company_name" as a person reads it in a form: "Company name"; "dpo_email": "DPO email". */
export function variableLabel(name: string): string {
  const words = name.split('_').filter(Boolean).map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
