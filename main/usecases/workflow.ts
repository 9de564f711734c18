import type { WorkflowStep, WorkflowView } from '../../shared/api/contract';
import { changeSummary } from '../../shared/compare/change-summary';
import { classifyEdit } from '../../shared/workflow/edit-kind';
import { decide, edited, openReview, retire } from '../../shared/workflow/machine';
import { dependenciesNewer } from '../../shared/workflow/review-dates';
import type { DocumentWorkflow } from '../../shared/workflow/schema';
import { UserError } from '../store/errors';
import type { Project } from '../store/project';
import { ProjectWorkflow } from '../store/workflow-store';
import { compareInProject } from './compare';
import { listVersions } from './versions';
import { publishVersion } from './workflow-publish';

export { trailReport } from './workflow-report';

/**
 * What the window shows of a document's review: where it stands, its text's edition now, its trail, the project's
 * other documents it may depend on, and those of them published since it was ("review needed").
 */
export async function readWorkflow(project: Project, documentId: string): Promise<WorkflowView> {
  project.requireDocument(documentId);
  const store = ProjectWorkflow.for(project.dir);
  const [{ workflow, edition, problem }, trail, { documents }] = await Promise.all([store.read(documentId), store.trail(documentId), project.info()]);
  const tag = workflow.published?.tag;
  const publishedVersion = tag ? ((await listVersions(project.dir, documentId)).find((v) => v.tag === tag)?.name ?? null) : null;
  const others = documents.filter((d) => d.id !== documentId).map(({ id, title }) => ({ id, title }));
  const [reviewNeeded, pendingEdit, people] = await Promise.all([
    dependenciesToReview(project, workflow),
    editSince(project, store, documentId, workflow, edition),
    store.people(),
  ]);
  return { workflow, edition, problem, trail, publishedVersion, others, reviewNeeded, pendingEdit, people };
}

/**
 * One sentence naming the documents whose review state file disagrees with the project's history (changed outside
 * Policywright), said when the project opens; null when every one agrees.
 */
export async function workflowProblems(project: Project): Promise<string | null> {
  const store = ProjectWorkflow.for(project.dir);
  const found = await Promise.all(project.documentIds.map(async (id) => ((await store.read(id).catch(() => null))?.problem ? id : null)));
  const ids = found.filter((id): id is string => id !== null);
  if (ids.length === 0) return null;
  const files = ids.map((id) => `workflow/${id}.json`).join(', ');
  return `The review state of ${ids.length === 1 ? 'one document' : `${ids.length} documents`} (${files}) differs from the one the project's history records: it was changed outside Policywright, so it is not shown as recorded.`;
}

/** How the saved text differs from the edition the review state refers to: what the next step records it as. */
export async function editSince(project: Project, store: ProjectWorkflow, documentId: string, workflow: DocumentWorkflow, edition: string): Promise<WorkflowView['pendingEdit']> {
  const reference = referenceEdition(workflow);
  if (reference === null || reference === edition) return null;
  return classifyAgainst(project, store, documentId, reference);
}

async function classifyAgainst(project: Project, store: ProjectWorkflow, documentId: string, reference: string): Promise<'editorial' | 'substantive'> {
  const [before, now] = await Promise.all([store.readEdition(documentId, reference), project.loadDocument(documentId)]);
  return before ? classifyEdit(before, now) : 'substantive';
}

/** The documents `workflow` depends on that were published after it: each asks for a review of it. */
export async function dependenciesToReview(project: Project, workflow: DocumentWorkflow): Promise<WorkflowView['reviewNeeded']> {
  const store = ProjectWorkflow.for(project.dir);
  const listed = workflow.dependsOn.filter((id) => project.documentIds.includes(id));
  const publishedAt = new Map<string, string | null>();
  const titles = new Map<string, string>();
  await Promise.all(
    listed.map(async (id) => {
      const [{ workflow: other }, doc] = await Promise.all([store.read(id), project.loadDocument(id).catch(() => null)]);
      publishedAt.set(id, other.published?.at ?? null);
      titles.set(id, doc?.title ?? id);
    }),
  );
  return dependenciesNewer(workflow, publishedAt).map((id) => ({ id, title: titles.get(id) ?? id, publishedAt: publishedAt.get(id) ?? '' }));
}

const DECISION_STEPS = { approve: 'Approved', 'request-changes': 'Changes requested', decline: 'Declined' } as const;
const SETTINGS = new Set<WorkflowStep['step']>(['setReviewInterval', 'setDependsOn', 'setEditorialKeepsApproval', 'confirmDependencies']);

/**
 * Takes one step of the document's review as `person`. An edit saved since the edition under review (or published)
 * is recorded first as its own step, so an approval is always of the text as it is now and the trail says the text
 * changed. Publishing saves a version (a commit and a tag the team can rely on) and records its tag.
 */
