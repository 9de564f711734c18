import { z } from 'zod';
import { DocumentIdSchema, IsoDateSchema } from '../model/document';
import { hasNoForbiddenCharacters } from '../model/vocabulary';

/** Where a document stands, from its first draft to its retirement. */
export const WORKFLOW_STATES = ['draft', 'in-review', 'approved', 'published', 'retired'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const DECISIONS = ['approve', 'request-changes', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

const Person = z.string().min(1, 'must not be empty').max(200).refine(hasNoForbiddenCharacters, 'contains a control character');
const Note = z.string().max(4000).refine(hasNoForbiddenCharacters, 'contains a control character');
const Moment = z.iso.datetime({ offset: true });
/** The edition a decision or a publication applies to: the commit of the document's file as it was. */
const Edition = z.string().regex(/^[0-9a-f]{40}$/, 'must be a commit id (40 hexadecimal digits)');

export const DecisionRecordSchema = z
  .object({ person: Person, decision: z.enum(DECISIONS), note: Note, at: Moment, edition: Edition })
  .strict();
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

/**
 * A document's review workflow, kept beside it in the project (`workflow/<document>.json`) and committed with every
 * change of state, so git's history is the audit trail and the file is only where things stand now.
 */
export const DocumentWorkflowSchema = z
  .object({
    format: z.literal(1),
    state: z.enum(WORKFLOW_STATES),
    reviewers: z.array(Person).max(50),
    approvers: z.array(Person).max(50),
    /** The summary of changes the review was opened with. */
    summary: Note,
    /** The edition under review (set when the review opens, moved on by each edit during it). */
    edition: Edition.nullable(),
    /** Every decision of the current review, the ones for earlier editions included (they are history, not approval). */
    decisions: z.array(DecisionRecordSchema),
    /**
     * Earlier editions that differ from `edition` by editorial edits only (edit-kind.ts): decisions on them still
     * count. Emptied when a review opens and by a substantive edit. Absent in files written before it existed.
     */
    sameWording: z.array(Edition).max(10_000).default([]),
    /** Editorial edits (case, punctuation, spacing, formatting) leave a review or an approval standing. */
    editorialKeepsApproval: z.boolean(),
    published: z.object({ edition: Edition, tag: z.string().min(1).max(300), at: Moment, effectiveDate: IsoDateSchema.nullable() }).strict().nullable(),
    /** How often the published policy must be looked at again, and how long before that to warn. */
    review: z.object({ everyMonths: z.number().int().min(1).max(120), warnDays: z.number().int().min(0).max(365) }).strict().nullable(),
    /** Documents of the project this one depends on: a new published edition of one asks for a review of this one. */
    dependsOn: z.array(DocumentIdSchema).max(50),
    /**
     * When someone last confirmed that this document needs no change for the documents it depends on as they were
     * published then. Absent in files written before it existed.
     */
    dependenciesChecked: Moment.nullable().default(null),
  })
  .strict();
export type DocumentWorkflow = z.output<typeof DocumentWorkflowSchema>;

export const NEW_WORKFLOW: DocumentWorkflow = {
  format: 1,
  state: 'draft',
  reviewers: [],
  approvers: [],
  summary: '',
  edition: null,
  decisions: [],
  sameWording: [],
  // Any edit restarts a review unless the document's people decide that editorial ones need not.
  editorialKeepsApproval: false,
  published: null,
  review: null,
  dependsOn: [],
  dependenciesChecked: null,
};
