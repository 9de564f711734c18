import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../model/dates';
import { WorkflowError, currentDecisions, decide, edited, openReview, publish, retire } from './machine';
import { dependenciesNewer, reviewDue } from './review-dates';
import { DocumentWorkflowSchema, NEW_WORKFLOW, type Decision, type DocumentWorkflow } from './schema';

const E1 = '1'.repeat(40);
const E2 = '2'.repeat(40);
const E3 = '3'.repeat(40);
const AT = '2026-03-01T10:00:00.000Z';

/** A document whose people chose that editorial edits keep approvals (NEW_WORKFLOW restarts on every edit). */
const EXEMPT = { ...NEW_WORKFLOW, editorialKeepsApproval: true };
const inReview = (edition = E1) => openReview(EXEMPT, { summary: 'Section 4 rewritten for the CPRA.', reviewers: ['Rita'], approvers: ['Ann', 'Bo'], edition });
const by = (person: string, decision: Decision, edition = E1, note = '') => ({ person, decision, note, at: AT, edition });
const approved = () => decide(decide(inReview(), by('Ann', 'approve')), by('Bo', 'approve'));
const refusal = (step: () => unknown) => {
  try {
    step();
  } catch (error) {
    if (error instanceof WorkflowError) return error.message;
    throw error;
  }
  return null;
};

