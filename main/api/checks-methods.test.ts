import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecksView } from '../../shared/api/contract';
import { checklistChanges } from '../../shared/check/checklist-changes';
import type { Checklist } from '../../shared/check/checklist-schema';
import type { ProjectChecks } from '../../shared/check/project-checks';
import { chromiumPdf } from '../export/pdf';
import { checklistsDir } from '../store/checklists';
import { RecentProjects } from '../store/recent';
import { dispatch } from './dispatch';
import { Workspace, createHandlers, type Handlers } from './handlers';
import { messageOf, valueOf } from './test-replies';

let tmp: string;
let dir: string;
let shipped: string;
let handlers: Handlers;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-checks-methods-'));
  dir = path.join(tmp, 'Policies');
  // The shipped checklists as this release has them, in a folder the test can put a later release's into.
  shipped = path.join(tmp, 'checklists');
  await fs.cp(checklistsDir(), shipped, { recursive: true });
  handlers = createHandlers({ version: 't', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'T', checklists: shipped }, new Workspace());
  valueOf(await dispatch(handlers, 'createProject', { path: dir, name: 'Acme', sample: true }));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const call = async <T>(method: string, input: object) => valueOf<T>(await dispatch(handlers, method, { project: dir, ...input }));
const unused = { rule: 'unused-term', sectionId: 's-k6lrxk1pmo', excerpt: 'Cookies' } as const;

/** A later release of the GDPR checklist: one requirement reworded, one added. */
async function shipNextGdpr(): Promise<void> {
  const file = path.join(shipped, 'gdpr.json');
  const checklist = JSON.parse(await fs.readFile(file, 'utf8')) as Checklist;
  const next = checklist.version + 1;
  const requirements = checklist.requirements.map((r) => (r.id === 'retention' ? { ...r, description: `${r.description} Or the criteria used to set it.`, changed: next } : r));
  const added = { ...checklist.requirements[0], id: 'representative', title: 'The representative in the Union', changed: next };
  await fs.writeFile(file, JSON.stringify({ ...checklist, version: next, requirements: [...requirements, added] }));
}

