import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { describe, expect, it } from 'vitest';
import { HAS_HTTP_BACKEND, useTestGitServer } from './test-git-server';

// The ground sync stands on: isomorphic-git pushing to and cloning from git's own smart-HTTP server, with
// credentials, and refused without them.
const env = useTestGitServer('pw-git-http-', { ann: 'secret-1' });

const author = { name: 'Ann', email: 'ann@example.com', timestamp: 1_767_225_600, timezoneOffset: 0 };

describe.skipIf(!HAS_HTTP_BACKEND)('git over smart HTTP (test server; needs git http-backend)', () => {
  it('takes a push with credentials, and gives the same commit to a clone', async () => {
    const url = await env.server.createRepo('policies.git');
    const mine = path.join(env.tmp, 'mine');
    await git.init({ fs: nodeFs, dir: mine, defaultBranch: 'main' });
    await fs.writeFile(path.join(mine, 'policywright.json'), '{"format":1}\n');
    await git.add({ fs: nodeFs, dir: mine, filepath: 'policywright.json' });
    const commit = await git.commit({ fs: nodeFs, dir: mine, message: 'First', author });
    const onAuth = () => ({ username: 'ann', password: 'secret-1' });
    const pushed = await git.push({ fs: nodeFs, http, dir: mine, url, ref: 'main', onAuth });
    expect(pushed.ok).toBe(true);

    const theirs = path.join(env.tmp, 'theirs');
    await git.clone({ fs: nodeFs, http, dir: theirs, url, ref: 'main', singleBranch: true, onAuth });
    expect(await git.resolveRef({ fs: nodeFs, dir: theirs, ref: 'HEAD' })).toBe(commit);
    expect(await fs.readFile(path.join(theirs, 'policywright.json'), 'utf8')).toBe('{"format":1}\n');
  });

  it('refuses wrong credentials with HTTP 401', async () => {
    const url = await env.server.createRepo('private.git');
    const before = env.server.stats.unauthorized;
    const error = await git
      .clone({ fs: nodeFs, http, dir: path.join(env.tmp, 'refused'), url, onAuth: () => ({ username: 'ann', password: 'wrong' }) })
      .then(() => null, (e: unknown) => e as { code?: string; data?: { statusCode?: number } });
    expect(error?.code).toBe('HttpError');
    expect(error?.data?.statusCode).toBe(401);
    expect(env.server.stats.unauthorized).toBeGreaterThan(before);
  });
});