describe('the review workflow', () => {
  it('goes draft → in review → approved → published → retired, each state a valid file', () => {
    const review = inReview();
    expect(review).toMatchObject({ state: 'in-review', edition: E1, approvers: ['Ann', 'Bo'], summary: 'Section 4 rewritten for the CPRA.' });
    const one = decide(review, by('Ann', 'approve'));
    expect(one.state).toBe('in-review');
    const both = decide(one, by('Bo', 'approve'));
    expect(both.state).toBe('approved');
    const out = publish(both, { edition: E1, tag: 'published/privacy-policy/2026-03-01', at: AT, effectiveDate: '2026-03-01' });
    expect(out).toMatchObject({ state: 'published', published: { edition: E1, tag: 'published/privacy-policy/2026-03-01' } });
    const gone = retire(out);
    expect(gone.state).toBe('retired');
    for (const wf of [NEW_WORKFLOW, review, one, both, out, gone]) expect(DocumentWorkflowSchema.safeParse(wf).success).toBe(true);
  });

  it('opens a review only from a draft (or a published document), with a summary and an approver', () => {
    expect(refusal(() => openReview(NEW_WORKFLOW, { summary: '  ', reviewers: [], approvers: ['Ann'], edition: E1 }))).toBe('A review needs a summary of the changes.');
    expect(refusal(() => openReview(NEW_WORKFLOW, { summary: 'x', reviewers: ['Rita'], approvers: [' '], edition: E1 }))).toBe('A review needs at least one approver.');
    expect(refusal(() => openReview(inReview(), { summary: 'x', reviewers: [], approvers: ['Ann'], edition: E1 }))).toBe('The document is in review; only a draft can be sent for review.');
    expect(refusal(() => openReview(retire(NEW_WORKFLOW), { summary: 'x', reviewers: [], approvers: ['Ann'], edition: E1 }))).toBe('The document is retired; only a draft can be sent for review.');
  });

  it('lets approvers approve or decline, and reviewers only ask for changes', () => {
    expect(refusal(() => decide(inReview(), by('Rita', 'approve')))).toBe('Rita is not an approver of this document.');
    expect(refusal(() => decide(inReview(), by('Zed', 'request-changes')))).toBe('Zed is not a reviewer or an approver of this document.');
    expect(decide(inReview(), by('Rita', 'request-changes')).decisions).toHaveLength(1);
  });

  it('refuses a decision on an edition that is no longer the one under review, and one outside a review', () => {
    expect(refusal(() => decide(inReview(E2), by('Ann', 'approve', E1)))).toBe('The document changed after you read it; read the new text and decide again.');
    expect(refusal(() => decide(NEW_WORKFLOW, by('Ann', 'approve')))).toBe('The document is a draft, not in review; there is nothing to decide.');
  });

  it('returns a declined document to draft', () => {
    expect(decide(inReview(), by('Bo', 'decline', E1, 'Not now.')).state).toBe('draft');
  });

  it('keeps the review open after changes are asked for; approval needs every approver on the same edition', () => {
    let wf = decide(inReview(), by('Ann', 'request-changes', E1, 'Say who the processor is.'));
    wf = decide(wf, by('Bo', 'approve'));
    expect(wf.state).toBe('in-review');
    wf = edited(wf, { edition: E2, kind: 'substantive' });
    expect(wf).toMatchObject({ state: 'in-review', edition: E2 });
    // Bo's approval was of E1: it is history, not approval of E2.
    expect([...currentDecisions(wf).keys()]).toEqual([]);
    wf = decide(decide(wf, by('Ann', 'approve', E2)), by('Bo', 'approve', E2));
    expect(wf.state).toBe('approved');
    expect(wf.decisions.map((d) => `${d.person} ${d.decision} ${d.edition[0]}`)).toEqual(['Ann request-changes 1', 'Bo approve 1', 'Ann approve 2', 'Bo approve 2']);
  });

  it('restarts the review on every edit of a new document, editorial ones included', () => {
    const strict = decide(openReview(NEW_WORKFLOW, { summary: 'S', reviewers: [], approvers: ['Ann'], edition: E1 }), by('Ann', 'approve'));
    expect(strict.state).toBe('approved');
    expect(edited(strict, { edition: E2, kind: 'editorial' })).toMatchObject({ state: 'in-review', edition: E2 });
  });

  it('restarts the review when an approved document’s wording changes, unless the change is editorial and exempt', () => {
    expect(edited(approved(), { edition: E2, kind: 'substantive' })).toMatchObject({ state: 'in-review', edition: E2 });
    const kept = edited(approved(), { edition: E2, kind: 'editorial' });
    expect(kept).toMatchObject({ state: 'approved', edition: E2, sameWording: [E1] });
    // The approvals were of E1, whose wording E2 keeps: they still count, and E2 is what gets published.
    expect([...currentDecisions(kept).keys()]).toEqual(['Ann', 'Bo']);
    expect(publish(kept, { edition: E2, tag: 't', at: AT, effectiveDate: null })).toMatchObject({ state: 'published', published: { edition: E2 } });
    const strict = { ...approved(), editorialKeepsApproval: false };
    expect(edited(strict, { edition: E3, kind: 'editorial' })).toMatchObject({ state: 'in-review', edition: E3, sameWording: [] });
  });

  it('counts decisions across editorial edits during a review, and forgets them at the next substantive one', () => {
    let wf = decide(inReview(), by('Ann', 'approve'));
    wf = edited(wf, { edition: E2, kind: 'editorial' });
    expect(wf).toMatchObject({ state: 'in-review', edition: E2, sameWording: [E1] });
    wf = decide(wf, by('Bo', 'approve', E2));
    expect(wf.state).toBe('approved');
    // A decision is still of the edition under review: one on the earlier text is refused.
    expect(refusal(() => decide(edited(inReview(), { edition: E2, kind: 'editorial' }), by('Bo', 'approve', E1)))).toMatch(/changed after you read it/);
    const restarted = edited(wf, { edition: E3, kind: 'substantive' });
    expect(restarted).toMatchObject({ state: 'in-review', edition: E3, sameWording: [] });
    expect([...currentDecisions(restarted).keys()]).toEqual([]);
    expect(DocumentWorkflowSchema.safeParse(restarted).success).toBe(true);
  });

  it('publishes an approved edition with the dates set on publication as the published edition', () => {
    const out = publish(approved(), { edition: E2, tag: 't', at: AT, effectiveDate: '2026-03-01' });
    expect(out).toMatchObject({ state: 'published', edition: E2, sameWording: [E1], published: { edition: E2, effectiveDate: '2026-03-01' } });
    // Edits are measured from the published edition: the same edition again is no edit.
    expect(edited(out, { edition: E2, kind: 'substantive' })).toBe(out);
    expect(edited(out, { edition: E3, kind: 'editorial' })).toMatchObject({ state: 'published', edition: E3, published: { edition: E2 } });
  });

  it('reads a workflow file written before editorial editions were kept', () => {
    const { sameWording: _, ...older } = approved();
    expect(DocumentWorkflowSchema.parse(older).sameWording).toEqual([]);
  });

  it('makes an edited published document a draft again, and leaves drafts and retired documents as they are', () => {
    const out = publish(approved(), { edition: E1, tag: 't', at: AT, effectiveDate: null });
    expect(edited(out, { edition: E2, kind: 'substantive' })).toMatchObject({ state: 'draft', published: { edition: E1 } });
    expect(edited(NEW_WORKFLOW, { edition: E2, kind: 'substantive' })).toBe(NEW_WORKFLOW);
    const gone = retire(NEW_WORKFLOW);
    expect(edited(gone, { edition: E2, kind: 'substantive' })).toBe(gone);
  });

  it('publishes only an approved document, and retires a document once', () => {
    expect(refusal(() => publish(inReview(), { edition: E1, tag: 't', at: AT, effectiveDate: null }))).toBe('The document is in review; only an approved document can be published.');
    expect(refusal(() => retire(retire(NEW_WORKFLOW)))).toBe('The document is already retired.');
  });
});

