import type { ChecksView } from '../../shared/api/contract';
import { acknowledge } from '../../shared/check/checklist-changes';
import type { Finding } from '../../shared/check/finding';
import { acknowledgementOf, withAcknowledgement, withDismissal, withLaws, withoutDismissal, type ProjectChecks } from '../../shared/check/project-checks';
import { checklistsDir, readAllChecklists, readChecklist } from '../store/checklists';
import { readProjectChecksOrProblem, updateProjectChecks } from '../store/project-checks';
import type { Project } from '../store/project';

type FindingKey = Pick<Finding, 'rule' | 'sectionId' | 'excerpt'>;

/** What the Check tab needs of the project: its checks file (or why it cannot be read) and the checklists shipped in `shipped`. */
export async function checksView(project: Project, shipped: string = checklistsDir()): Promise<ChecksView> {
  const [{ checks, problem }, checklists] = await Promise.all([readProjectChecksOrProblem(project.dir), readAllChecklists(shipped)]);
  return { checks, problem, checklists };
}

export async function dismissFinding(project: Project, documentId: string, finding: FindingKey, reason: string, now: Date = new Date()): Promise<ProjectChecks> {
  project.requireDocument(documentId);
  return updateProjectChecks(project.dir, (checks) => withDismissal(checks, { document: documentId, ...finding, reason: reason.trim(), at: now.toISOString() }));
}

export async function restoreFinding(project: Project, documentId: string, finding: FindingKey): Promise<ProjectChecks> {
  project.requireDocument(documentId);
  return updateProjectChecks(project.dir, (checks) => withoutDismissal(checks, documentId, finding));
}

/**
 * Sets the laws a document is checked against. A law the project picks for the first time is acknowledged as shipped
 * now: its requirements are what the person starts from, so none of them is "new" to them.
 */
export async function setDocumentLaws(project: Project, documentId: string, laws: readonly string[], shipped: string = checklistsDir()): Promise<ProjectChecks> {
  project.requireDocument(documentId);
  const checklists = await Promise.all([...new Set(laws)].map((id) => readChecklist(id, shipped)));
  return updateProjectChecks(project.dir, (checks) =>
    checklists.reduce((next, checklist) => (acknowledgementOf(next, checklist.id) ? next : withAcknowledgement(next, acknowledge(checklist))), withLaws(checks, documentId, laws)),
  );
}

/** Marks a shipped checklist's new and changed requirements as reviewed. */
export async function acknowledgeChecklist(project: Project, checklistId: string, shipped: string = checklistsDir()): Promise<ProjectChecks> {
  const checklist = await readChecklist(checklistId, shipped);
  return updateProjectChecks(project.dir, (checks) => withAcknowledgement(checks, acknowledge(checklist)));
}
