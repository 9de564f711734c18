import type { Decision, DecisionRecord, DocumentWorkflow } from './schema';

/** A step the workflow does not allow from where the document stands: one sentence saying why. */
export class WorkflowError extends Error {
  override name = 'WorkflowError';
}

const STATE_WORDS: Record<DocumentWorkflow['state'], string> = {
  draft: 'a draft',
  'in-review': 'in review',
  approved: 'approved',
  published: 'published',
  retired: 'retired',
};

function require(ok: boolean, message: string): void {
  if (!ok) throw new WorkflowError(message);
}

/**
 * Draft → In review: with a summary of the changes and at least one approver, for the edition as it is now. A new
 * review starts with no decisions; the ones of earlier reviews stay in the history.
 */
export function openReview(
  wf: DocumentWorkflow,
  input: { summary: string; reviewers: readonly string[]; approvers: readonly string[]; edition: string },
): DocumentWorkflow {
  require(wf.state === 'draft' || wf.state === 'published', `The document is ${STATE_WORDS[wf.state]}; only a draft can be sent for review.`);
  require(input.summary.trim() !== '', 'A review needs a summary of the changes.');
  const approvers = unique(input.approvers);
  require(approvers.length > 0, 'A review needs at least one approver.');
  return { ...wf, state: 'in-review', summary: input.summary.trim(), reviewers: unique(input.reviewers), approvers, edition: input.edition, decisions: [], sameWording: [] };
}

/**
 * An approver approves, asks for changes or declines; a reviewer may ask for changes. A decision is of one edition:
 * made on an edition that is no longer the one under review, it is refused. The last approver to approve the edition
 * under review makes the document Approved; a decline ends the review and returns the document to draft.
 */
export function decide(wf: DocumentWorkflow, record: DecisionRecord): DocumentWorkflow {
  require(wf.state === 'in-review', `The document is ${STATE_WORDS[wf.state]}, not in review; there is nothing to decide.`);
  const isApprover = wf.approvers.includes(record.person);
  const mayDecide: Record<Decision, boolean> = {
    approve: isApprover,
    decline: isApprover,
    'request-changes': isApprover || wf.reviewers.includes(record.person),
  };
  require(mayDecide[record.decision], `${record.person} is not ${record.decision === 'request-changes' ? 'a reviewer or an approver' : 'an approver'} of this document.`);
  require(record.edition === wf.edition, 'The document changed after you read it; read the new text and decide again.');
  const decided = { ...wf, decisions: [...wf.decisions, record] };
  if (record.decision === 'decline') return { ...decided, state: 'draft' };
  return approvalComplete(decided) ? { ...decided, state: 'approved' } : decided;
}

/**
 * Each approver's last decision on the edition under review, or on one that differs from it by editorial edits only;
 * decisions on earlier wordings do not count.
 */
export function currentDecisions(wf: DocumentWorkflow): Map<string, DecisionRecord> {
  const latest = new Map<string, DecisionRecord>();
  const sameWording = new Set([wf.edition, ...wf.sameWording]);
  for (const record of wf.decisions) if (sameWording.has(record.edition)) latest.set(record.person, record);
  return latest;
}

function approvalComplete(wf: DocumentWorkflow): boolean {
  const latest = currentDecisions(wf);
  return wf.approvers.every((person) => latest.get(person)?.decision === 'approve');
}

/**
 * The text changed (a new edition). In review or approved, a substantive change restarts the review on the new
 * edition (earlier approvals stay recorded, for the edition they were of); an editorial one, where the document says
 * so, leaves it standing: the new edition is the one under review and decisions on the earlier one still count. A
 * published document edited is a draft again (editorially edited, it stays published, its published version
 * unchanged). A draft or a retired document is unchanged.
 */
export function edited(wf: DocumentWorkflow, change: { edition: string; kind: 'editorial' | 'substantive' }): DocumentWorkflow {
  const live = wf.state === 'in-review' || wf.state === 'approved' || wf.state === 'published';
  if (!live || change.edition === wf.edition) return wf;
  if (change.kind === 'editorial' && wf.editorialKeepsApproval) {
    return { ...wf, edition: change.edition, sameWording: wf.edition === null ? wf.sameWording : [...wf.sameWording, wf.edition] };
  }
  if (wf.state === 'published') return { ...wf, state: 'draft', edition: null, sameWording: [] };
  return { ...wf, state: 'in-review', edition: change.edition, sameWording: [] };
}

/**
 * Approved → Published, of the approved edition or of one that differs from it by editorial changes only (the dates
 * set on publication): the published edition is the one later edits are measured from.
 */
export function publish(wf: DocumentWorkflow, input: { edition: string; tag: string; at: string; effectiveDate: string | null }): DocumentWorkflow {
  require(wf.state === 'approved', `The document is ${STATE_WORDS[wf.state]}; only an approved document can be published.`);
  const sameWording = wf.edition === null || wf.edition === input.edition ? wf.sameWording : [...wf.sameWording, wf.edition];
  return { ...wf, state: 'published', edition: input.edition, sameWording, published: { edition: input.edition, tag: input.tag, at: input.at, effectiveDate: input.effectiveDate } };
}

/** Any state → Retired: the policy no longer applies. Its history stays. */
export function retire(wf: DocumentWorkflow): DocumentWorkflow {
  require(wf.state !== 'retired', 'The document is already retired.');
  return { ...wf, state: 'retired' };
}

function unique(people: readonly string[]): string[] {
  return [...new Set(people.map((person) => person.trim()).filter(Boolean))];
}
