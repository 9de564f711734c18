import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDocument, ProjectInfo, Reply } from '../../shared/api/contract';
import { chromiumPdf } from '../export/pdf';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';

let tmp: string;
let handlers: Handlers;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-scope-'));
  handlers = createHandlers(
    { version: 'test', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test' },
    new Workspace(),
  );
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function call<T>(method: string, input: object): Promise<T> {
  const reply: Reply<unknown> = await dispatch(handlers, method, input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

const sentence = (text: string) => ({ kind: 'paragraph' as const, runs: [{ text }] });

describe('every call names its project', () => {
  it('a save still on its way when the window opens another project lands in its own (both have privacy-policy)', async () => {
    const y = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'Y'), name: 'Y' });
    const yDoc = await call<LoadedDocument>('loadDocument', { project: y.path, documentId: 'privacy-policy' });
    const yEdit = { ...yDoc.document, blocks: [...yDoc.document.blocks, sentence('Y typed this.')] };
    const ySaved = await call<{ stamp: string }>('saveDocument', { project: y.path, documentId: 'privacy-policy', document: yEdit, base: yDoc.stamp });

    const x = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'X'), name: 'X' });
    const xDoc = await call<LoadedDocument>('loadDocument', { project: x.path, documentId: 'privacy-policy' });
    const xEdit = { ...xDoc.document, blocks: [...xDoc.document.blocks, sentence('X typed this.')] };
    // The window switches back to Y before X's pending save is sent.
    await call<ProjectInfo>('openProject', { path: y.path });
    await call('saveDocument', { project: x.path, documentId: 'privacy-policy', document: xEdit, base: xDoc.stamp });

    const yNow = await call<LoadedDocument>('loadDocument', { project: y.path, documentId: 'privacy-policy' });
    const xNow = await call<LoadedDocument>('loadDocument', { project: x.path, documentId: 'privacy-policy' });
    expect(yNow).toEqual({ document: yEdit, stamp: ySaved.stamp });
    expect(xNow.document).toEqual(xEdit);
    const yFile = await fs.readFile(path.join(y.path, 'documents', 'privacy-policy.policy.json'), 'utf8');
    expect(yFile).toContain('Y typed this.');
    expect(yFile).not.toContain('X typed this.');
  });

  it('variables and new documents go to the project named, not the one opened last', async () => {
    const a = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'A'), name: 'A', sample: true });
    const b = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'B'), name: 'B', sample: true });
    await call('saveVariables', { project: a.path, variables: { company_name: 'Only A' } });
    await call('createDocument', { project: a.path, title: 'Only in A' });
    expect((await call<{ variables: Record<string, string> }>('getVariables', { project: b.path })).variables.company_name).not.toBe('Only A');
    expect((await call<{ variables: Record<string, string> }>('getVariables', { project: a.path })).variables.company_name).toBe('Only A');
    const manifestB = await fs.readFile(path.join(b.path, 'policywright.json'), 'utf8');
    expect(manifestB).not.toContain('only-in-a');
    expect(await fs.readFile(path.join(a.path, 'policywright.json'), 'utf8')).toContain('only-in-a');
  });

  it('refuses a project this host never opened, in one sentence', async () => {
    const reply = await dispatch(handlers, 'loadDocument', { project: path.join(tmp, 'elsewhere'), documentId: 'privacy-policy' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toBe(`The project ${path.join(tmp, 'elsewhere')} is not open in this window: open it again with Open project….`);
  });

  it('carries the conflict code to the window', async () => {
    const p = await call<ProjectInfo>('createProject', { path: path.join(tmp, 'P'), name: 'P' });
    const loaded = await call<LoadedDocument>('loadDocument', { project: p.path, documentId: 'privacy-policy' });
    await fs.appendFile(path.join(p.path, 'documents', 'privacy-policy.policy.json'), '\n');
    const reply = await dispatch(handlers, 'saveDocument', { project: p.path, documentId: 'privacy-policy', document: loaded.document, base: loaded.stamp });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
