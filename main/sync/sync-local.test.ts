import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policy } from '../../shared/testing/builders';
import { Project } from '../store/project';
import { syncProject } from './sync-engine';
import { syncStatus } from './sync-status';

// What sync refuses before it talks to any server.
let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-sync-local-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
const options = { credentials: null, author: 'Ann' };

describe('sync before any server', () => {
  it('refuses a folder that is not a project, and makes nothing there', async () => {
    const missing = path.join(tmp, 'typo');
    await expect(syncProject(missing, options)).rejects.toThrow(/is not a Policywright project/);
    expect(nodeFs.existsSync(missing)).toBe(false);
  });

  it('refuses a project with no server, without making it a repository, and calls it not shared', async () => {
    const dir = path.join(tmp, 'project');
    await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    await expect(syncProject(dir, options)).rejects.toThrow(/is not connected to a git server/);
    expect(nodeFs.existsSync(path.join(dir, '.git'))).toBe(false);
    expect(await syncStatus(dir)).toEqual({ state: 'not-shared' });
  });

  it('refuses an address that is neither HTTPS nor a folder, or a folder with no repository, before it makes a repository', async () => {
    const dir = path.join(tmp, 'project');
    await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    await expect(syncProject(dir, { ...options, remoteUrl: 'ssh://git.example.com/policies.git' })).rejects.toThrow(/is not an HTTPS address/);
    await expect(syncProject(dir, { ...options, remoteUrl: path.join(tmp, 'no-share', 'policies.git') })).rejects.toThrow(/cannot be reached \(is the shared drive connected\?\)/);
    expect(nodeFs.existsSync(path.join(dir, '.git'))).toBe(false);
  });
});
