import type { ChecklistAcknowledgement } from './checklist-changes';
import type { CheckRule, Finding } from './finding';

/**
 * What a project keeps about its checks (`checks.json`, beside `variables.json`): the findings people dismissed, with
 * their reasons; the laws each document is checked against; and the checklist versions the project has seen. Plain
 * data and pure edits here; the schema is in project-checks-schema.ts (the renderer loads no zod), the file in main.
 */
export interface Dismissal {
  readonly document: string;
  readonly rule: CheckRule;
  readonly sectionId: string | null;
  /** The words the finding was about: with the rule and the section, what keeps a dismissal on the same finding. */
  readonly excerpt: string;
  /** One line, saying why. */
  readonly reason: string;
  /** ISO time. */
  readonly at: string;
}

export interface ProjectChecks {
  readonly dismissed: readonly Dismissal[];
  /** Document id → the checklists (laws) it is checked against, in the order picked. */
  readonly laws: Readonly<Record<string, readonly string[]>>;
  readonly acknowledged: readonly ChecklistAcknowledgement[];
}

export const NO_CHECKS: ProjectChecks = { dismissed: [], laws: {}, acknowledged: [] };

/** The longest reason kept: one line. */
export const MAX_REASON = 300;

type FindingKey = Pick<Finding, 'rule' | 'sectionId' | 'excerpt'>;

/** Whether a dismissal stands for this finding: same rule, same section (by id, so renumbering keeps it), same words. */
export function dismisses(dismissal: FindingKey, finding: FindingKey): boolean {
  return dismissal.rule === finding.rule && dismissal.sectionId === finding.sectionId && dismissal.excerpt === finding.excerpt;
}

/** The dismissals of one document. */
export function dismissalsOf(checks: ProjectChecks, documentId: string): Dismissal[] {
  return checks.dismissed.filter((d) => d.document === documentId);
}

/** The findings left once the document's dismissals are taken out, and those taken out. */
export function partitionFindings<F extends FindingKey>(findings: readonly F[], dismissals: readonly FindingKey[]): { open: F[]; dismissed: F[] } {
  const open: F[] = [];
  const dismissed: F[] = [];
  for (const finding of findings) (dismissals.some((d) => dismisses(d, finding)) ? dismissed : open).push(finding);
  return { open, dismissed };
}

/** Dismisses a finding (again: the newer reason replaces the older). */
export function withDismissal(checks: ProjectChecks, dismissal: Dismissal): ProjectChecks {
  const others = checks.dismissed.filter((d) => !(d.document === dismissal.document && dismisses(d, dismissal)));
  return { ...checks, dismissed: [...others, dismissal] };
}

/** Takes a dismissal back: the finding shows again. */
export function withoutDismissal(checks: ProjectChecks, documentId: string, finding: FindingKey): ProjectChecks {
  return { ...checks, dismissed: checks.dismissed.filter((d) => !(d.document === documentId && dismisses(d, finding))) };
}

/** The laws a document is checked against; no laws removes its entry. */
export function withLaws(checks: ProjectChecks, documentId: string, laws: readonly string[]): ProjectChecks {
  const { [documentId]: _old, ...others } = checks.laws;
  return { ...checks, laws: laws.length === 0 ? others : { ...others, [documentId]: [...new Set(laws)] } };
}

/** Records that the project has seen a checklist as it is now (one acknowledgement per checklist). */
export function withAcknowledgement(checks: ProjectChecks, acknowledgement: ChecklistAcknowledgement): ProjectChecks {
  return { ...checks, acknowledged: [...checks.acknowledged.filter((a) => a.id !== acknowledgement.id), acknowledgement] };
}

export function acknowledgementOf(checks: ProjectChecks, checklistId: string): ChecklistAcknowledgement | null {
  return checks.acknowledged.find((a) => a.id === checklistId) ?? null;
}

/** The project's file, laid out to read well in `git diff`: dismissals by document, then section, then rule. */
export function serializeChecks(checks: ProjectChecks): string {
  const dismissed = [...checks.dismissed].sort((a, b) => compare(a.document, b.document) || compare(a.sectionId ?? '', b.sectionId ?? '') || compare(a.rule, b.rule) || compare(a.excerpt, b.excerpt));
  const laws = Object.fromEntries(Object.entries(checks.laws).sort(([a], [b]) => compare(a, b)));
  const acknowledged = [...checks.acknowledged].sort((a, b) => compare(a.id, b.id));
  return `${JSON.stringify({ format: 1, dismissed, laws, acknowledged }, null, 2)}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
