import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policy } from '../../shared/testing/builders';
import { chromiumPdf } from '../export/pdf';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';

// The sync methods on a project that has no server: what a window shows before anyone shares the project.
let tmp: string;
let dir: string;
let handlers: Handlers;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-sync-methods-'));
  dir = path.join(tmp, 'project');
  await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  const home = path.join(tmp, 'home');
  handlers = createHandlers({ version: 't', recent: RecentProjects.in(home), pickFolder: null, renderPdf: chromiumPdf, userName: 'Ann', home }, new Workspace());
  valueOf(await dispatch(handlers, 'openProject', { path: dir }));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('sync methods on a project that is not shared', () => {
  it('says not shared, lists no conflicts, and refuses to sync in one sentence', async () => {
    expect(valueOf(await dispatch(handlers, 'syncStatus', { project: dir }))).toEqual({ state: 'not-shared' });
    expect(valueOf(await dispatch(handlers, 'listSyncConflicts', { project: dir }))).toEqual([]);
    expect(messageOf(await dispatch(handlers, 'syncNow', { project: dir }))).toMatch(/is not connected to a git server/);
  });

  it('refuses a side that is neither mine nor theirs, and a project the window has not opened', async () => {
    expect(messageOf(await dispatch(handlers, 'resolveSyncConflict', { project: dir, file: 'x', take: 'both' }))).toMatch(/take/);
    expect(messageOf(await dispatch(handlers, 'syncStatus', { project: path.join(tmp, 'other') }))).toMatch(/is not open in this window/);
  });

  it('checks what connecting and settling per section take before anything runs', async () => {
    const bad = (method: string, input: object) => dispatch(handlers, method, input).then(messageOf);
    expect(await bad('resolveSyncSections', { project: dir, file: 'documents/privacy-policy.policy.json', choices: [{ conflict: 0, take: 'edited', text: 'Title\n\u0000' }] })).toMatch(/^Bad input to resolveSyncSections: .*control character/);
    expect(await bad('resolveSyncSections', { project: dir, file: 'documents/privacy-policy.policy.json', choices: [{ conflict: 0, take: 'both' }] })).toMatch(/^Bad input to resolveSyncSections/);
    expect(await bad('resolveSyncSections', { project: dir, file: 'documents/privacy-policy.policy.json', choices: [] })).toMatch(/has no conflict to resolve/);
    expect(await bad('cloneProject', { url: 'https://git.example.com/x.git' })).toMatch(/^Bad input to cloneProject/);
    expect(await bad('connectProject', { project: dir, url: 'ssh://git.example.com/x.git' })).toMatch(/is not an HTTPS address/);
    expect(await bad('connectProject', { project: dir, url: 'https://ann:pw@git.example.com/x.git' })).toMatch(/with a user name or password in it/);
  });
});
