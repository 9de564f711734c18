import type { DocumentWorkflow } from './schema';

export interface AllowedSteps {
  openReview: boolean;
  approve: boolean;
  requestChanges: boolean;
  decline: boolean;
  publish: boolean;
  retire: boolean;
}

/** The steps `person` may take where the document stands, as machine.ts allows them: what the window offers. */
export function allowedSteps(wf: DocumentWorkflow, person: string): AllowedSteps {
  const reviewing = wf.state === 'in-review';
  const isApprover = wf.approvers.includes(person);
  return {
    openReview: wf.state === 'draft' || wf.state === 'published',
    approve: reviewing && isApprover,
    requestChanges: reviewing && (isApprover || wf.reviewers.includes(person)),
    decline: reviewing && isApprover,
    publish: wf.state === 'approved',
    retire: wf.state !== 'retired',
  };
}

export const STATE_NAMES: Record<DocumentWorkflow['state'], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
  retired: 'Retired',
};
