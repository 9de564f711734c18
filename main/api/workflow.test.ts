import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDocument, ProjectInfo, VersionSummary, WorkflowView } from '../../shared/api/contract';
import { chromiumPdf } from '../export/pdf';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';

let tmp: string;
let dir: string;
const workspace = () => new Workspace();

/** One host per person: the person of a step is the host's user name, never a name the window sends. */
function hostOf(userName: string, space: Workspace): Handlers {
  return createHandlers({ version: 'test', recent: RecentProjects.in(path.join(tmp, 'home', userName)), pickFolder: null, renderPdf: chromiumPdf, userName }, space);
}

let dana: Handlers;
let ann: Handlers;
const documentId = 'privacy-policy';

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-workflow-api-'));
  dana = hostOf('Dana', workspace());
  ann = hostOf('Ann', workspace());
  dir = valueOf<ProjectInfo>(await dispatch(dana, 'createProject', { path: path.join(tmp, 'p'), name: 'P', sample: true })).path;
  valueOf(await dispatch(ann, 'openProject', { path: dir }));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const step = async (who: Handlers, input: object) => valueOf<WorkflowView>(await dispatch(who, 'workflowStep', { project: dir, documentId, step: input }));

describe('the review workflow through the API', () => {
  it('runs draft → review → changes requested → edit → two approvals → published, with the trail and a published version', async () => {
    expect(valueOf<WorkflowView>(await dispatch(dana, 'readWorkflow', { project: dir, documentId })).workflow.state).toBe('draft');
    valueOf(await dispatch(dana, 'saveVersion', { project: dir, documentId, name: 'Baseline', kind: 'substantive', author: 'Dana' }));
    const { document, stamp } = valueOf<LoadedDocument>(await dispatch(dana, 'loadDocument', { project: dir, documentId }));
    valueOf(await dispatch(dana, 'saveDocument', { project: dir, documentId, document: { ...document, title: 'Privacy notice' }, base: stamp }));
    const { summary } = valueOf<{ summary: string }>(await dispatch(dana, 'suggestReviewSummary', { project: dir, documentId }));
    expect(summary).toBe('Changes since Version “Baseline”:\nDetails: Title.');

    let view = await step(dana, { step: 'openReview', summary, reviewers: [], approvers: ['Dana', 'Ann'] });
    expect(view.workflow.state).toBe('in-review');
    view = await step(ann, { step: 'decide', decision: 'request-changes', note: 'Say how long logs are kept.' });
    expect(view.workflow.decisions.at(-1)).toMatchObject({ person: 'Ann', decision: 'request-changes' });

    const again = valueOf<LoadedDocument>(await dispatch(dana, 'loadDocument', { project: dir, documentId }));
    valueOf(await dispatch(dana, 'saveDocument', { project: dir, documentId, document: { ...again.document, owner: 'Privacy team' }, base: again.stamp }));
    view = await step(dana, { step: 'decide', decision: 'approve' });
    expect(view.workflow.state).toBe('in-review');
    view = await step(ann, { step: 'decide', decision: 'approve', note: 'Fine now.' });
    expect(view.workflow.state).toBe('approved');
    expect(view.workflow.edition).toBe(view.edition);

    view = await step(dana, { step: 'publish' });
    expect(view.workflow.state).toBe('published');
    const versions = valueOf<VersionSummary[]>(await dispatch(dana, 'listVersions', { project: dir, documentId }));
    const published = versions.find((v) => v.tag === view.workflow.published?.tag);
    expect(view.publishedVersion).toBe(published?.name);
    expect(published?.name).toMatch(/^Published privacy-policy \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(view.workflow.published?.edition).toBe(view.edition);

    expect(view.trail.map((e) => `${e.step} by ${e.person}`)).toEqual([
      'Review opened by Dana',
      'Changes requested by Ann',
      'Edited by Dana',
      'Approved by Dana',
      'Approved by Ann',
      'Published by Dana',
    ]);
    expect(view.trail[1]?.note).toBe('Say how long logs are kept.');
    expect(view.problem).toBeNull();
  });

  it('refuses a step the workflow does not allow in one sentence, and a publication before approval saves no version', async () => {
    expect(messageOf(await dispatch(ann, 'workflowStep', { project: dir, documentId, step: { step: 'decide', decision: 'approve' } }))).toBe(
      'The document is a draft, not in review; there is nothing to decide.',
    );
    expect(messageOf(await dispatch(dana, 'workflowStep', { project: dir, documentId, step: { step: 'publish' } }))).toBe(
      'The document is a draft; only an approved document can be published.',
    );
    expect(valueOf<VersionSummary[]>(await dispatch(dana, 'listVersions', { project: dir, documentId }))).toEqual([]);
    await step(dana, { step: 'openReview', summary: 'New', reviewers: [], approvers: ['Ann'] });
    expect(messageOf(await dispatch(dana, 'workflowStep', { project: dir, documentId, step: { step: 'decide', decision: 'approve' } }))).toBe(
      'Dana is not an approver of this document.',
    );
  });

  it('sets a review interval, and says when the state file was changed outside Policywright', async () => {
    const view = await step(dana, { step: 'setReviewInterval', review: { everyMonths: 12, warnDays: 30 } });
    expect(view.workflow.review).toEqual({ everyMonths: 12, warnDays: 30 });
    expect(view.trail.at(-1)).toMatchObject({ step: 'Review interval set', note: 'Every 12 months, warned 30 days before.' });
    const file = path.join(dir, 'workflow', `${documentId}.json`);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"draft"', '"approved"'));
    const read = valueOf<WorkflowView>(await dispatch(dana, 'readWorkflow', { project: dir, documentId }));
    expect(read.problem).toMatch(/changed outside Policywright/);
    // Said for the project as a whole when it opens, naming the file.
    expect(valueOf<{ problem: string | null }>(await dispatch(dana, 'workflowProblems', { project: dir })).problem).toBe(
      'The review state of one document (workflow/privacy-policy.json) differs from the one the project\'s history records: it was changed outside Policywright, so it is not shown as recorded.',
    );
  });

  it('keeps approvals through an editorial edit where the document says so, and restarts on a wording change', async () => {
    const edit = async (change: (doc: LoadedDocument['document']) => LoadedDocument['document']) => {
      const { document, stamp } = valueOf<LoadedDocument>(await dispatch(dana, 'loadDocument', { project: dir, documentId }));
      valueOf(await dispatch(dana, 'saveDocument', { project: dir, documentId, document: change(document), base: stamp }));
    };
    let view = await step(dana, { step: 'setEditorialKeepsApproval', keep: true });
    expect(view.trail.at(-1)).toMatchObject({ step: 'Editorial edits set', note: 'Editorial edits (same words) keep approvals.' });
    await step(dana, { step: 'openReview', summary: 'S', reviewers: [], approvers: ['Dana', 'Ann'] });
    view = await step(ann, { step: 'decide', decision: 'approve' });
    expect(valueOf<{ problem: string | null }>(await dispatch(dana, 'workflowProblems', { project: dir })).problem).toBeNull();
    // Case and punctuation of the title, and the owner: the same words.
    await edit((doc) => ({ ...doc, title: `${doc.title.toUpperCase()}.`, owner: 'Privacy team' }));
    expect(valueOf<WorkflowView>(await dispatch(dana, 'readWorkflow', { project: dir, documentId })).pendingEdit).toBe('editorial');
    view = await step(dana, { step: 'decide', decision: 'approve' });
    expect(view.pendingEdit).toBeNull();
    expect(view.workflow.state).toBe('approved');
    expect(view.trail.map((e) => e.step).slice(-3)).toEqual(['Approved', 'Edited (editorial)', 'Approved']);
    // A new word: the review starts again, on the new text.
    await edit((doc) => ({ ...doc, title: `${doc.title} (draft)` }));
    expect(valueOf<WorkflowView>(await dispatch(dana, 'readWorkflow', { project: dir, documentId })).pendingEdit).toBe('substantive');
    view = await step(ann, { step: 'decide', decision: 'approve' });
    expect(view.workflow.state).toBe('in-review');
    expect(view.trail.map((e) => e.step).slice(-2)).toEqual(['Edited', 'Approved']);
  });

  it('publishes with the effective date and last updated written into the published version', async () => {
    await step(dana, { step: 'openReview', summary: 'S', reviewers: [], approvers: ['Ann'] });
    await step(ann, { step: 'decide', decision: 'approve' });
    const view = await step(dana, { step: 'publish', effectiveDate: '2026-04-01', lastUpdated: '2026-03-15' });
    expect(view.workflow.published).toMatchObject({ effectiveDate: '2026-04-01', edition: view.edition });
    expect(view.trail.at(-1)?.note).toMatch(/Effective 2026-04-01\. Last updated 2026-03-15\./);
    const version = valueOf<LoadedDocument['document']>(await dispatch(dana, 'loadVersion', { project: dir, documentId, version: view.publishedVersion }));
    expect(version).toMatchObject({ effectiveDate: '2026-04-01', lastUpdated: '2026-03-15' });
    const html = valueOf<{ base64: string }>(await dispatch(dana, 'exportDocument', { project: dir, documentId, format: 'html', version: view.publishedVersion }));
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toMatch(/2026-04-01|April 1, 2026|1 April 2026/);
  });

  it('shows "review needed" on a document when one it depends on is published after it', async () => {
    const cookies = 'cookie-policy';
    const stepOn = async (id: string, who: Handlers, input: object) => valueOf<WorkflowView>(await dispatch(who, 'workflowStep', { project: dir, documentId: id, step: input }));
    const publishOne = async (id: string) => {
      await stepOn(id, dana, { step: 'openReview', summary: 'S', reviewers: [], approvers: ['Ann'] });
      await stepOn(id, ann, { step: 'decide', decision: 'approve' });
      return stepOn(id, dana, { step: 'publish' });
    };
    expect(messageOf(await dispatch(dana, 'workflowStep', { project: dir, documentId: cookies, step: { step: 'setDependsOn', dependsOn: [cookies] } }))).toBe(
      'A document cannot depend on itself.',
    );
    let view = await stepOn(cookies, dana, { step: 'setDependsOn', dependsOn: [documentId] });
    expect(view.workflow.dependsOn).toEqual([documentId]);
    expect(view.others.map((d) => d.id)).toContain(documentId);
    expect(view.others.map((d) => d.id)).not.toContain(cookies);
    await publishOne(documentId);
    view = await publishOne(cookies);
    expect(view.reviewNeeded).toEqual([]);
    // The privacy policy changes and is published again: the cookie policy asks for a look.
    await publishOne(documentId);
    view = valueOf<WorkflowView>(await dispatch(dana, 'readWorkflow', { project: dir, documentId: cookies }));
    expect(view.reviewNeeded).toMatchObject([{ id: documentId, title: 'Privacy Policy' }]);
    // Read against the new privacy policy, the cookie policy needs no change: said once, and recorded in its trail.
    view = await stepOn(cookies, ann, { step: 'confirmDependencies', note: 'Cookies unaffected.' });
    expect(view.reviewNeeded).toEqual([]);
    expect(view.workflow.state).toBe('published');
    expect(view.trail.at(-1)).toMatchObject({ step: 'Links checked', person: 'Ann' });
    expect(view.trail.at(-1)?.note).toMatch(/^No change needed for Privacy Policy \(published \d{4}-\d\d-\d\d\)\.\nCookies unaffected\.$/);
    expect(messageOf(await dispatch(dana, 'workflowStep', { project: dir, documentId: cookies, step: { step: 'confirmDependencies' } }))).toBe(
      'No document this one depends on was published after it: there is nothing to confirm.',
    );
  });

  it('exports the audit trail as a PDF report, printed from the trail read from git', async () => {
    const printed: string[] = [];
    const printer = createHandlers(
      { version: 'test', recent: RecentProjects.in(path.join(tmp, 'home', 'printer')), pickFolder: null, userName: 'Dana', renderPdf: async (html) => (printed.push(html), new TextEncoder().encode('%PDF-1.7 test')) },
      workspace(),
    );
    valueOf(await dispatch(printer, 'openProject', { path: dir }));
    await step(dana, { step: 'openReview', summary: 'Report "me" <b>', reviewers: [], approvers: ['Ann'] });
    await step(ann, { step: 'decide', decision: 'request-changes', note: 'Say more.' });
    const file = valueOf<{ fileName: string; mimeType: string; base64: string }>(await dispatch(printer, 'exportTrailReport', { project: dir, documentId }));
    expect(file).toMatchObject({ fileName: 'Privacy Policy (audit trail).pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.base64, 'base64').toString('latin1')).toBe('%PDF-1.7 test');
    const [html] = printed;
    expect(html).toContain('Report &quot;me&quot; &lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html?.indexOf('Review opened')).toBeLessThan(html?.indexOf('Changes requested') ?? -1);
    expect(html).toContain('<dt>State</dt><dd>In review</dd>');
  });

  it('suggests a first-review sentence when there is no version to compare with', async () => {
    expect(valueOf<{ summary: string }>(await dispatch(dana, 'suggestReviewSummary', { project: dir, documentId })).summary).toBe(
      'First review: there is no earlier version to compare with.',
    );
  });
});
