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

/**
 * A section as a reader sees it: its heading at `level` with its stable id, then its body, where a string is a
 * paragraph of that text and a block stands as it is.
 */
export const section = (level: number, id: string, title: string, ...body: Array<string | Block>): Block[] => [
  h(level, id, title),
  ...body.map((block) => (typeof block === 'string' ? p(block) : block)),
];

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

/** A published policy of `blocks`: a privacy policy, effective 2026-01-15, version 1.0, owned by Legal, unless `extra` says otherwise. */
export function publishedPolicy(blocks: Block[], extra: Partial<PolicyDocument> = {}): PolicyDocument {
  return policy(blocks, { title: 'Privacy Policy', effectiveDate: '2026-01-15', versionLabel: '1.0', owner: 'Legal', ...extra });
}

/**
 * The one-section policy the store and history tests save, crash and version: a published policy titled `title`
 * whose section "Introduction" (id s-intro00001) holds `paragraphs`.
 */
export function introPolicy(title: string, ...paragraphs: string[]): PolicyDocument {
  return publishedPolicy(section(1, 's-intro00001', 'Introduction', ...paragraphs), { title });
}

/** The one-section privacy policy the history tests save, crash and version, with `paragraph` as its only text. */
export const privacyPolicyWith = (paragraph: string): PolicyDocument => introPolicy('Privacy Policy', paragraph);
