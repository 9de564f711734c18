import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncConflictFile, SyncResult, SyncState } from '../../shared/api/contract';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
import { chromiumPdf } from '../export/pdf';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { cloneProject, saveCredentials, syncProject } from '../sync';
import { HAS_HTTP_BACKEND, useTestGitServer } from '../sync/test-git-server';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';

// The sync methods as a window calls them: through the dispatcher, credentials from the app's settings folder.
const env = useTestGitServer('pw-sync-api-', { ann: 'secret-a', bob: 'secret-b' });

const DOC = 'documents/privacy-policy.policy.json';
const policyText = (edits: Record<string, string> = {}) =>
  serializeDocument(policy([h(1, 's-collect01', 'What we collect'), p(edits['Collect.'] ?? 'Collect.'), h(1, 's-share0001', 'Sharing'), p(edits['Share.'] ?? 'Share.')], { title: 'Privacy Policy' }));

/** Ann's project on a new server repository, Bob's clone, and a window (handlers) on Bob's with his home. */
async function bobsWindow(name: string): Promise<{ annDir: string; bobDir: string; handlers: Handlers }> {
  const url = await env.server.createRepo(`${name}.git`);
  const annDir = path.join(env.tmp, name, 'ann');
  const bobDir = path.join(env.tmp, name, 'bob');
  const home = path.join(env.tmp, name, 'bob-home');
  await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  await fs.writeFile(path.join(annDir, DOC), policyText());
  await syncProject(annDir, { remoteUrl: url, credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' });
  await cloneProject(url, bobDir, { username: 'bob', password: 'secret-b' });
  await saveCredentials(url, home, { username: 'bob', password: 'secret-b' });
  const handlers = createHandlers({ version: 't', recent: RecentProjects.in(home), pickFolder: null, renderPdf: chromiumPdf, userName: 'Bob', home }, new Workspace());
  valueOf(await dispatch(handlers, 'openProject', { path: bobDir }));
  return { annDir, bobDir, handlers };
}

const ann = { credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' };
const read = (dir: string) => fs.readFile(path.join(dir, DOC), 'utf8');
const edit = (dir: string, edits: Record<string, string>) => fs.writeFile(path.join(dir, DOC), policyText(edits));

describe.skipIf(!HAS_HTTP_BACKEND)('the sync methods through the dispatcher (needs git http-backend)', () => {
  it('syncs with the credentials kept in the home, merges different sections, and says up to date after', async () => {
    const { annDir, bobDir, handlers } = await bobsWindow('merge');
    expect(valueOf<SyncState>(await dispatch(handlers, 'syncStatus', { project: bobDir }))).toEqual({ state: 'up-to-date' });
    await edit(annDir, { 'Collect.': 'Collect, by Ann.' });
    await syncProject(annDir, ann);
    await edit(bobDir, { 'Share.': 'Share, by Bob.' });
    const result = valueOf<SyncResult>(await dispatch(handlers, 'syncNow', { project: bobDir }));
    expect(result).toMatchObject({ status: 'synced', merged: true, received: 1 });
    expect(await read(bobDir)).toBe(policyText({ 'Collect.': 'Collect, by Ann.', 'Share.': 'Share, by Bob.' }));
    expect(valueOf<SyncState>(await dispatch(handlers, 'syncStatus', { project: bobDir }))).toEqual({ state: 'up-to-date' });
  });

  it('lists a conflict with what each side wrote, and resolving it with theirs finishes the merge', async () => {
    const { annDir, bobDir, handlers } = await bobsWindow('conflict');
    await edit(annDir, { 'Share.': 'Share, as Ann has it.' });
    await syncProject(annDir, ann);
    await edit(bobDir, { 'Share.': 'Share, as Bob has it.' });
    expect(valueOf<SyncResult>(await dispatch(handlers, 'syncNow', { project: bobDir }))).toEqual({ status: 'needs-attention', files: [DOC] });
    expect(valueOf<SyncState>(await dispatch(handlers, 'syncStatus', { project: bobDir }))).toMatchObject({ state: 'needs-attention' });
    const files = valueOf<SyncConflictFile[]>(await dispatch(handlers, 'listSyncConflicts', { project: bobDir }));
    expect(files).toEqual([
      { file: DOC, title: 'Privacy Policy', resolved: false, differences: [{ where: 'Section “Sharing”', mine: 'Share, as Bob has it.', theirs: 'Share, as Ann has it.' }], sections: [expect.objectContaining({ conflict: 0 })] },
    ]);
    const resolved = valueOf<SyncResult>(await dispatch(handlers, 'resolveSyncConflict', { project: bobDir, file: DOC, take: 'theirs' }));
    expect(resolved).toMatchObject({ status: 'synced' });
    expect(await read(bobDir)).toBe(policyText({ 'Share.': 'Share, as Ann has it.' }));
    expect(valueOf<SyncConflictFile[]>(await dispatch(handlers, 'listSyncConflicts', { project: bobDir }))).toEqual([]);
  });

  it('keeps mine when asked, and refuses a file with no conflict in one sentence', async () => {
    const { annDir, bobDir, handlers } = await bobsWindow('mine');
    await edit(annDir, { 'Share.': 'Share, as Ann has it.' });
    await syncProject(annDir, ann);
    await edit(bobDir, { 'Share.': 'Share, as Bob has it.' });
    await dispatch(handlers, 'syncNow', { project: bobDir });
    expect(messageOf(await dispatch(handlers, 'resolveSyncConflict', { project: bobDir, file: 'policywright.json', take: 'mine' }))).toMatch(/has no conflict to resolve/);
    // A name every object answers to is no file of the merge: refused, and no object of the process changed.
    for (const file of ['__proto__', 'constructor', 'toString']) {
      expect(messageOf(await dispatch(handlers, 'resolveSyncConflict', { project: bobDir, file, take: 'mine' }))).toMatch(/has no conflict to resolve/);
    }
    expect(Object.prototype).not.toHaveProperty('resolved');
    expect(valueOf<SyncResult>(await dispatch(handlers, 'resolveSyncConflict', { project: bobDir, file: DOC, take: 'mine' }))).toMatchObject({ status: 'synced' });
    expect(await read(bobDir)).toBe(policyText({ 'Share.': 'Share, as Bob has it.' }));
  });
});
