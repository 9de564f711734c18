import { FORMAT_VERSION, type Block, type PolicyDocument, type Run } from '../model/document';

/**
 * The one home of the document builders tests write policies with, short enough that a test's document reads like
 * the policy it stands for: `policy([h(1, 's-intro01', 'Introduction'), p('We are ', bold('Northwind'), '.')])`.
 * Seeded random numbers are in ./seeded-random.ts; hostile DOCX files in ./hostile-docx.ts, hostile project
 * folders in main/store/hostile-projects.ts.
 */

/** A run as a test writes it: plain text as a string, or a run with marks, a link or a variable. */
export type RunLike = string | Run;

const runsOf = (runs: readonly RunLike[]): Run[] => runs.map((run) => (typeof run === 'string' ? { text: run } : run));

/** A section heading at `level` (1 to 6), with its stable id. */
export const h = (level: number, id: string, ...runs: RunLike[]): Block => ({ kind: 'heading', id, level, runs: runsOf(runs) });

/** A paragraph of runs. */
export const p = (...runs: RunLike[]): Block => ({ kind: 'paragraph', runs: runsOf(runs) });

/** A list item: bulleted unless said, at `indent` (0 is the outermost level). */
export const li = (text: RunLike, list: 'bullet' | 'number' = 'bullet', indent = 0): Block => ({
  kind: 'list-item',
  list,
  indent,
  runs: runsOf([text]),
});

export const bold = (text: string): Run => ({ text, marks: ['bold'] });

/** A variable, written as its placeholder `{{name}}` and filled with the project's value. */
export const v = (name: string): Run => ({ text: `{{${name}}}`, variable: name });

/** A document of `blocks`, its details empty and its numbering decimal unless `extra` says otherwise. */
export function policy(blocks: Block[], extra: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    format: FORMAT_VERSION,
    title: 'Policy',
    effectiveDate: null,
    lastUpdated: null,
    versionLabel: '',
    owner: '',
    numbering: 'decimal',
    blocks,
    ...extra,
  };
}

/** The one-section privacy policy the history tests save, crash and version, with `paragraph` as its only text. */
export function privacyPolicyWith(paragraph: string): PolicyDocument {
  return policy([h(1, 's-intro00001', 'Introduction'), p(paragraph)], {
    title: 'Privacy Policy',
    effectiveDate: '2026-01-15',
    versionLabel: '1.0',
    owner: 'Legal',
  });
}
