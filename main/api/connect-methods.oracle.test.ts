import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectInfo, SyncConflictFile, SyncResult } from '../../shared/api/contract';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
import { chromiumPdf } from '../export/pdf';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { syncProject } from '../sync';
import { CREDENTIALS_FILE } from '../sync/credentials';
import { HAS_HTTP_BACKEND, useTestGitServer } from '../sync/test-git-server';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';
import { textBlock } from '../../shared/testing/text-block';

// Cloning and connecting from the window, and a document's conflicts settled section by section, through the dispatcher.
const env = useTestGitServer('pw-connect-api-', { ann: 'secret-a', bob: 'secret-b' });

const DOC = 'documents/privacy-policy.policy.json';
const text = (edits: Record<string, string> = {}) =>
  serializeDocument(
    policy([h(1, 's-collect01', 'What we collect'), p(edits['Collect.'] ?? 'Collect.'), p('Kept.'), p(edits['Also.'] ?? 'Also.'), h(1, 's-share0001', 'Sharing'), p(edits['Share.'] ?? 'Share.')], {
      title: 'Privacy Policy',
    }),
  );
const ann = { credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' };

function windowIn(home: string, userName: string): Handlers {
  return createHandlers({ version: 't', recent: RecentProjects.in(home), pickFolder: null, renderPdf: chromiumPdf, userName, home }, new Workspace());
}

/** Ann's project, shared on a new repository. */
async function shared(name: string): Promise<{ url: string; annDir: string }> {
  const url = await env.server.createRepo(`${name}.git`);
  const annDir = path.join(env.tmp, name, 'ann');
  await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
  await fs.writeFile(path.join(annDir, DOC), text());
  await syncProject(annDir, { ...ann, remoteUrl: url });
  return { url, annDir };
}

describe.skipIf(!HAS_HTTP_BACKEND)('connecting from the window (needs git http-backend)', () => {
  it('clones into a new folder, opens it, and keeps the credentials in the settings folder only', async () => {
    const { url } = await shared('clone');
    const home = path.join(env.tmp, 'clone', 'bob-home');
    const bobDir = path.join(env.tmp, 'clone', 'bob');
    const handlers = windowIn(home, 'Bob');
    const info = valueOf<ProjectInfo>(await dispatch(handlers, 'cloneProject', { url, path: bobDir, username: 'bob', password: 'secret-b' }));
    expect(info).toMatchObject({ name: 'Policies', path: bobDir, documents: [{ id: 'privacy-policy', title: 'Privacy Policy' }] });
    expect(await fs.readFile(path.join(bobDir, DOC), 'utf8')).toBe(text());
    const config = await fs.readFile(path.join(bobDir, '.git', 'config'), 'utf8');
    expect(config).toContain(url);
    expect(config).not.toContain('secret-b');
    expect(JSON.parse(await fs.readFile(path.join(home, CREDENTIALS_FILE), 'utf8'))).toEqual({ [env.server.url]: { username: 'bob', password: 'secret-b' } });
    // The saved credentials serve the syncs that follow.
    expect(valueOf<SyncResult>(await dispatch(handlers, 'syncNow', { project: bobDir }))).toEqual({ status: 'up-to-date' });
  });

  it('says in one sentence when the password is wrong or the server cannot be reached, and saves nothing', async () => {
    const { url } = await shared('refused');
    const home = path.join(env.tmp, 'refused', 'bob-home');
    const handlers = windowIn(home, 'Bob');
    const target = path.join(env.tmp, 'refused', 'bob');
    expect(messageOf(await dispatch(handlers, 'cloneProject', { url, path: target, username: 'bob', password: 'nope' }))).toBe(`The server at ${env.server.url} refused the user name or password.`);
    const closed = `http://127.0.0.1:9/policies.git`;
    expect(messageOf(await dispatch(handlers, 'cloneProject', { url: closed, path: target, username: 'bob', password: 'secret-b' }))).toBe(
      'The server at http://127.0.0.1:9 cannot be reached (offline?); try the clone again later.',
    );
    expect(messageOf(await dispatch(handlers, 'cloneProject', { url: 'https://bob:pw@git.example.com/x.git', path: target }))).toMatch(/with a user name or password in it/);
    await expect(fs.stat(target)).rejects.toThrow();
    await expect(fs.stat(path.join(home, CREDENTIALS_FILE))).rejects.toThrow();
  });

  it('connects an open project to an empty repository: its first sync sends the project', async () => {
    const url = await env.server.createRepo('connect.git');
    const dir = path.join(env.tmp, 'connect', 'ann');
    const home = path.join(env.tmp, 'connect', 'ann-home');
    await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    const handlers = windowIn(home, 'Ann');
    valueOf(await dispatch(handlers, 'openProject', { path: dir }));
    expect(messageOf(await dispatch(handlers, 'connectProject', { project: dir, url, username: 'ann', password: 'wrong' }))).toBe(`The server at ${env.server.url} refused the user name or password.`);
    await expect(fs.stat(path.join(home, CREDENTIALS_FILE))).rejects.toThrow();
    expect(valueOf<SyncResult>(await dispatch(handlers, 'connectProject', { project: dir, url, username: 'ann', password: 'secret-a' }))).toMatchObject({ status: 'synced', sent: 1 });
    expect(valueOf(await dispatch(handlers, 'syncStatus', { project: dir }))).toEqual({ state: 'up-to-date' });
    const bobDir = path.join(env.tmp, 'connect', 'bob');
    valueOf(await dispatch(windowIn(path.join(env.tmp, 'connect', 'bob-home'), 'Bob'), 'cloneProject', { url, path: bobDir, username: 'bob', password: 'secret-b' }));
    expect(await fs.readdir(path.join(bobDir, 'documents'))).toEqual(['privacy-policy.policy.json']);
  });

  it('settles a document section by section: the conflicts listed with each side, then an edited result saved and synced', async () => {
    const { url, annDir } = await shared('sections');
    const home = path.join(env.tmp, 'sections', 'bob-home');
    const bobDir = path.join(env.tmp, 'sections', 'bob');
    const handlers = windowIn(home, 'Bob');
    valueOf(await dispatch(handlers, 'cloneProject', { url, path: bobDir, username: 'bob', password: 'secret-b' }));
    await fs.writeFile(path.join(annDir, DOC), text({ 'Collect.': 'Collect, says Ann.', 'Share.': 'Share, says Ann.' }));
    await syncProject(annDir, ann);
    await fs.writeFile(path.join(bobDir, DOC), text({ 'Collect.': 'Collect, says Bob.', 'Also.': 'Also, Bob.', 'Share.': 'Share, says Bob.' }));
    expect(valueOf<SyncResult>(await dispatch(handlers, 'syncNow', { project: bobDir }))).toEqual({ status: 'needs-attention', files: [DOC] });
    const [file] = valueOf<SyncConflictFile[]>(await dispatch(handlers, 'listSyncConflicts', { project: bobDir }));
    expect(file?.differences.map((d) => d.where)).toEqual(['Section “What we collect”', 'Section “Sharing”']);
    expect(file?.sections.map((s) => [s.conflict, s.theirs?.map((b) => textBlock(b).runs[0]?.text)])).toEqual([
      [0, ['What we collect', 'Collect, says Ann.', 'Kept.', 'Also.']],
      [1, ['Sharing', 'Share, says Ann.']],
    ]);
    expect(messageOf(await dispatch(handlers, 'resolveSyncSections', { project: bobDir, file: DOC, choices: [{ conflict: 0, take: 'theirs' }] }))).toBe(
      `Choose once for each of the 2 place(s) in conflict in ${DOC}.`,
    );
    const edited = 'Sharing\n\nShare, as agreed.';
    const result = valueOf<SyncResult>(
      await dispatch(handlers, 'resolveSyncSections', { project: bobDir, file: DOC, choices: [{ conflict: 0, take: 'theirs' }, { conflict: 1, take: 'edited', text: edited }] }),
    );
    expect(result).toMatchObject({ status: 'synced' });
    // Theirs where both changed a paragraph, Bob's other edit in that section kept; the edited section as written.
    const settled = text({ 'Collect.': 'Collect, says Ann.', 'Also.': 'Also, Bob.', 'Share.': 'Share, as agreed.' });
    expect(await fs.readFile(path.join(bobDir, DOC), 'utf8')).toBe(settled);
    expect(valueOf<SyncConflictFile[]>(await dispatch(handlers, 'listSyncConflicts', { project: bobDir }))).toEqual([]);
    await syncProject(annDir, ann);
    expect(await fs.readFile(path.join(annDir, DOC), 'utf8')).toBe(settled);
  });
});
