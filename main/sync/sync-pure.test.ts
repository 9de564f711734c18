import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
import { UserError } from '../store/errors';
import { findCredentials, saveCredentials } from './credentials';
import { mergeProjectFile, mergeTakingTheirs } from './merge-files';
import { checkRemoteUrl, isFolderRemote, serverOf } from './remote-url';
import { describeSyncError } from './sync-errors';

describe('remote addresses', () => {
  it('keeps an https address, without a trailing slash', () => {
    expect(checkRemoteUrl(' https://git.example.com/team/policies.git/ ')).toBe('https://git.example.com/team/policies.git');
  });

  it('refuses an address with a user name or password, and does not repeat the password', () => {
    const error = (() => {
      try {
        checkRemoteUrl('https://ann:hunter2@git.example.com/team/policies.git');
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toMatch(/user name or password in it/);
    expect(error?.message).not.toContain('hunter2');
    expect(() => checkRemoteUrl('https://token@git.example.com/x.git')).toThrow(/user name or password/);
  });

  it('refuses what is not http(s), and what is not an address', () => {
    expect(() => checkRemoteUrl('ssh://git:pw@example.com/x.git')).toThrow(/^ssh:\/\/example\.com\/x\.git is not an HTTPS address/);
    expect(() => checkRemoteUrl('team/policies')).toThrow(/not a web address/);
  });

  it('takes a bare repository in a folder as its full path (a path or a file:// URL), where git is installed', () => {
    const installed = () => true;
    expect(checkRemoteUrl('/srv/share/policies.git/', installed)).toBe('/srv/share/policies.git');
    expect(checkRemoteUrl('file:///srv/share/policies.git', installed)).toBe('/srv/share/policies.git');
    expect(() => checkRemoteUrl('/srv/share/policies.git', () => false)).toThrow(
      /^\/srv\/share\/policies\.git is a folder: syncing with a repository in a folder needs git installed on this computer \(git-scm\.com\), or give the git server's HTTPS address instead\.$/,
    );
    expect(isFolderRemote('/srv/share/policies.git')).toBe(true);
    expect(isFolderRemote('https://git.example.com/x.git')).toBe(false);
  });

  it('names the server by scheme, host and port only', () => {
    expect(serverOf('https://git.example.com:8443/team/policies.git')).toBe('https://git.example.com:8443');
  });
});

describe('sync failures in one sentence', () => {
  const url = 'https://git.example.com/team/policies.git';
  it('calls a refused connection offline', () => {
    const error = describeSyncError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url);
    expect(error.kind).toBe('offline');
    expect(error.message).toBe('The server at https://git.example.com cannot be reached (offline?); your work is kept here and will be synced later.');
  });

  it('names refused credentials, and a missing repository', () => {
    expect(describeSyncError({ code: 'HttpError', data: { statusCode: 401 } }, url).message).toBe('The server at https://git.example.com refused the user name or password.');
    expect(describeSyncError({ code: 'HttpError', data: { statusCode: 403 } }, url).kind).toBe('refused');
    expect(describeSyncError({ code: 'HttpError', data: { statusCode: 404 } }, url).message).toMatch(/^There is no repository at https:\/\/git\.example\.com\/team\/policies\.git/);
  });

  it('keeps a person-facing sentence as it is', () => {
    expect(describeSyncError(new UserError('The folder is read-only.'), url).message).toBe('The folder is read-only.');
  });
});

describe('credentials', () => {
  let home: string;
  const url = 'https://git.example.com/team/policies.git';
  beforeEach(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cred-'));
  });
  afterEach(async () => {
    await fs.rm(home, { recursive: true, force: true });
  });

  it('takes them from the environment first: user and password, or a token', async () => {
    expect(await findCredentials(url, home, { POLICYWRIGHT_GIT_USERNAME: 'ann', POLICYWRIGHT_GIT_PASSWORD: 'pw' })).toEqual({ username: 'ann', password: 'pw' });
    expect(await findCredentials(url, home, { POLICYWRIGHT_GIT_TOKEN: 'tok' })).toEqual({ username: 'token', password: 'tok' });
    expect(await findCredentials(url, home, {})).toBeNull();
  });

  it('saves them per server in a file only the user can read, and reads them back', async () => {
    await saveCredentials(url, home, { username: 'ann', password: 'pw' });
    const stats = await fs.stat(path.join(home, 'git-credentials.json'));
    if (process.platform !== 'win32') expect(stats.mode & 0o777).toBe(0o600);
    expect(await findCredentials(url, home, {})).toEqual({ username: 'ann', password: 'pw' });
    expect(await findCredentials('https://other.example.com/x.git', home, {})).toBeNull();
  });

  it.skipIf(process.platform === 'win32')('refuses a credentials file others can read (POSIX modes)', async () => {
    await saveCredentials(url, home, { username: 'ann', password: 'pw' });
    await fs.chmod(path.join(home, 'git-credentials.json'), 0o644);
    await expect(findCredentials(url, home, {})).rejects.toThrow(/can be read by other users.*chmod 600/);
  });
});

describe('merging a project file by what it is', () => {
  const doc = (...texts: string[]) => serializeDocument(policy([h(1, 's-intro0001', 'Introduction'), ...texts.map((t) => p(t))]));
  const name = 'documents/privacy-policy.policy.json';

  it('merges a document by paragraph', () => {
    expect(mergeProjectFile({ name, base: doc('A.', 'B.'), mine: doc('A!', 'B.'), theirs: doc('A.', 'B!') })).toEqual({ text: doc('A!', 'B!'), conflicts: [] });
  });

  it('keeps mine where both changed a place, and theirs when taking theirs, with the other changes in both', () => {
    const file = { name, base: doc('A.', 'B.'), mine: doc('A mine.', 'B.', 'C mine.'), theirs: doc('A theirs.', 'B.') };
    const mine = mergeProjectFile(file);
    expect(mine.text).toBe(doc('A mine.', 'B.', 'C mine.'));
    expect(mine.conflicts.length).toBeGreaterThan(0);
    expect(mergeTakingTheirs(file).text).toBe(doc('A theirs.', 'B.', 'C mine.'));
  });

  it('merges a damaged document as a whole file, as a conflict, rather than failing the sync', () => {
    const merged = mergeProjectFile({ name, base: doc('A.'), mine: '{ not json', theirs: doc('B.') });
    expect(merged.text).toBe('{ not json');
    expect(merged.conflicts).toEqual([{ kind: 'whole-file', base: doc('A.'), mine: '{ not json', theirs: doc('B.') }]);
  });
});
