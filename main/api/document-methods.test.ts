import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeletedDocument, ExportedFile, FolderListing, ProjectInfo, Startup } from '../../shared/api/contract';
import { chromiumPdf } from '../export/pdf';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers, type HostServices } from './handlers';
import { messageOf, valueOf } from './test-replies';

let tmp: string;
let dir: string;
let host: HostServices;
let handlers: Handlers;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-doc-methods-'));
  dir = path.join(tmp, 'Policies');
  host = { version: 't', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'T' };
  handlers = createHandlers(host, new Workspace());
  valueOf(await dispatch(handlers, 'createProject', { path: dir, name: 'Acme', sample: true }));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});


const call = async <T>(method: string, input: object) => valueOf<T>(await dispatch(handlers, method, { project: dir, ...input }));
const ids = (info: ProjectInfo) => info.documents.map((d) => d.id);

describe('document methods through dispatch', () => {
  it('refuses bad input in one sentence before anything runs', async () => {
    expect(messageOf(await dispatch(handlers, 'renameDocument', { project: dir, documentId: 'privacy-policy', title: 'a\u0007b' }))).toContain('control character');
    expect(messageOf(await dispatch(handlers, 'renameDocument', { project: dir, documentId: 'privacy-policy', title: '  ' }))).toContain('a title is required');
    expect(messageOf(await dispatch(handlers, 'moveDocument', { project: dir, documentId: 'privacy-policy', to: -1 }))).toContain('to');
    expect(messageOf(await dispatch(handlers, 'restoreDocument', { project: dir, deletedId: '../policywright' }))).toContain('deletedId');
    expect(messageOf(await dispatch(handlers, 'deleteDocument', { project: '/elsewhere', documentId: 'privacy-policy' }))).toContain('is not open in this window');
    expect(messageOf(await dispatch(handlers, 'listFolder', { path: '/', hidden: 'yes' }))).toContain('hidden');
  });

  it('renames, duplicates, deletes, restores and moves, each answering with the project as it is now', async () => {
    const renamed = await call<{ id: string; title: string }>('renameDocument', { documentId: 'cookie-policy', title: 'Cookie Notice' });
    expect(renamed).toEqual({ id: 'cookie-policy', title: 'Cookie Notice' });

    const duplicated = await call<{ project: ProjectInfo; documentId: string }>('duplicateDocument', { documentId: 'cookie-policy' });
    expect(duplicated.documentId).toBe('cookie-notice-copy');
    expect(ids(duplicated.project)).toEqual(['privacy-policy', 'cookie-policy', 'cookie-notice-copy', 'terms-of-service']);

    const deleted = await call<{ project: ProjectInfo; deleted: DeletedDocument }>('deleteDocument', { documentId: 'cookie-policy' });
    expect(ids(deleted.project)).toEqual(['privacy-policy', 'cookie-notice-copy', 'terms-of-service']);
    expect(await call<DeletedDocument[]>('listDeletedDocuments', {})).toEqual([deleted.deleted]);

    const restored = await call<{ project: ProjectInfo; documentId: string }>('restoreDocument', { deletedId: deleted.deleted.id });
    expect(restored.documentId).toBe('cookie-policy');
    expect(restored.project.documents.at(-1)).toEqual({ id: 'cookie-policy', title: 'Cookie Notice' });

    const moved = await call<ProjectInfo>('moveDocument', { documentId: 'cookie-policy', to: 0 });
    expect(ids(moved)).toEqual(['cookie-policy', 'privacy-policy', 'cookie-notice-copy', 'terms-of-service']);
  });

  it('reopens the project on the document opened last, at start-up and on Open project', async () => {
    expect(valueOf<Startup>(await dispatch(handlers, 'getStartup', {})).opening?.documentId).toBe('privacy-policy');
    await call('loadDocument', { documentId: 'terms-of-service' });
    const startup = valueOf<Startup>(await dispatch(handlers, 'getStartup', {}));
    expect(startup.project?.lastDocument).toBe('terms-of-service');
    expect(startup.opening?.documentId).toBe('terms-of-service');
    const again = createHandlers(host, new Workspace());
    expect(valueOf<ProjectInfo>(await dispatch(again, 'openProject', { path: dir })).lastDocument).toBe('terms-of-service');
    // Deleted since: the project opens on its first document instead.
    await call('deleteDocument', { documentId: 'terms-of-service' });
    expect(valueOf<ProjectInfo>(await dispatch(again, 'openProject', { path: dir })).lastDocument).toBeUndefined();
  });

  it('names an export from the document title, not its id', async () => {
    await call('renameDocument', { documentId: 'cookie-policy', title: 'Cookies: EU/UK "draft"' });
    expect((await call<ExportedFile>('exportDocument', { documentId: 'cookie-policy', format: 'md' })).fileName).toBe('Cookies EU UK draft.md');
    expect((await call<ExportedFile>('exportDocument', { documentId: 'privacy-policy', format: 'html', fragment: true })).fileName).toBe(
      'Privacy Policy (body only).html',
    );
  });

  it('lists a folder\'s subfolders and which of them are projects', async () => {
    const listing = valueOf<FolderListing>(await dispatch(handlers, 'listFolder', { path: tmp }));
    expect(listing.folders).toEqual([
      { name: 'home', path: path.join(tmp, 'home'), isProject: false },
      { name: 'Policies', path: dir, isProject: true },
    ]);
    expect(messageOf(await dispatch(handlers, 'listFolder', { path: path.join(tmp, 'nothing-here') }))).toBe(`${path.join(tmp, 'nothing-here')} does not exist.`);
  });
});