describe('review dates', () => {
  const published = (at: string, everyMonths = 12, warnDays = 30): DocumentWorkflow => ({
    ...NEW_WORKFLOW,
    state: 'published',
    published: { edition: E1, tag: 't', at, effectiveDate: null },
    review: { everyMonths, warnDays },
  });

  it('is due a review interval after publication, warns before, and is overdue after', () => {
    const wf = published('2026-03-01T09:00:00Z');
    expect(reviewDue(wf, '2026-06-01')).toEqual({ next: '2027-03-01', status: 'ok' });
    expect(reviewDue(wf, '2027-01-29')).toEqual({ next: '2027-03-01', status: 'ok' });
    expect(reviewDue(wf, '2027-01-30')).toEqual({ next: '2027-03-01', status: 'due-soon' });
    expect(reviewDue(wf, '2027-03-01')).toEqual({ next: '2027-03-01', status: 'due-soon' });
    expect(reviewDue(wf, '2027-03-02')).toEqual({ next: '2027-03-01', status: 'overdue' });
  });

  it('has no date for a document never published, without an interval, or retired', () => {
    expect(reviewDue(NEW_WORKFLOW, '2030-01-01').status).toBe('not-scheduled');
    expect(reviewDue({ ...published('2026-03-01T09:00:00Z'), review: null }, '2030-01-01').status).toBe('not-scheduled');
    expect(reviewDue({ ...published('2026-03-01T09:00:00Z'), state: 'retired' }, '2030-01-01').status).toBe('not-scheduled');
  });

  it('adds months and days as a calendar does', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('asks for a review when a document this one depends on was published after it', () => {
    const cookies = { ...published('2026-03-01T09:00:00Z'), dependsOn: ['privacy-policy', 'terms'] };
    const publishedAt = new Map([
      ['privacy-policy', '2026-04-01T09:00:00Z'],
      ['terms', '2026-02-01T09:00:00Z'],
    ]);
    expect(dependenciesNewer(cookies, publishedAt)).toEqual(['privacy-policy']);
    expect(dependenciesNewer({ ...cookies, published: null }, publishedAt)).toEqual(['privacy-policy', 'terms']);
    // Someone confirmed after the privacy policy's publication that the cookie policy needs no change.
    expect(dependenciesNewer({ ...cookies, dependenciesChecked: '2026-04-02T09:00:00Z' }, publishedAt)).toEqual([]);
    expect(dependenciesNewer({ ...cookies, published: null, dependenciesChecked: '2026-03-01T09:00:00Z' }, publishedAt)).toEqual(['privacy-policy']);
    expect(dependenciesNewer({ ...cookies, state: 'retired' }, publishedAt)).toEqual([]);
  });
});
