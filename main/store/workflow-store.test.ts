import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decide, openReview, publish } from '../../shared/workflow/machine';
import * as historyCommit from './history-commit';
import { Project } from './project';
import { loadSampleDocuments } from './sample';
import { trailGitCommand } from '../../shared/export/trail-report';
import { ProjectWorkflow } from './workflow-store';

let tmp: string;
let dir: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-workflow-'));
  dir = path.join(tmp, 'Policies');
  await Project.create(dir, 'Policies', await loadSampleDocuments());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

const AT = '2026-03-01T10:00:00.000Z';
const open = (summary = 'Retention shortened to 12 months.') => (wf: Parameters<typeof openReview>[0], edition: string) =>
  openReview(wf, { summary, reviewers: ['Rita'], approvers: ['Ann', 'Bo'], edition });
const approve = (person: string) => (wf: Parameters<typeof decide>[0], edition: string) => decide(wf, { person, decision: 'approve', note: '', at: AT, edition });
const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

describe('ProjectWorkflow', () => {
  it('records each step as a file and a commit with trailers, and reads the trail back from the history', async () => {
    const store = ProjectWorkflow.for(dir);
    expect((await store.read('privacy-policy')).workflow.state).toBe('draft');
    await store.apply('privacy-policy', { name: 'Review opened', note: 'Retention shortened to 12 months.', person: 'Dana' }, open());
    await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'));
    const approved = await store.apply('privacy-policy', { name: 'Approved', person: 'Bo' }, approve('Bo'));
    expect(approved.state).toBe('approved');
    const { edition } = await store.read('privacy-policy');
    await store.apply('privacy-policy', { name: 'Published', person: 'Dana' }, (wf) => publish(wf, { edition, tag: 'published/privacy-policy/2026-03-01', at: AT, effectiveDate: '2026-03-01' }));

    const trail = await store.trail('privacy-policy');
    expect(trail.map((e) => `${e.step} by ${e.person} → ${e.state}`)).toEqual([
      'Review opened by Dana → in-review',
      'Approved by Ann → in-review',
      'Approved by Bo → approved',
      'Published by Dana → published',
    ]);
    expect(trail[0]?.note).toBe('Retention shortened to 12 months.');
    expect(trail.every((e) => e.edition === edition)).toBe(true);
    // No signing key is configured in the test's repository: nothing is marked signed.
    expect(trail.some((e) => e.signed)).toBe(false);
    // git itself shows the same trail.
    expect(git('log', '--format=%(trailers:key=Policywright-Review-Step,valueonly)%an', '-4').trim().split('\n').filter(Boolean)).toEqual([
      'Published', 'Dana', 'Approved', 'Bo', 'Approved', 'Ann', 'Review opened', 'Dana',
    ]);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'workflow', 'privacy-policy.json'), 'utf8'))).toMatchObject({ state: 'published' });
  });

  it('refuses a step the workflow does not allow in one sentence, and writes and commits nothing', async () => {
    const store = ProjectWorkflow.for(dir);
    await expect(store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'))).rejects.toThrow(
      'The document is a draft, not in review; there is nothing to decide.',
    );
    await expect(fs.stat(path.join(dir, 'workflow'))).rejects.toThrow();
    expect(await store.trail('privacy-policy')).toEqual([]);
  });

  it('puts the file back when the commit cannot be made: no step without its commit', async () => {
    const store = ProjectWorkflow.for(dir);
    vi.spyOn(historyCommit, 'commitProjectFiles').mockRejectedValueOnce(new Error('disk full'));
    await expect(store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, open())).rejects.toThrow('disk full');
    await expect(fs.stat(path.join(dir, 'workflow', 'privacy-policy.json'))).rejects.toThrow();
    expect((await store.read('privacy-policy')).workflow.state).toBe('draft');
  });

  it('lists the same steps with the git command the audit report gives auditors', async () => {
    const store = ProjectWorkflow.for(dir);
    await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, open());
    await store.apply('cookie-policy', { name: 'Review opened', person: 'Dana' }, open());
    await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'));
    // The command as a shell would read it: its quotes taken off.
    const args = trailGitCommand('privacy-policy').slice(1).map((arg) => arg.replace(/'/g, ''));
    // git writes the time in the committer's zone: read as an instant, as the trail holds it.
    const rows = git(...args)
      .trim()
      .split('\n')
      .map((line) => /^(\S+) (\S+) (.*)$/.exec(line)?.slice(1) ?? [])
      .map(([commit, time, rest]) => `${commit} ${new Date(time ?? '').toISOString()} ${rest}`);
    const trail = await store.trail('privacy-policy');
    expect(rows).toEqual(trail.map((e) => `${e.commit} ${e.at} ${e.person}: ${e.step}`));
  });

  it('names the people who have worked in the project, most recent first, for a review to pick from', async () => {
    const store = ProjectWorkflow.for(dir);
    expect(await store.people()).toEqual([]);
    await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, open());
    await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'));
    await fs.appendFile(path.join(dir, 'NOTES.md'), 'Team notes\n');
    git('add', 'NOTES.md');
    git('-c', 'user.name=Cli Person', '-c', 'user.email=cli@example.com', 'commit', '-qm', 'Notes');
    expect(await store.people()).toEqual(['Cli Person', 'Ann', 'Dana']);
  });

  it('reads the trail across commits made with command-line git in between', async () => {
    const store = ProjectWorkflow.for(dir);
    await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, open());
    await fs.appendFile(path.join(dir, 'NOTES.md'), 'Team notes\n');
    git('add', 'NOTES.md');
    git('-c', 'user.name=CLI', '-c', 'user.email=cli@example.com', 'commit', '-qm', 'Notes');
    await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'));
    expect((await store.trail('privacy-policy')).map((e) => e.step)).toEqual(['Review opened', 'Approved']);
  });

  it('says so when the state file was changed outside Policywright, and records no step on it', async () => {
    const store = ProjectWorkflow.for(dir);
    await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, open());
    const file = path.join(dir, 'workflow', 'privacy-policy.json');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"in-review"', '"approved"'));
    const { problem } = await store.read('privacy-policy');
    expect(problem).toBe(
      'The review state of "privacy-policy" (workflow/privacy-policy.json) differs from the one its history records; it was changed outside Policywright, so it is not shown as recorded.',
    );
    await expect(store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, approve('Ann'))).rejects.toThrow(problem as string);
  });

  it('takes the edition from the document’s text: an edit gives a new one', async () => {
    const store = ProjectWorkflow.for(dir);
    const before = (await store.read('privacy-policy')).edition;
    const project = await Project.open(dir);
    const { document, stamp } = await project.readDocument('privacy-policy');
    await project.saveDocument('privacy-policy', { ...document, owner: 'Privacy team' }, stamp);
    const after = (await store.read('privacy-policy')).edition;
    expect(after).toMatch(/^[0-9a-f]{40}$/);
    expect(after).not.toBe(before);
  });
});
