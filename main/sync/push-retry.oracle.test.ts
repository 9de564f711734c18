import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serializeManifest } from '../../shared/format/serialize';
import { MANIFEST_FORMAT_VERSION } from '../../shared/model/document';
import { policy } from '../../shared/testing/builders';
import { Project } from '../store/project';
import { cloneProject } from './clone';
import type * as GitRemote from './git-remote';
import { syncProject, type SyncOptions } from './sync-engine';
import { HAS_HTTP_BACKEND, useTestGitServer } from './test-git-server';

// A colleague pushes between this sync's fetch and its push: the server refuses the push (never forced), and the
// sync fetches, merges and sends again. The colleague's push is made to happen at that moment through the fetch.
const hook = vi.hoisted(() => ({ afterFetch: null as null | (() => Promise<void>) }));
vi.mock('./git-remote', async (importOriginal) => {
  const actual = await importOriginal<typeof GitRemote>();
  return {
    ...actual,
    fetchRemote: async (...args: Parameters<typeof actual.fetchRemote>) => {
      const fetched = await actual.fetchRemote(...args);
      const run = hook.afterFetch;
      hook.afterFetch = null;
      if (run) await run();
      return fetched;
    },
  };
});

const env = useTestGitServer('pw-retry-', { ann: 'secret-a' });

const ann: SyncOptions = { credentials: { username: 'ann', password: 'secret-a' }, author: 'Ann' };

describe.skipIf(!HAS_HTTP_BACKEND)('a push refused because the server moved on (needs git http-backend)', () => {
  it("is fetched, merged and sent again, and keeps the colleague's change", async () => {
    const url = await env.server.createRepo('retry.git');
    const annDir = path.join(env.tmp, 'ann');
    const bobDir = path.join(env.tmp, 'bob');
    await Project.create(annDir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    await syncProject(annDir, { ...ann, remoteUrl: url });
    await cloneProject(url, bobDir, ann.credentials);

    // Ann adds a document to the list; Bob renames the project, and sends it just after Ann's fetch.
    await Project.create(path.join(env.tmp, 'scratch'), 'x', [{ id: 'cookie-policy', doc: policy([]) }]);
    await fs.copyFile(path.join(env.tmp, 'scratch', 'documents', 'cookie-policy.policy.json'), path.join(annDir, 'documents', 'cookie-policy.policy.json'));
    await fs.writeFile(path.join(annDir, 'policywright.json'), serializeManifest({ format: MANIFEST_FORMAT_VERSION, name: 'Policies', documents: ['privacy-policy', 'cookie-policy'] }));
    await fs.writeFile(path.join(bobDir, 'policywright.json'), serializeManifest({ format: MANIFEST_FORMAT_VERSION, name: 'Team policies', documents: ['privacy-policy'] }));
    hook.afterFetch = async () => {
      expect(await syncProject(bobDir, { ...ann, author: 'Bob' })).toMatchObject({ status: 'synced', sent: 1 });
    };

    expect(await syncProject(annDir, ann)).toMatchObject({ status: 'synced', merged: true, received: 1 });
    expect(hook.afterFetch).toBeNull();
    const merged = serializeManifest({ format: MANIFEST_FORMAT_VERSION, name: 'Team policies', documents: ['privacy-policy', 'cookie-policy'] });
    expect(await fs.readFile(path.join(annDir, 'policywright.json'), 'utf8')).toBe(merged);
    await syncProject(bobDir, { ...ann, author: 'Bob' });
    expect(await fs.readFile(path.join(bobDir, 'policywright.json'), 'utf8')).toBe(merged);
  });
});
