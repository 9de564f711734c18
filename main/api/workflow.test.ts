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
  });

  it('suggests a first-review sentence when there is no version to compare with', async () => {
    expect(valueOf<{ summary: string }>(await dispatch(dana, 'suggestReviewSummary', { project: dir, documentId })).summary).toBe(
      'First review: there is no earlier version to compare with.',
    );
  });
});
