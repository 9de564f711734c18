import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policy } from '../../shared/testing/builders';
import { Project } from '../store/project';
import { HAS_HTTP_BACKEND, useTestGitServer } from '../sync/test-git-server';
import { cli } from './test-cli';

// The CLI's sync and clone against a real git server, with credentials from the environment as a team's CI gives them.
const env = useTestGitServer('pw-cli-sync-', { ann: 'secret-a' });
afterEach(() => {
  vi.unstubAllEnvs();
});

function asAnn(password = 'secret-a'): void {
  vi.stubEnv('POLICYWRIGHT_HOME', path.join(env.tmp, 'home'));
  vi.stubEnv('POLICYWRIGHT_GIT_USERNAME', 'ann');
  vi.stubEnv('POLICYWRIGHT_GIT_PASSWORD', password);
  vi.stubEnv('POLICYWRIGHT_GIT_TOKEN', '');
}

describe.skipIf(!HAS_HTTP_BACKEND)('policywright sync and clone (needs git http-backend)', () => {
  it('shares a project, clones it, and says when all is up to date', async () => {
    asAnn();
    const url = await env.server.createRepo('cli.git');
    const dir = path.join(env.tmp, 'cli-project');
    await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    expect(await cli('sync', dir, '--remote', url, '--author', 'Ann')).toEqual({ code: 0, out: 'Synced: sent 1 change(s), received 0 change(s).\n', err: '' });
    expect(await cli('sync', dir, '--author', 'Ann')).toEqual({ code: 0, out: 'Up to date.\n', err: '' });
    expect(await cli('sync', dir, '--status')).toEqual({ code: 0, out: 'Up to date (as of the last sync).\n', err: '' });
    const clone = path.join(env.tmp, 'cli-clone');
    const cloned = await cli('clone', url, clone);
    expect(cloned.code).toBe(0);
    expect(cloned.out).toMatch(/^Cloned http:\/\/127\.0\.0\.1:\d+\/cli\.git into .*cli-clone \(2 project file\(s\)\)\.\n$/);
    expect(await fs.readFile(path.join(clone, 'policywright.json'), 'utf8')).toBe(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8'));
  });

  it('exits 2 with one sentence for refused credentials and for a server that is away', async () => {
    const url = await env.server.createRepo('cli-refused.git');
    const dir = path.join(env.tmp, 'cli-refused');
    await Project.create(dir, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    asAnn('wrong');
    expect(await cli('sync', dir, '--remote', url)).toEqual({ code: 2, out: '', err: `policywright: The server at ${env.server.url} refused the user name or password.\n` });
    asAnn();
    await env.server.stop();
    try {
      const offline = await cli('sync', dir);
      expect(offline.code).toBe(2);
      expect(offline.err).toMatch(/^policywright: The server at .* cannot be reached \(offline\?\); your work is kept here and will be synced later\.\n$/);
    } finally {
      await env.server.start();
    }
    expect((await cli('sync', dir)).code).toBe(0);
  });

  it('exits 1 naming the file on a conflict, and 0 once it is resolved', async () => {
    asAnn();
    const url = await env.server.createRepo('cli-conflict.git');
    const mine = path.join(env.tmp, 'cli-conflict-mine');
    const theirs = path.join(env.tmp, 'cli-conflict-theirs');
    await Project.create(mine, 'Policies', [{ id: 'privacy-policy', doc: policy([]) }]);
    await cli('sync', mine, '--remote', url, '--author', 'Ann');
    await cli('clone', url, theirs);
    const manifest = (dir: string, name: string) => fs.writeFile(path.join(dir, 'policywright.json'), `${JSON.stringify({ format: 1, name, documents: ['privacy-policy'] }, null, 2)}\n`);
    await manifest(theirs, 'Their name');
    await manifest(mine, 'My name');
    expect((await cli('sync', theirs, '--author', 'Bob')).code).toBe(0);
    const conflict = await cli('sync', mine, '--author', 'Ann');
    expect(conflict.code).toBe(1);
    expect(conflict.out).toMatch(/^Conflict: policywright\.json was changed at the same place by you and a colleague; the file holds your text\. Resolve with: policywright sync ".*" --resolve policywright\.json --take mine\|theirs\n$/);
    expect((await cli('sync', mine, '--status')).code).toBe(1);
    expect(await cli('sync', mine, '--resolve', 'policywright.json', '--take', 'theirs', '--author', 'Ann')).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(await fs.readFile(path.join(mine, 'policywright.json'), 'utf8')).name).toBe('Their name');
    expect((await cli('sync', mine, '--status')).out).toBe('Up to date (as of the last sync).\n');
  });

  it('refuses a URL with a password in it before anything is made', async () => {
    asAnn();
    const target = path.join(env.tmp, 'cli-never');
    const result = await cli('clone', `${env.server.url.replace('//', '//ann:secret-a@')}/cli.git`, target);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/user name or password in it/);
    expect(result.err).not.toContain('secret-a');
    await expect(fs.stat(target)).rejects.toThrow();
  });
});
