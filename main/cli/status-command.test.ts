import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide, openReview, publish } from '../../shared/workflow/machine';
import { Project } from '../store/project';
import { ProjectWorkflow } from '../store/workflow-store';
import { cli } from './test-cli';

let tmp: string;
let dir: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-status-'));
  dir = path.join(tmp, 'Policies');
  expect((await cli('new', dir, '--sample')).code).toBe(0);
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The privacy policy through review to publication on 2026-03-01, to be reviewed every 12 months, warned 30 days before. */
async function publishPrivacyPolicy(): Promise<void> {
  const store = ProjectWorkflow.for(dir);
  const at = '2026-03-01T10:00:00.000Z';
  await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, (wf, edition) =>
    openReview({ ...wf, review: { everyMonths: 12, warnDays: 30 } }, { summary: 'Yearly review.', reviewers: [], approvers: ['Ann'], edition }),
  );
  await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, (wf, edition) => decide(wf, { person: 'Ann', decision: 'approve', note: '', at, edition }));
  await store.apply('privacy-policy', { name: 'Published', person: 'Dana' }, (wf, edition) => publish(wf, { edition, tag: 'published/privacy-policy/2026-03-01', at, effectiveDate: '2026-03-01' }));
}

describe('policywright status and due', () => {
  it('prints every document’s state, approvals, publication and next review', async () => {
    await publishPrivacyPolicy();
    const { code, out } = await cli('status', dir, '--today', '2026-06-01');
    expect(code).toBe(0);
    expect(out).toContain('Privacy Policy (privacy-policy): Published\n  approvers: Ann (approve)\n  published: 2026-03-01 as published/privacy-policy/2026-03-01\n  next review: 2027-03-01 (ok)');
    expect(out).toContain('Cookie Policy (cookie-policy): Draft\n  published: never');
    const json = JSON.parse((await cli('status', dir, '--json', '--today', '2026-06-01')).out);
    expect(json.documents[0]).toMatchObject({ id: 'privacy-policy', state: 'published', nextReview: '2027-03-01', review: 'ok', pendingEdit: null, problem: null });
  });

  it('says when the text changed since it was published, before any step records it', async () => {
    await publishPrivacyPolicy();
    const project = await Project.open(dir);
    const { document, stamp } = await project.readDocument('privacy-policy');
    await project.saveDocument('privacy-policy', { ...document, title: 'Privacy Notice' }, stamp);
    const { out } = await cli('status', dir, '--today', '2026-06-01');
    expect(out).toContain('Privacy Notice (privacy-policy): Published\n');
    expect(out).toContain('  edited since: the text changed since it was published (substantive); the next review step records it\n');
  });

  it('says "review needed" of a document whose dependency was published after it', async () => {
    const store = ProjectWorkflow.for(dir);
    const at = '2026-02-01T10:00:00.000Z';
    await store.apply('cookie-policy', { name: 'Links set', person: 'Dana' }, (wf) => ({ ...wf, dependsOn: ['privacy-policy'] }));
    await store.apply('cookie-policy', { name: 'Review opened', person: 'Dana' }, (wf, edition) => openReview(wf, { summary: 'First.', reviewers: [], approvers: ['Ann'], edition }));
    await store.apply('cookie-policy', { name: 'Approved', person: 'Ann' }, (wf, edition) => decide(wf, { person: 'Ann', decision: 'approve', note: '', at, edition }));
    await store.apply('cookie-policy', { name: 'Published', person: 'Dana' }, (wf, edition) => publish(wf, { edition, tag: 'published/cookie-policy', at, effectiveDate: null }));
    expect((await cli('status', dir)).out).not.toContain('review needed');
    await publishPrivacyPolicy();
    const { out } = await cli('status', dir, '--today', '2026-06-01');
    expect(out).toContain('Cookie Policy (cookie-policy): Published\n  approvers: Ann (approve)\n  published: 2026-02-01 as published/cookie-policy\n  review needed: Privacy Policy (privacy-policy) was published 2026-03-01, after this document');
    const json = JSON.parse((await cli('status', dir, '--json')).out);
    expect(json.documents.find((d: { id: string }) => d.id === 'cookie-policy').reviewNeeded).toEqual([{ id: 'privacy-policy', title: 'Privacy Policy', publishedAt: '2026-03-01T10:00:00.000Z' }]);
    // `due` lists it too, without making the exit code fail: no date is past.
    expect(await cli('due', dir, '--today', '2026-06-01')).toMatchObject({ code: 0, out: 'review needed  Cookie Policy (cookie-policy): Privacy Policy published since\n' });
    expect(JSON.parse((await cli('due', dir, '--json', '--today', '2026-06-01')).out).reviewNeeded).toEqual([{ id: 'cookie-policy', title: 'Cookie Policy', because: ['privacy-policy'] }]);
  });

  it('lists what is due, and exits 1 once a review is overdue', async () => {
    await publishPrivacyPolicy();
    expect(await cli('due', dir, '--today', '2026-06-01')).toEqual({ code: 0, out: 'No document is due for review (2026-06-01).\n', err: '' });
    expect(await cli('due', dir, '--today', '2027-02-15')).toMatchObject({ code: 0, out: 'due soon  2027-03-01  Privacy Policy (privacy-policy)\n' });
    expect(await cli('due', dir, '--today', '2027-03-02')).toMatchObject({ code: 1, out: 'overdue   2027-03-01  Privacy Policy (privacy-policy)\n' });
  });

  it('refuses a --today that is not a date', async () => {
    expect(await cli('due', dir, '--today', 'tomorrow')).toMatchObject({ code: 2, err: 'policywright: --today must be a date written YYYY-MM-DD (run "policywright --help" for usage)\n' });
  });
});
