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
});
