import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { HAS_HTTP_BACKEND, startTestGitServer, type TestGitServer } from './git-http-server';

// The server itself is in git-http-server.ts (no test runner in it), which the bench uses too.
export { HAS_HTTP_BACKEND, startTestGitServer, type TestGitServer };

/**
 * A server for the tests of one file: started before them, with a temporary folder (`tmp`) that holds its
 * repositories under server/ and whatever else the tests make; closed and removed after them.
 */
export function useTestGitServer(prefix: string, users: Readonly<Record<string, string>>): { readonly tmp: string; readonly server: TestGitServer } {
  const env = {} as { tmp: string; server: TestGitServer };
  beforeAll(async () => {
    if (!HAS_HTTP_BACKEND) return;
    env.tmp = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    await fs.mkdir(path.join(env.tmp, 'server'));
    env.server = await startTestGitServer(path.join(env.tmp, 'server'), users);
  });
  afterAll(async () => {
    if (!HAS_HTTP_BACKEND) return;
    await env.server.close();
    await fs.rm(env.tmp, { recursive: true, force: true });
  });
  return env;
}
