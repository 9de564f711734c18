import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectInfo, Startup, WorkflowView } from '../../shared/api/contract';
import { chromiumPdf } from '../export/pdf';
import { RecentProjects } from '../store/recent';
import { AppSettings } from '../store/settings';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';

let tmp: string;
let host: Handlers;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-identity-api-'));
  const home = path.join(tmp, 'home');
  host = createHandlers(
    { version: 'test', recent: RecentProjects.in(home), pickFolder: null, renderPdf: chromiumPdf, userName: 'root', settings: AppSettings.in(home) },
    new Workspace(),
  );
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('who the person is, through the API', () => {
  it('starts unknown, is kept once given, and is the author of what they do from then on', async () => {
    expect(valueOf<Startup>(await dispatch(host, 'getStartup', {})).identity).toBeNull();
    const dir = valueOf<ProjectInfo>(await dispatch(host, 'createProject', { path: path.join(tmp, 'p'), name: 'P', sample: true })).path;
    const documentId = 'privacy-policy';
    // Before a name is given, the system's name stands.
    let view = valueOf<WorkflowView>(await dispatch(host, 'workflowStep', { project: dir, documentId, step: { step: 'openReview', summary: 'First.', reviewers: [], approvers: ['Ada Lovelace'] } }));
    expect(view.trail.at(-1)?.person).toBe('root');

    valueOf(await dispatch(host, 'setIdentity', { identity: { name: ' Ada Lovelace ', initials: 'AL' } }));
    expect(valueOf<Startup>(await dispatch(host, 'getStartup', {})).identity).toEqual({ name: 'Ada Lovelace', initials: 'AL' });
    view = valueOf<WorkflowView>(await dispatch(host, 'workflowStep', { project: dir, documentId, step: { step: 'decide', decision: 'approve' } }));
    expect(view.workflow.decisions.at(-1)).toMatchObject({ person: 'Ada Lovelace', decision: 'approve' });
  });

  it('refuses an empty name or an address that is not one', async () => {
    expect(messageOf(await dispatch(host, 'setIdentity', { identity: { name: '   ' } }))).toMatch(/name/i);
    expect(messageOf(await dispatch(host, 'setIdentity', { identity: { name: 'Ada', email: 'ada at home' } }))).toMatch(/email/i);
    expect(valueOf<Startup>(await dispatch(host, 'getStartup', {})).identity).toBeNull();
  });
});
