import { chromiumPdf } from '../export/pdf';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicyDocument } from '../../shared/model/document';
import type { LoadedDocument, ProjectInfo, Startup } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/contract';
import { h, policy } from '../../shared/testing/builders';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers, type HostServices } from './handlers';
import { messageOf, valueOf } from './test-replies';

let tmp: string;
let handlers: Handlers;
let host: HostServices;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-dispatch-'));
  host = { version: '9.9.9-test', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' };
  handlers = createHandlers(host, new Workspace());
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});


const validDocument = policy([h(1, 's-abcdef01', 'H')], { title: 'T' });

describe('dispatch: methods', () => {
  it.each(['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'GETSTARTUP'])('refuses the unknown method %j', async (method) => {
    const reply = await dispatch(handlers, method, {});
    expect(messageOf(reply)).toBe(`There is no API method called "${method}".`);
  });

  it('serves every method of the contract', async () => {
    for (const method of METHOD_NAMES) {
      const reply = await dispatch(handlers, method, {});
      if (!reply.ok) expect(reply.error.message).not.toMatch(/There is no API method/);
    }
  });
});

describe('dispatch: bad input', () => {
  const cases: Array<[string, unknown, string]> = [
    ['openProject', {}, 'path'],
    ['openProject', { path: 3 }, 'path'],
    ['openProject', { path: '   ' }, 'a folder path is required'],
    ['openProject', { path: '/x', extra: 1 }, '"extra"'],
    ['openProject', 'just a string', 'expected object'],
    ['createProject', { path: '/x', name: 'n', sample: 'yes' }, 'sample'],
    ['createProject', { path: '/x' }, 'name'],
    ['createProject', { path: ['/x'], name: 'n' }, 'path'],
    ['createDocument', { project: '/p', title: 42 }, 'title'],
    ['createDocument', { project: '/p', title: '' }, 'a title is required'],
    ['loadDocument', { project: '/p', documentId: '../etc/passwd' }, 'documentId must be lowercase letters, digits and dashes'],
    ['loadDocument', { project: '/p', documentId: '/etc/passwd' }, 'documentId'],
    ['loadDocument', { project: '/p' }, 'documentId'],
    ['loadDocument', { documentId: 'privacy-policy' }, 'project'],
    ['saveDocument', { project: '/p', documentId: 'privacy-policy', document: validDocument }, 'base'],
    ['saveDocument', { project: '/p', documentId: 'privacy-policy' }, 'document'],
    [
      'saveDocument',
      { project: '/p', documentId: 'privacy-policy', base: null, document: { ...validDocument, blocks: [{ kind: 'heading', id: 's-abcdef01', level: 0, runs: [] }] } },
      'document.blocks[0].level',
    ],
    ['saveDocument', { project: '/p', documentId: 'privacy-policy', document: { ...validDocument, format: 5 } }, 'document.format must be 1, 2, 3 or 4'],
    [
      'saveDocument',
      { project: '/p', documentId: 'privacy-policy', base: null, document: { ...validDocument, blocks: [{ kind: 'paragraph', runs: [{ text: 'x', link: 'javascript:alert(1)' }] }] } },
      'document.blocks[0].runs[0].link',
    ],
    ['pickFolder', { purpose: 'delete' }, 'purpose'],
    ['pickFolder', {}, 'purpose'],
    ['getStartup', { extra: true }, '"extra"'],
  ];

  it.each(cases)('%s %j → one sentence naming %j', async (method, input, expected) => {
    const spy = vi.fn(async () => 'should not run');
    const guarded = { ...handlers, [method]: spy } as Handlers;
    const reply = await dispatch(guarded, method, input);
    const message = messageOf(reply);
    expect(message.startsWith(`Bad input to ${method}: `)).toBe(true);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/[^.]\.$/);
    expect(spy).not.toHaveBeenCalled();
  });

  it('takes a missing input as an empty object', async () => {
    expect(valueOf<Startup>(await dispatch(handlers, 'getStartup', undefined)).version).toBe('9.9.9-test');
    expect(valueOf<Startup>(await dispatch(handlers, 'getStartup', null)).version).toBe('9.9.9-test');
  });
});