describe('the checks methods', () => {
  it('dismiss a finding with its reason into checks.json, and take it back', async () => {
    expect((await call<ChecksView>('readChecks', {})).checks.dismissed).toEqual([]);
    const { checks } = await call<{ checks: ProjectChecks }>('dismissFinding', { documentId: 'privacy-policy', finding: unused, reason: '  Kept for the cookie banner. ' });
    expect(checks.dismissed).toMatchObject([{ document: 'privacy-policy', ...unused, reason: 'Kept for the cookie banner.' }]);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'checks.json'), 'utf8'));
    expect(onDisk.dismissed[0].reason).toBe('Kept for the cookie banner.');
    expect((await call<ChecksView>('readChecks', {})).checks).toEqual(checks);

    const restored = await call<{ checks: ProjectChecks }>('restoreFinding', { documentId: 'privacy-policy', finding: unused });
    expect(restored.checks.dismissed).toEqual([]);
  });

  it('refuse a reason that is empty or more than a line, a document the project lacks, and an unknown law', async () => {
    expect(messageOf(await dispatch(handlers, 'dismissFinding', { project: dir, documentId: 'privacy-policy', finding: unused, reason: '  ' }))).toContain('must say why');
    expect(messageOf(await dispatch(handlers, 'dismissFinding', { project: dir, documentId: 'privacy-policy', finding: unused, reason: 'a\nb' }))).toContain('must be one line');
    expect(messageOf(await dispatch(handlers, 'dismissFinding', { project: dir, documentId: 'privacy-policy', finding: { ...unused, rule: 'no-such-rule' }, reason: 'x' }))).toContain('rule');
    expect(messageOf(await dispatch(handlers, 'dismissFinding', { project: dir, documentId: 'no-such-doc', finding: unused, reason: 'x' }))).toMatch(/no-such-doc/u);
    expect(messageOf(await dispatch(handlers, 'setDocumentLaws', { project: dir, documentId: 'privacy-policy', laws: ['atlantis'] }))).toContain('There is no checklist "atlantis"');
    await expect(fs.stat(path.join(dir, 'checks.json'))).rejects.toThrow();
  });

  it('show a bad checks.json as a sentence, with the checks empty, and refuse to write over it', async () => {
    await fs.writeFile(path.join(dir, 'checks.json'), '{ not json');
    const view = await call<ChecksView>('readChecks', {});
    expect(view.problem).toMatch(/^The project's checks\.json cannot be used: .+\.$/u);
    expect(view.checks.dismissed).toEqual([]);
    expect(view.checklists.map((c) => c.id)).toContain('gdpr');
    expect(messageOf(await dispatch(handlers, 'dismissFinding', { project: dir, documentId: 'privacy-policy', finding: unused, reason: 'x' }))).toMatch(/^The project's checks\.json cannot be used/u);
    expect(await fs.readFile(path.join(dir, 'checks.json'), 'utf8')).toBe('{ not json');
    // The project opens all the same, documents and all.
    const reopened = valueOf<{ documents: unknown[] }>(await dispatch(handlers, 'openProject', { path: dir }));
    expect(reopened.documents).toHaveLength(3);
  });

  it('show a huge checks.json as a sentence naming it, without reading it', async () => {
    await fs.writeFile(path.join(dir, 'checks.json'), Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect((await call<ChecksView>('readChecks', {})).problem).toBe("The project's checks.json cannot be read: checks.json is 5 MiB, over the 4 MiB Policywright reads for such a file; it was not opened.");
  });

  it('acknowledge a law when it is first picked, so nothing is new until a later release changes it', async () => {
    const picked = await call<{ checks: ProjectChecks }>('setDocumentLaws', { documentId: 'privacy-policy', laws: ['gdpr', 'ccpa'] });
    expect(picked.checks.laws).toEqual({ 'privacy-policy': ['gdpr', 'ccpa'] });
    expect(picked.checks.acknowledged.map((a) => [a.id, a.version])).toEqual([['ccpa', 1], ['gdpr', 1]]);

    await shipNextGdpr();
    const view = await call<ChecksView>('readChecks', {});
    const gdpr = view.checklists.find((c) => c.id === 'gdpr') as Checklist;
    const changes = checklistChanges(view.checks.acknowledged.find((a) => a.id === 'gdpr') ?? null, gdpr);
    expect(changes.added.map((r) => r.id)).toEqual(['representative']);
    expect(changes.changed.map((r) => r.id)).toEqual(['retention']);

    // Picking the law again (another document) keeps the older acknowledgement: the news is still to be reviewed.
    const again = await call<{ checks: ProjectChecks }>('setDocumentLaws', { documentId: 'cookie-policy', laws: ['gdpr'] });
    expect(again.checks.acknowledged.find((a) => a.id === 'gdpr')?.version).toBe(1);

    const reviewed = await call<{ checks: ProjectChecks }>('acknowledgeChecklist', { checklist: 'gdpr' });
    const after = checklistChanges(reviewed.checks.acknowledged.find((a) => a.id === 'gdpr') ?? null, gdpr);
    expect(after).toEqual({ added: [], changed: [], removed: [] });
    expect(reviewed.checks.acknowledged.find((a) => a.id === 'gdpr')?.version).toBe(2);
  });

  it('forget a document\'s laws when none are picked', async () => {
    await call('setDocumentLaws', { documentId: 'privacy-policy', laws: ['gdpr'] });
    const { checks } = await call<{ checks: ProjectChecks }>('setDocumentLaws', { documentId: 'privacy-policy', laws: [] });
    expect(checks.laws).toEqual({});
    expect(checks.acknowledged.map((a) => a.id)).toEqual(['gdpr']);
  });
});
