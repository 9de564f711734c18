import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decide, openReview } from '../../shared/workflow/machine';
import { ProjectHistory } from './history';
import { Project } from './project';
import { loadSampleDocuments } from './sample';
import { signerFor } from './signing';
import { ProjectWorkflow } from './workflow-store';

const HAS_GPG = spawnSync('gpg', ['--version']).status === 0 && spawnSync('git', ['--version']).status === 0;

describe.skipIf(!HAS_GPG)('signed review steps and versions (needs gpg and git)', () => {
  let tmp: string;
  let dir: string;
  let fingerprint: string;
  const savedHome = process.env.GNUPGHOME;
  const run = (cmd: string, args: string[], cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const verify = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: process.env });

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-signing-'));
    const gnupg = path.join(tmp, 'gnupg');
    await fs.mkdir(gnupg, { mode: 0o700 });
    process.env.GNUPGHOME = gnupg;
    // A throwaway key without a passphrase, made for this test alone.
    run('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'Policy Approver <approver@example.com>', 'ed25519', 'sign', 'never'], tmp);
    fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(run('gpg', ['--batch', '--with-colons', '--list-secret-keys'], tmp))?.[1] ?? '';
    expect(fingerprint).toMatch(/^[0-9A-F]{40}$/);
  }, 60_000);
  afterAll(async () => {
    if (savedHome === undefined) delete process.env.GNUPGHOME;
    else process.env.GNUPGHOME = savedHome;
    spawnSync('gpgconf', ['--kill', 'gpg-agent']);
    await fs.rm(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmp, 'project-'));
    await fs.rm(dir, { recursive: true });
    await Project.create(dir, 'Policies', await loadSampleDocuments());
  });

  const approveSteps = async () => {
    const store = ProjectWorkflow.for(dir);
    await store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, (wf, edition) => openReview(wf, { summary: 'S', reviewers: [], approvers: ['Ann'], edition }));
    await store.apply('privacy-policy', { name: 'Approved', person: 'Ann' }, (wf, edition) =>
      decide(wf, { person: 'Ann', decision: 'approve', note: '', at: '2026-03-01T10:00:00.000Z', edition }),
    );
  };

  it('signs each review step’s commit and each version’s tag with the configured key, which git verifies', async () => {
    await ProjectHistory.for(dir).saveVersion({ name: 'Unsigned', note: '', kind: 'editorial', author: 'Dana' });
    run('git', ['config', 'user.signingkey', fingerprint]);
    await approveSteps();
    const version = await ProjectHistory.for(dir).saveVersion({ name: 'Published', note: 'Approved by Ann.', kind: 'substantive', author: 'Dana' });

    const approval = verify('verify-commit', '--raw', 'HEAD~1');
    expect(approval.status, approval.stderr).toBe(0);
    expect(approval.stderr).toContain(`VALIDSIG ${fingerprint}`);
    expect(verify('log', '-1', '--format=%s', 'HEAD~1').stdout.trim()).toBe('Approved: privacy-policy');
    const tag = verify('verify-tag', '--raw', version.tag);
    expect(tag.status, tag.stderr).toBe(0);
    expect(tag.stderr).toContain(`VALIDSIG ${fingerprint}`);
    // Before the key was configured nothing was signed, and nothing says it was.
    expect(verify('verify-tag', (await ProjectHistory.for(dir).findVersion('Unsigned')).tag).status).not.toBe(0);
    // The trail reads the same from signed commits.
    expect((await ProjectWorkflow.for(dir).trail('privacy-policy')).map((e) => `${e.step} ${e.signed}`)).toEqual(['Review opened true', 'Approved true']);
  });

  it('refuses a step whose signature cannot be made, in one sentence, and records nothing', async () => {
    run('git', ['init', '-q']);
    run('git', ['config', 'user.signingkey', 'no-such-key@example.com']);
    const store = ProjectWorkflow.for(dir);
    await expect(
      store.apply('privacy-policy', { name: 'Review opened', person: 'Dana' }, (wf, edition) => openReview(wf, { summary: 'S', reviewers: [], approvers: ['Ann'], edition })),
    ).rejects.toThrow(/^Signing with the key no-such-key@example\.com \(git config user\.signingkey\) failed: .+, so nothing was recorded; fix the key or unset it\.$/);
    expect((await store.read('privacy-policy')).workflow.state).toBe('draft');
    expect(await store.trail('privacy-policy')).toEqual([]);
  });

  it('signs nothing where SSH signing is configured, which Policywright does not do', async () => {
    run('git', ['init', '-q']);
    run('git', ['config', 'user.signingkey', fingerprint]);
    run('git', ['config', 'gpg.format', 'ssh']);
    await approveSteps();
    expect(verify('cat-file', '-p', 'HEAD').stdout).not.toContain('gpgsig');
  });

  it('refuses, in one sentence, a signature whose gpg exits before it reads the payload, and the app goes on', async () => {
    // A gpg that refuses at once, first on the PATH: writing a payload larger than a pipe holds to it fails with EPIPE.
    const bin = await fs.mkdtemp(path.join(tmp, 'bin-'));
    await fs.writeFile(path.join(bin, 'gpg'), '#!/bin/sh\necho "gpg: signing failed: No secret key" >&2\nexit 2\n', { mode: 0o755 });
    run('git', ['init', '-q']);
    run('git', ['config', 'user.signingkey', 'approver@example.com']);
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    try {
      const sign = await signerFor({ git: { fs: await import('node:fs'), dir, cache: {} }, project: '' });
      expect(sign).not.toBeNull();
      for (let i = 0; i < 5; i++) {
        await expect(sign!('x'.repeat(4 << 20))).rejects.toThrow(
          /^Signing with the key approver@example\.com \(git config user\.signingkey\) failed: gpg: signing failed: No secret key, so nothing was recorded; fix the key or unset it\.$/,
        );
      }
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
