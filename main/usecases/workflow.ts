import type { WorkflowStep, WorkflowView } from '../../shared/api/contract';
import { localSecond } from '../../shared/model/dates';
import { changeSummary } from '../../shared/compare/change-summary';
import { WorkflowError, decide, edited, openReview, publish, retire } from '../../shared/workflow/machine';
import type { DocumentWorkflow } from '../../shared/workflow/schema';
import { UserError } from '../store/errors';
import type { Project } from '../store/project';
import { ProjectWorkflow } from '../store/workflow-store';
import { compareInProject } from './compare';
import { listVersions, saveVersion } from './versions';

/** What the window shows of a document's review: where it stands, its text's edition now, and its trail. */
export async function readWorkflow(project: Project, documentId: string): Promise<WorkflowView> {
  project.requireDocument(documentId);
  const store = ProjectWorkflow.for(project.dir);
  const [{ workflow, edition, problem }, trail] = await Promise.all([store.read(documentId), store.trail(documentId)]);
  const tag = workflow.published?.tag;
  const publishedVersion = tag ? ((await listVersions(project.dir, documentId)).find((v) => v.tag === tag)?.name ?? null) : null;
  return { workflow, edition, problem, trail, publishedVersion };
}

const DECISION_STEPS = { approve: 'Approved', 'request-changes': 'Changes requested', decline: 'Declined' } as const;

/**
 * Takes one step of the document's review as `person`. An edit saved since the edition under review (or published)
 * is recorded first as its own step, so an approval is always of the text as it is now and the trail says the text
 * changed. Publishing saves a version (a commit and a tag the team can rely on) and records its tag.
 */
export async function takeWorkflowStep(project: Project, documentId: string, step: WorkflowStep, person: string, now = new Date()): Promise<WorkflowView> {
  project.requireDocument(documentId);
  const store = ProjectWorkflow.for(project.dir);
  if (step.step !== 'setReviewInterval') await recordEdit(store, documentId, person);
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
      await publishVersion(project, store, documentId, step.note ?? '', person, now);
      break;
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

/** The edition a review state refers to: the one under review, or the one published. */
function referenceEdition(wf: DocumentWorkflow): string | null {
  if (wf.state === 'in-review' || wf.state === 'approved') return wf.edition;
  if (wf.state === 'published') return wf.published?.edition ?? null;
  return null;
}

async function recordEdit(store: ProjectWorkflow, documentId: string, person: string): Promise<void> {
  const { workflow, edition } = await store.read(documentId);
  const reference = referenceEdition(workflow);
  if (reference === null || reference === edition) return;
  // Any saved edit counts as substantive here: the window does not yet say which edits are editorial.
  await store.apply(documentId, { name: 'Edited', note: 'The text changed; earlier decisions apply to the earlier text.', person }, (wf, now) =>
    edited(wf, { edition: now, kind: 'substantive' }),
  );
}

async function publishVersion(project: Project, store: ProjectWorkflow, documentId: string, note: string, person: string, now: Date): Promise<void> {
  const { workflow, edition } = await store.read(documentId);
  // Refused before the version is saved: no published tag for a document that is not approved.
  try {
    publish(workflow, { edition, tag: 'check', at: now.toISOString(), effectiveDate: null });
  } catch (error) {
    if (error instanceof WorkflowError) throw new UserError(error.message);
    throw error;
  }
  const approvers = workflow.approvers.join(', ');
  const version = await saveVersion(project.dir, {
    name: `Published ${documentId} ${localSecond(now)}`,
    note: [`Approved by ${approvers}.`, note].filter(Boolean).join('\n'),
    kind: 'substantive',
    author: person,
    documentId,
  });
  await store.apply(documentId, { name: 'Published', note: [`Version "${version.name}" (${version.tag}).`, note].filter(Boolean).join('\n'), person }, (wf, current) =>
    publish(wf, { edition: current, tag: version.tag, at: now.toISOString(), effectiveDate: null }),
  );
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
