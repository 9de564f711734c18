import { localDay } from '../../shared/model/dates';
import { currentDecisions } from '../../shared/workflow/machine';
import { reviewDue, type ReviewStatus } from '../../shared/workflow/review-dates';
import type { DocumentWorkflow } from '../../shared/workflow/schema';
import { Project } from '../store/project';
import { ProjectWorkflow } from '../store/workflow-store';
import { dependenciesToReview, editSince } from '../usecases/workflow';

interface DocumentStatus {
  id: string;
  title: string;
  state: DocumentWorkflow['state'];
  approvers: Array<{ person: string; decision: string | null }>;
  published: { tag: string; at: string; effectiveDate: string | null } | null;
  nextReview: string | null;
  review: ReviewStatus;
  /** Documents this one depends on, published after it: it needs a review. */
  reviewNeeded: Array<{ id: string; title: string; publishedAt: string }>;
  /** The text changed since the edition under review or published; the next review step records it. */
  pendingEdit: 'editorial' | 'substantive' | null;
  problem: string | null;
}

async function statusOf(projectDir: string, today: string): Promise<DocumentStatus[]> {
  const project = await Project.open(projectDir);
  const store = ProjectWorkflow.for(projectDir);
  return Promise.all(
    project.documentIds.map(async (id) => {
      const [{ workflow, edition, problem }, doc] = await Promise.all([store.read(id), project.loadDocument(id)]);
      const [reviewNeeded, pendingEdit] = await Promise.all([dependenciesToReview(project, workflow), editSince(project, store, id, workflow, edition)]);
      const decided = currentDecisions(workflow);
      const due = reviewDue(workflow, today);
      return {
        id,
        title: doc.title,
        state: workflow.state,
        approvers: workflow.approvers.map((person) => ({ person, decision: decided.get(person)?.decision ?? null })),
        published: workflow.published ? { tag: workflow.published.tag, at: workflow.published.at, effectiveDate: workflow.published.effectiveDate } : null,
        nextReview: due.next,
        review: due.status,
        reviewNeeded,
        pendingEdit,
        problem,
      };
    }),
  );
}

const EDIT_WORDS: Record<DocumentWorkflow['state'], string> = {
  draft: 'the text changed',
  'in-review': 'the text changed since it was sent for review',
  approved: 'the text changed since it was approved',
  published: 'the text changed since it was published',
  retired: 'the text changed',
};

const STATE_WORDS: Record<DocumentWorkflow['state'], string> = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved', published: 'Published', retired: 'Retired' };

/**
 * `status <project> [--json] [--today YYYY-MM-DD]`: each document's state, approvals, last publication, next review,
 * and "review needed" where a document it depends on was published after it.
 */
export async function statusCommand(projectDir: string, options: { json: boolean; today?: string }): Promise<string> {
  const documents = await statusOf(projectDir, options.today ?? localDay());
  if (options.json) return `${JSON.stringify({ documents }, null, 2)}\n`;
  return `${documents
    .map((d) => {
      const lines = [`${d.title} (${d.id}): ${STATE_WORDS[d.state]}`];
      if (d.approvers.length > 0) lines.push(`  approvers: ${d.approvers.map((a) => `${a.person} (${a.decision ?? 'waiting'})`).join(', ')}`);
      lines.push(`  published: ${d.published ? `${d.published.at.slice(0, 10)} as ${d.published.tag}` : 'never'}`);
      if (d.nextReview) lines.push(`  next review: ${d.nextReview} (${d.review})`);
      if (d.pendingEdit) lines.push(`  edited since: ${EDIT_WORDS[d.state]} (${d.pendingEdit}); the next review step records it`);
      for (const other of d.reviewNeeded) lines.push(`  review needed: ${other.title} (${other.id}) was published ${other.publishedAt.slice(0, 10)}, after this document`);
      if (d.problem) lines.push(`  problem: ${d.problem}`);
      return lines.join('\n');
    })
    .join('\n')}\n`;
}

/**
 * `due <project> [--json] [--today YYYY-MM-DD]`: the documents whose review is due soon or overdue, for a team's CI;
 * the exit code is 1 when one is overdue.
 */
export async function dueCommand(projectDir: string, options: { json: boolean; today?: string }): Promise<{ stdout: string; overdue: number }> {
  const today = options.today ?? localDay();
  const all = await statusOf(projectDir, today);
  const due = all.filter((d) => d.review === 'due-soon' || d.review === 'overdue');
  // A document whose dependency was published after it is due for a look too, though no date makes it overdue.
  const needed = all.filter((d) => d.reviewNeeded.length > 0);
  const overdue = due.filter((d) => d.review === 'overdue').length;
  if (options.json) {
    const reviewNeeded = needed.map(({ id, title, reviewNeeded: because }) => ({ id, title, because: because.map((other) => other.id) }));
    return { stdout: `${JSON.stringify({ today, due: due.map(({ id, title, nextReview, review }) => ({ id, title, nextReview, review })), reviewNeeded }, null, 2)}\n`, overdue };
  }
  if (due.length === 0 && needed.length === 0) return { stdout: `No document is due for review (${today}).\n`, overdue };
  const lines = [
    ...due.map((d) => `${d.review === 'overdue' ? 'overdue ' : 'due soon'}  ${d.nextReview}  ${d.title} (${d.id})`),
    ...needed.map((d) => `review needed  ${d.title} (${d.id}): ${d.reviewNeeded.map((other) => other.title).join(', ')} published since`),
  ];
  return { stdout: `${lines.join('\n')}\n`, overdue };
}