describe('dispatch: failures in handlers', () => {
  it('says the project is not open for loadDocument, createDocument and saveDocument before it is', async () => {
    const expected = 'The project /p is not open in this window: open it again with Open project….';
    expect(messageOf(await dispatch(handlers, 'loadDocument', { project: '/p', documentId: 'privacy-policy' }))).toBe(expected);
    expect(messageOf(await dispatch(handlers, 'createDocument', { project: '/p', title: 'New' }))).toBe(expected);
    expect(messageOf(await dispatch(handlers, 'saveDocument', { project: '/p', documentId: 'privacy-policy', document: validDocument, base: null }))).toBe(expected);
  });

  it('refuses pickFolder on a host without a folder picker', async () => {
    const message = messageOf(await dispatch(handlers, 'pickFolder', { purpose: 'open' }));
    expect(message).toBe('This window cannot show a folder picker; type the folder path instead.');
  });

  it('passes pickFolder through to a host that has a picker', async () => {
    const pickFolder = vi.fn(async (purpose: 'open' | 'create') => `/picked/for/${purpose}`);
    const withPicker = createHandlers({ ...host, pickFolder }, new Workspace());
    expect(valueOf(await dispatch(withPicker, 'pickFolder', { purpose: 'create' }))).toEqual({ path: '/picked/for/create' });
    expect(pickFolder).toHaveBeenCalledWith('create');
    expect(valueOf<Startup>(await dispatch(withPicker, 'getStartup', {})).canPickFolder).toBe(true);
  });

  it('turns an unexpected error into one sentence, without a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...handlers, listRecentProjects: async () => { throw new TypeError('cannot read x of undefined'); } } as Handlers;
    const message = messageOf(await dispatch(broken, 'listRecentProjects', {}));
    expect(message).toBe('listRecentProjects failed unexpectedly: cannot read x of undefined');
    expect(message).not.toContain('    at ');
    expect(logged).toHaveBeenCalled();
  });

  it('turns a thrown non-error into a failure too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...handlers, listRecentProjects: async () => { throw 'plain string'; } } as Handlers;
    expect(messageOf(await dispatch(broken, 'listRecentProjects', {}))).toBe('listRecentProjects failed unexpectedly: plain string');
  });

  it('says a folder without a manifest is not a Policywright project', async () => {
    const message = messageOf(await dispatch(handlers, 'openProject', { path: tmp }));
    expect(message).toBe(`${tmp} is not a Policywright project: it has no policywright.json.`);
  });

  it('refuses to create a project in a folder that is not empty', async () => {
    await fs.writeFile(path.join(tmp, 'x.txt'), 'x');
    const message = messageOf(await dispatch(handlers, 'createProject', { path: tmp, name: 'P' }));
    expect(message).toContain('not empty');
  });
});

