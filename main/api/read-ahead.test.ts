import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chromiumPdf } from '../export/pdf';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, readOpeningAhead, type HostServices } from './handlers';
import { valueOf } from './test-replies';

let tmp: string;
let dir: string;
let host: HostServices;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-read-ahead-'));
  dir = path.join(tmp, 'Policies');
  host = { version: 't', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'T' };
  valueOf(await dispatch(createHandlers(host, new Workspace()), 'createProject', { path: dir, name: 'Acme', sample: true }));
  // A file changed in the last few seconds is read again on every call (a write within the same second could go
  // unseen): the clock is moved on, as if the window opened a while after the files were written.
  const later = Date.now() + 60_000;
  vi.spyOn(Date, 'now').mockReturnValue(later);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('reading the first document ahead', () => {
  it('parses the document the window opens, so that the start-up finds it read', async () => {
    const workspace = new Workspace();
    workspace.project = await Project.open(dir);
    await host.recent.rememberDocument(dir, 'cookie-policy');
    const reads = vi.spyOn(workspace.project, 'readDocument');
    const ahead = await readOpeningAhead(workspace, host.recent);
    // The project's details read every document's title; the one to open is read last, for itself.
    expect(reads.mock.calls.at(-1)?.[0]).toBe('cookie-policy');

    // The start-up's own read is served from what was parsed: the very same document object.
    const parsed = await reads.mock.results.at(-1)?.value;
    const startup = await createHandlers(host, workspace).getStartup({});
    expect(startup.opening?.documentId).toBe('cookie-policy');
    expect(startup.opening?.document).toBe(parsed.document);
    // And what was read is handed back, for the web host to make its reply's JSON ahead too.
    expect(ahead?.document).toBe(parsed.document);
  });

  it('says nothing when the document cannot be read: the start-up meets the problem and reports it', async () => {
    const workspace = new Workspace();
    workspace.project = await Project.open(dir);
    // A file that breaks between the project's listing and the read (a listed broken file is never the one opened).
    vi.spyOn(workspace.project, 'readDocument').mockRejectedValue(new Error('privacy-policy.policy.json is not valid JSON'));
    await expect(readOpeningAhead(workspace, host.recent)).resolves.toBeNull();
  });

  it('does nothing without a project', async () => {
    await expect(readOpeningAhead(new Workspace(), host.recent)).resolves.toBeNull();
  });
});