export async function takeWorkflowStep(project: Project, documentId: string, step: WorkflowStep, person: string, now = new Date()): Promise<WorkflowView> {
  project.requireDocument(documentId);
  const store = ProjectWorkflow.for(project.dir);
  // Settings are not decisions on the text: they need no edit recorded before them.
  if (!SETTINGS.has(step.step)) await recordEdit(project, store, documentId, person);
  const at = now.toISOString();
  switch (step.step) {
    case 'openReview':
      await store.apply(documentId, { name: 'Review opened', note: step.summary, person }, (wf, edition) =>
        openReview(wf, { summary: step.summary, reviewers: step.reviewers, approvers: step.approvers, edition }),
      );
      break;
    case 'decide': {
      const note = step.note ?? '';
      await store.apply(documentId, { name: DECISION_STEPS[step.decision], note, person }, (wf, edition) => decide(wf, { person, decision: step.decision, note, at, edition }));
      break;
    }
    case 'publish':
      await publishVersion(project, store, documentId, { note: step.note ?? '', effectiveDate: step.effectiveDate, lastUpdated: step.lastUpdated }, person, now);
      break;
    case 'setDependsOn': {
      const dependsOn = [...new Set(step.dependsOn)];
      for (const id of dependsOn) {
        if (id === documentId) throw new UserError('A document cannot depend on itself.');
        project.requireDocument(id);
      }
      const note = dependsOn.length > 0 ? `Depends on ${dependsOn.join(', ')}.` : 'Depends on no other document.';
      await store.apply(documentId, { name: 'Links set', note, person }, (wf) => ({ ...wf, dependsOn }));
      break;
    }
    case 'confirmDependencies': {
      const newer = await dependenciesToReview(project, (await store.read(documentId)).workflow);
      if (newer.length === 0) throw new UserError('No document this one depends on was published after it: there is nothing to confirm.');
      const checked = newer.map((d) => `${d.title} (published ${d.publishedAt.slice(0, 10)})`).join(', ');
      const note = [`No change needed for ${checked}.`, step.note?.trim() ?? ''].filter(Boolean).join('\n');
      await store.apply(documentId, { name: 'Links checked', note, person }, (wf) => ({ ...wf, dependenciesChecked: at }));
      break;
    }
    case 'setEditorialKeepsApproval': {
      const note = step.keep ? 'Editorial edits (same words) keep approvals.' : 'Every edit restarts the review.';
      await store.apply(documentId, { name: 'Editorial edits set', note, person }, (wf) => ({ ...wf, editorialKeepsApproval: step.keep }));
      break;
    }
    case 'retire':
      await store.apply(documentId, { name: 'Retired', note: step.note ?? '', person }, (wf) => retire(wf));
      break;
    case 'setReviewInterval': {
      const { review } = step;
      const note = review ? `Every ${review.everyMonths} months, warned ${review.warnDays} days before.` : 'No review interval.';
      await store.apply(documentId, { name: 'Review interval set', note, person }, (wf) => ({ ...wf, review }));
      break;
    }
  }
  return readWorkflow(project, documentId);
}

/** The edition a review state refers to: the one under review, or the one published (or edited editorially since). */
function referenceEdition(wf: DocumentWorkflow): string | null {
  if (wf.state === 'in-review' || wf.state === 'approved') return wf.edition;
  if (wf.state === 'published') return wf.edition ?? wf.published?.edition ?? null;
  return null;
}

/**
 * Records an edit saved since the edition the review state refers to, as its own step, classified by comparing the
 * text then (read from git) with the text now: an editorial edit (the same words) leaves approvals standing where the
 * document says so; any other restarts the review. A text the repository no longer holds counts as substantive.
 */
async function recordEdit(project: Project, store: ProjectWorkflow, documentId: string, person: string): Promise<void> {
  const { workflow, edition } = await store.read(documentId);
  const reference = referenceEdition(workflow);
  if (reference === null || reference === edition) return;
  const kind = await classifyAgainst(project, store, documentId, reference);
  const kept = kind === 'editorial' && workflow.editorialKeepsApproval;
  const step = kept
    ? { name: 'Edited (editorial)', note: 'Editorial edit (the same words): decisions stand.' }
    : { name: 'Edited', note: `${kind === 'editorial' ? 'Editorial edit, which this document does not exempt' : 'The text changed'}; earlier decisions apply to the earlier text.` };
  await store.apply(documentId, { ...step, person }, (wf, now) => edited(wf, { edition: now, kind }));
}

/**
 * The summary of changes a review opens with: the compare of the saved text against the last published version, or
 * the last saved version when none is published; a sentence saying so when there is none to compare with.
 */
export async function suggestReviewSummary(project: Project, documentId: string): Promise<string> {
  project.requireDocument(documentId);
  const [{ workflow }, versions] = await Promise.all([ProjectWorkflow.for(project.dir).read(documentId), listVersions(project.dir, documentId)]);
  const published = workflow.published ? versions.find((v) => v.tag === workflow.published?.tag) : undefined;
  const base = published ?? versions[0];
  if (!base) return 'First review: there is no earlier version to compare with.';
  const comparison = await compareInProject(project, { kind: 'version', documentId, version: base.name }, { kind: 'draft', documentId });
  return changeSummary(comparison);
}