describe('dispatch: a whole session', () => {
  it('creates a sample project, loads, saves and loads again', async () => {
    const dir = path.join(tmp, 'Sample');
    const info = valueOf<ProjectInfo>(await dispatch(handlers, 'createProject', { path: dir, name: 'My Policies', sample: true }));
    expect(info).toEqual({
      name: 'My Policies',
      path: dir,
      documents: [
        { id: 'privacy-policy', title: 'Privacy Policy' },
        { id: 'cookie-policy', title: 'Cookie Policy' },
        { id: 'terms-of-service', title: 'Terms of Service' },
      ],
    });

    const { document: doc, stamp } = valueOf<LoadedDocument>(await dispatch(handlers, 'loadDocument', { project: dir, documentId: 'privacy-policy' }));
    expect(doc.numbering).toBe('decimal');
    const edited: PolicyDocument = {
      ...doc,
      versionLabel: '2.2',
      blocks: [...doc.blocks, { kind: 'paragraph', runs: [{ text: 'Added in a test.', marks: ['italic'] }] }],
    };
    const saved = valueOf<{ savedAt: string; stamp: string }>(await dispatch(handlers, 'saveDocument', { project: dir, documentId: 'privacy-policy', document: edited, base: stamp }));
    expect(new Date(saved.savedAt).toISOString()).toBe(saved.savedAt);
    expect(saved.stamp).not.toBe(stamp);

    expect(valueOf(await dispatch(handlers, 'loadDocument', { project: dir, documentId: 'privacy-policy' }))).toEqual({ document: edited, stamp: saved.stamp });
    // A fresh window opening the same folder sees the same.
    const other = createHandlers(host, new Workspace());
    valueOf(await dispatch(other, 'openProject', { path: dir }));
    expect(valueOf(await dispatch(other, 'loadDocument', { project: dir, documentId: 'privacy-policy' }))).toEqual({ document: edited, stamp: saved.stamp });

    const startup = valueOf<Startup>(await dispatch(handlers, 'getStartup', {}));
    expect(startup.project?.path).toBe(dir);
    expect(startup.recent.map((r) => r.path)).toEqual([dir]);
    expect(startup.canPickFolder).toBe(false);
    expect(startup.version).toBe('9.9.9-test');
    // The first document comes with the start-up, exactly as loadDocument reads it.
    expect(startup.opening).toEqual({ documentId: 'privacy-policy', document: edited, stamp: saved.stamp });
    expect(valueOf(await dispatch(handlers, 'listRecentProjects', {}))).toEqual(startup.recent);
  });

  it('creates a project with one blank document when no sample is asked for, and adds documents to it', async () => {
    const dir = path.join(tmp, 'Blank');
    const info = valueOf<ProjectInfo>(await dispatch(handlers, 'createProject', { path: dir, name: 'Blank' }));
    expect(info.documents).toEqual([{ id: 'privacy-policy', title: 'Privacy Policy' }]);
    expect(valueOf(await dispatch(handlers, 'createDocument', { project: dir, title: '  Privacy Policy  ' }))).toEqual({
      id: 'privacy-policy-2',
      title: 'Privacy Policy',
    });
    const doc = valueOf<LoadedDocument>(await dispatch(handlers, 'loadDocument', { project: dir, documentId: 'privacy-policy-2' }));
    expect(doc.document.title).toBe('Privacy Policy');
  });

  it('refuses to save a document the project does not list', async () => {
    valueOf(await dispatch(handlers, 'createProject', { path: path.join(tmp, 'p'), name: 'P' }));
    const message = messageOf(await dispatch(handlers, 'saveDocument', { project: path.join(tmp, 'p'), documentId: 'passwd', document: validDocument, base: null }));
    expect(message).toBe('There is no document "passwd" in the project P.');
    expect(await fs.readdir(path.join(tmp, 'p', 'documents'))).toEqual(['privacy-policy.policy.json']);
  });

  it('opens a project with a broken document, lists the problem, and fails only that document', async () => {
    const dir = path.join(tmp, 'p');
    valueOf(await dispatch(handlers, 'createProject', { path: dir, name: 'P', sample: true }));
    const file = path.join(dir, 'documents', 'cookie-policy.policy.json');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"numbering": "section-sign"', '"numbering": "roman"'));
    const before = await fs.readFile(file);

    const fresh = createHandlers(host, new Workspace());
    const info = valueOf<ProjectInfo>(await dispatch(fresh, 'openProject', { path: dir }));
    expect(info.documents[1]?.problem).toMatch(/^documents\/cookie-policy\.policy\.json: numbering /);
    expect(messageOf(await dispatch(fresh, 'loadDocument', { project: dir, documentId: 'cookie-policy' }))).toMatch(
      /^documents\/cookie-policy\.policy\.json: numbering /,
    );
    expect(valueOf<LoadedDocument>(await dispatch(fresh, 'loadDocument', { project: dir, documentId: 'terms-of-service' })).document.title).toBe('Terms of Service');
    expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
  });

  it('starts up on the first document that can be read, and on none when none can', async () => {
    const dir = path.join(tmp, 'p');
    valueOf(await dispatch(handlers, 'createProject', { path: dir, name: 'P', sample: true }));
    const first = path.join(dir, 'documents', 'privacy-policy.policy.json');
    await fs.writeFile(first, '{ not json');
    const fresh = createHandlers(host, new Workspace());
    valueOf(await dispatch(fresh, 'openProject', { path: dir }));
    const startup = valueOf<Startup>(await dispatch(fresh, 'getStartup', {}));
    expect(startup.opening?.documentId).toBe('cookie-policy');
    expect(startup.opening?.document.title).toBe('Cookie Policy');

    const empty = createHandlers(host, new Workspace());
    expect(valueOf<Startup>(await dispatch(empty, 'getStartup', {})).opening).toBeNull();
  });
});
