import { execFileSync, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorOf } from '../../shared/testing/error-of';
import { introPolicy } from '../../shared/testing/builders';
import { UserError } from './errors';
import { ProjectHistory, type VersionInfo } from './history';
import { formatVersionMessage, parseVersionMessage, slugOf } from './history-message';
import { Project } from './project';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-history-'));
});

afterEach(async () => {
  vi.useRealTimers();
  await fs.rm(tmp, { recursive: true, force: true });
});

const hasGit = spawnSync('git', ['--version']).status === 0;

/** System git, with no user or system configuration that could change its output. */
function sysGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: 'cat', LANG: 'C' },
  });
}

async function makeProject(dir: string): Promise<Project> {
  return Project.create(dir, 'Acme Policies', [
    { id: 'privacy-policy', doc: introPolicy('Privacy Policy', 'We collect little.') },
    { id: 'cookie-policy', doc: introPolicy('Cookie Policy', 'We use one cookie.') },
  ]);
}

const PRIVACY = 'documents/privacy-policy.policy.json';
const COOKIES = 'documents/cookie-policy.policy.json';

/** A UserError is shown as it is: one sentence, one line. */
function expectOneSentence(error: Error, pattern: RegExp): void {
  expect(error).toBeInstanceOf(UserError);
  expect(error.message).toMatch(pattern);
  expect(error.message).not.toContain('\n');
  expect(error.message).toMatch(/\.$/);
}

async function filesIn(dir: string, commit: string): Promise<string[]> {
  return (await git.listFiles({ fs: nodeFs, dir, ref: commit })).sort();
}

describe('ProjectHistory: saving and reading versions', () => {
  it('saves two versions with an edit between, lists them newest first, and reads each document back byte for byte', async () => {
    const dir = path.join(tmp, 'acme');
    const project = await makeProject(dir);
    const history = ProjectHistory.for(dir);
    const before = Math.floor(Date.now() / 1000) * 1000;

    const first = await history.saveVersion({ name: '2026-01 First edition', note: 'As published.', kind: 'substantive', author: 'Dana Whitfield', documentId: 'privacy-policy' });
    const privacyThen = await fs.readFile(path.join(dir, PRIVACY), 'utf8');
    const manifestThen = await fs.readFile(path.join(dir, 'policywright.json'), 'utf8');

    await project.saveDocument('privacy-policy', introPolicy('Privacy Policy', 'We collect little.', 'Our DPO is dpo@acme.example.'), (await project.readDocument('privacy-policy')).stamp);
    await project.addDocument(introPolicy('Terms of Service', 'Be nice.'));
    const second = await history.saveVersion({ name: '2026-02 GDPR update', note: 'Adds the DPO.\n\nAnd the terms.', kind: 'editorial', author: 'Ana Müller' });
    const privacyNow = await fs.readFile(path.join(dir, PRIVACY), 'utf8');
    expect(privacyNow).not.toBe(privacyThen);

    expect(first).toEqual({
      name: '2026-01 First edition',
      tag: '2026-01-first-edition',
      note: 'As published.',
      kind: 'substantive',
      author: 'Dana Whitfield',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/) as unknown,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown,
      documentIds: ['privacy-policy', 'cookie-policy'],
      documentId: 'privacy-policy',
    });
    expect(Date.parse(first.createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(second.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(second).toMatchObject({ tag: '2026-02-gdpr-update', note: 'Adds the DPO.\n\nAnd the terms.', kind: 'editorial', author: 'Ana Müller' });
    expect(second).not.toHaveProperty('documentId');
    expect(second.documentIds).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);

    expect(await history.listVersions()).toEqual([second, first]);
    expect(await ProjectHistory.for(dir).findVersion('2026-02 gdpr UPDATE')).toEqual(second);

    expect(await history.readFileAt(first, PRIVACY)).toBe(privacyThen);
    expect(await history.readFileAt(second, PRIVACY)).toBe(privacyNow);
    expect(await history.readFileAt(first, 'policywright.json')).toBe(manifestThen);
    expect(await history.readFileAt(first, 'documents/terms-of-service.policy.json')).toBeNull();

    // Each version is its own commit, the second on top of the first, on branch main.
    const [head] = await git.log({ fs: nodeFs, dir, depth: 1 });
    expect(head?.oid).toBe(second.commit);
    expect(head?.commit.parent).toEqual([first.commit]);
    expect(await git.currentBranch({ fs: nodeFs, dir })).toBe('main');
  });

  it('keeps its history when the project folder is copied elsewhere', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const saved = await ProjectHistory.for(dir).saveVersion({ name: 'v1', note: 'Before the move.', kind: 'editorial', author: 'Dana' });
    const copy = path.join(tmp, 'elsewhere', 'acme-copy');
    await fs.cp(dir, copy, { recursive: true });
    await fs.rm(dir, { recursive: true });
    const history = ProjectHistory.for(copy);
    expect(await history.listVersions()).toEqual([saved]);
    expect(await history.readFileAt(saved, PRIVACY)).toBe(await fs.readFile(path.join(copy, PRIVACY), 'utf8'));
  });

  it('keeps the note, the kind and the document in the commit and tag messages, readable and parsed back', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const note = 'Line one.\r\nPolicywright-Kind: editorial\n\nA trailer-like paragraph:\nKey: value';
    const saved = await ProjectHistory.for(dir).saveVersion({ name: ' Q1 review ', note, kind: 'substantive', author: 'Dana', documentId: 'cookie-policy' });
    expect(saved).toMatchObject({ name: 'Q1 review', note: 'Line one.\nPolicywright-Kind: editorial\n\nA trailer-like paragraph:\nKey: value', kind: 'substantive' });
    const message = [
      'Q1 review',
      '',
      'Line one.',
      'Policywright-Kind: editorial',
      '',
      'A trailer-like paragraph:',
      'Key: value',
      '',
      'Policywright-Version: Q1 review',
      'Policywright-Kind: substantive',
      'Policywright-Document: cookie-policy',
      '',
    ].join('\n');
    expect((await git.readCommit({ fs: nodeFs, dir, oid: saved.commit })).commit.message).toBe(message);
    const tagOid = await git.resolveRef({ fs: nodeFs, dir, ref: 'refs/tags/q1-review' });
    const { tag } = await git.readTag({ fs: nodeFs, dir, oid: tagOid });
    expect(tag.message).toBe(message);
    expect(tag.tagger).toMatchObject({ name: 'Dana', email: 'dana@policywright.invalid' });
  });

  it('refuses a name already used, whatever its case, and a name whose tag would collide, committing nothing', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const history = ProjectHistory.for(dir);
    const saved = await history.saveVersion({ name: 'GDPR Update', note: '', kind: 'editorial', author: 'Dana' });

    const again = await errorOf(history.saveVersion({ name: 'gdpr update', note: '', kind: 'editorial', author: 'Dana' }));
    expectOneSentence(again, /already a version named "GDPR Update"/);
    const sameTag = await errorOf(history.saveVersion({ name: 'GDPR-update!', note: '', kind: 'editorial', author: 'Dana' }));
    expectOneSentence(sameTag, /git tag "gdpr-update", which version "GDPR Update" already has/);

    expect((await git.log({ fs: nodeFs, dir })).map((c) => c.oid)).toEqual([saved.commit]);
    expect(await git.listTags({ fs: nodeFs, dir })).toEqual(['gdpr-update']);
    expect(await history.listVersions()).toEqual([saved]);

    // Letters without an ASCII spelling go into the tag as a hash, of the name with its case folded.
    const chinese = await history.saveVersion({ name: 'Änderung 更新', note: '', kind: 'editorial', author: 'Dana' });
    expect(chinese.tag).toMatch(/^anderung-[0-9a-f]{8}$/);
    expectOneSentence(await errorOf(history.saveVersion({ name: 'äNDERUNG 更新', note: '', kind: 'editorial', author: 'Dana' })), /already a version named "Änderung 更新"/);
    expect((await history.saveVersion({ name: 'Änderung 修订', note: '', kind: 'editorial', author: 'Dana' })).tag).not.toBe(chinese.tag);
  });

  it('refuses an empty name, a name over 120 characters, control characters, a bad kind or author, before touching the folder', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const history = ProjectHistory.for(dir);
    const base = { name: 'ok', note: '', kind: 'editorial' as const, author: 'Dana' };
    expectOneSentence(await errorOf(history.saveVersion({ ...base, name: '   ' })), /needs a name/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, name: 'x'.repeat(121) })), /at most 120 characters; "x{40}…" has 121/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, name: 'two\nlines' })), /control characters/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, name: 'tab\there' })), /control characters/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, name: 'evil\u202eeman' })), /control characters/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, note: 'bell\u0007' })), /note cannot contain control characters/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, kind: 'major' as 'editorial' })), /editorial or substantive, not "major"/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, author: 'Dana <dana@acme.example>' })), /author name cannot contain "<"/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, author: ' ' })), /needs an author/);
    expectOneSentence(await errorOf(history.saveVersion({ ...base, documentId: 'nope' })), /no document "nope"/);
    expect(await history.saveVersion({ ...base, name: 'x'.repeat(120) })).toMatchObject({ name: 'x'.repeat(120) });
  });

  it('does not init git for a refused save, nor for a folder that is not a project', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    await errorOf(ProjectHistory.for(dir).saveVersion({ name: '', note: '', kind: 'editorial', author: 'Dana' }));
    await fs.mkdir(path.join(tmp, 'empty'));
    const notProject = await errorOf(ProjectHistory.for(path.join(tmp, 'empty')).saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' }));
    expectOneSentence(notProject, /not a Policywright project/);
    expect((await fs.readdir(dir)).sort()).toEqual(['documents', 'policywright.json']);
    expect(await fs.readdir(path.join(tmp, 'empty'))).toEqual([]);
  });

  it('commits only the project files, leaving other files in the folder untracked', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const extra = {
      'notes.txt': 'my notes',
      'exports/privacy.html': '<p>export</p>',
      'documents/draft.docx': 'PK',
      'documents/Bad_Name.policy.json': '{}',
      'documents/.privacy-policy.policy.json.0a1b2c.tmp': 'half a save',
      'clauses/gdpr/retention.json': '{"text":"Keep data 30 days."}',
      'clauses/index.json': '[]',
      'clauses/.DS_Store': 'x',
      'clauses/.cache/a.json': 'x',
    };
    for (const [file, text] of Object.entries(extra)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), text);
    }
    const saved = await ProjectHistory.for(dir).saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    const committed = ['clauses/gdpr/retention.json', 'clauses/index.json', COOKIES, PRIVACY, 'policywright.json'];
    expect(await filesIn(dir, saved.commit)).toEqual(committed);
    expect((await git.listFiles({ fs: nodeFs, dir })).sort()).toEqual(committed);
    expect(await ProjectHistory.for(dir).readFileAt(saved, 'clauses/gdpr/retention.json')).toBe(extra['clauses/gdpr/retention.json']);
    expectOneSentence(await errorOf(ProjectHistory.for(dir).readFileAt(saved, 'notes.txt')), /"notes\.txt" is not a project file/);
    expectOneSentence(await errorOf(ProjectHistory.for(dir).readFileAt(saved, '../x/policywright.json')), /not a project file/);
  });

  it('shows a deleted document file as absent at the later version, and keeps it at the earlier one', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    await fs.mkdir(path.join(dir, 'clauses'));
    await fs.writeFile(path.join(dir, 'clauses', 'old.json'), '{}');
    const history = ProjectHistory.for(dir);
    const first = await history.saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    const cookies = await fs.readFile(path.join(dir, COOKIES), 'utf8');
    await fs.rm(path.join(dir, COOKIES));
    await fs.rm(path.join(dir, 'clauses'), { recursive: true });
    const second = await history.saveVersion({ name: 'v2', note: 'Cookie policy withdrawn.', kind: 'substantive', author: 'Dana' });

    expect(await history.readFileAt(first, COOKIES)).toBe(cookies);
    expect(await history.readFileAt(second, COOKIES)).toBeNull();
    expect(await history.readFileAt(second, 'clauses/old.json')).toBeNull();
    expect(first.documentIds).toEqual(['privacy-policy', 'cookie-policy']);
    expect(second.documentIds).toEqual(['privacy-policy']);
    expect(await filesIn(dir, second.commit)).toEqual([PRIVACY, 'policywright.json']);
    expect((await git.listFiles({ fs: nodeFs, dir })).sort()).toEqual([PRIVACY, 'policywright.json']);
  });

  it('records a version even when nothing changed, and orders versions saved in the same second by history', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-03T10:11:12.345Z'));
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const history = ProjectHistory.for(dir);
    // Names chosen so that neither name nor tag order agrees with the order of saving.
    const saved: VersionInfo[] = [];
    for (const name of ['c', 'a', 'b']) saved.push(await history.saveVersion({ name, note: '', kind: 'editorial', author: 'Dana' }));
    expect(new Set(saved.map((v) => v.commit)).size).toBe(3);
    expect(saved.map((v) => v.createdAt)).toEqual(Array(3).fill('2026-02-03T10:11:12.000Z'));
    expect((await history.listVersions()).map((v) => v.name)).toEqual(['b', 'a', 'c']);
  });

  it('serializes concurrent saves: both land, one on top of the other; a concurrent duplicate is refused', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const input = { note: '', kind: 'editorial' as const, author: 'Dana' };
    const [a, b] = await Promise.all([
      ProjectHistory.for(dir).saveVersion({ ...input, name: 'alpha' }),
      ProjectHistory.for(dir).saveVersion({ ...input, name: 'beta' }),
    ]);
    const parents = (await git.readCommit({ fs: nodeFs, dir, oid: b?.commit ?? '' })).commit.parent;
    expect(parents).toEqual([a?.commit]);
    const results = await Promise.allSettled([
      ProjectHistory.for(dir).saveVersion({ ...input, name: 'gamma' }),
      ProjectHistory.for(dir).saveVersion({ ...input, name: 'Gamma' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await git.listTags({ fs: nodeFs, dir })).sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('finds a version by name, and says which exist when it cannot', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const history = ProjectHistory.for(dir);
    expectOneSentence(await errorOf(history.findVersion('v1')), /no version "v1": .* has no saved versions yet/);
    expect(await history.listVersions()).toEqual([]);
    await history.saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    await history.saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' });
    expectOneSentence(await errorOf(history.findVersion('v3')), /no version "v3" in .*; the newest of its 2 version\(s\) is "v2"/);
    const long = await errorOf(history.findVersion('y'.repeat(5000)));
    expect(long.message.length).toBeLessThan(300);
  });

  it('ignores tags it did not write: lightweight tags and annotated tags without its trailers', async () => {
    const dir = path.join(tmp, 'acme');
    await makeProject(dir);
    const history = ProjectHistory.for(dir);
    const saved = await history.saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    await git.tag({ fs: nodeFs, dir, ref: 'light' });
    await git.annotatedTag({ fs: nodeFs, dir, ref: 'release-1', message: 'Release 1\n\nSigned-off-by: Someone', tagger: { name: 'Rel', email: 'rel@acme.example' } });
    expect(await history.listVersions()).toEqual([saved]);
    const clash = await errorOf(history.saveVersion({ name: 'Release 1', note: '', kind: 'editorial', author: 'Dana' }));
    expectOneSentence(clash, /clashes with the tag "release-1" already in the repository/);
  });

  it('names tags with lowercase ASCII slugs, hashing what has no ASCII spelling', () => {
    expect(slugOf('2026-02 GDPR update')).toBe('2026-02-gdpr-update');
    expect(slugOf('Datenschutz: Änderung der Straße')).toBe('datenschutz-anderung-der-strasse');
    expect(slugOf('Q1 ... review!!')).toBe('q1-review');
    expect(slugOf('隐私政策 更新')).toMatch(/^v-[0-9a-f]{8}$/);
    expect(slugOf('GDPR 更新')).toMatch(/^gdpr-[0-9a-f]{8}$/);
    expect(slugOf('GDPR 更新')).not.toBe(slugOf('GDPR 修订'));
    const long = slugOf('word '.repeat(24));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^word-word-.*-[0-9a-f]{8}$/);
  });

  it('parses back only the messages it formats', () => {
    const text = { name: 'v1', note: 'A\n\nB', kind: 'substantive' as const, documentId: 'privacy-policy', project: 'legal' };
    expect(parseVersionMessage(`${formatVersionMessage(text)}\n`)).toEqual(text);
    expect(parseVersionMessage(formatVersionMessage({ name: 'v1', note: '', kind: 'editorial', project: '' }))).toEqual({ name: 'v1', note: '', kind: 'editorial', project: '' });
    expect(parseVersionMessage('Release 1\n')).toBeNull();
    expect(parseVersionMessage('v1\n\nPolicywright-Version: v1\nPolicywright-Kind: major\n')).toBeNull();
  });
});

describe('ProjectHistory inside an existing repository', () => {
  it('uses the team repository, with paths from its root, and leaves the team’s other staged work alone', async () => {
    const team = path.join(tmp, 'team');
    await fs.mkdir(path.join(team, 'src'), { recursive: true });
    await git.init({ fs: nodeFs, dir: team, defaultBranch: 'trunk' });
    await fs.writeFile(path.join(team, 'README.md'), '# Team\n');
    await git.add({ fs: nodeFs, dir: team, filepath: 'README.md' });
    const teamCommit = await git.commit({ fs: nodeFs, dir: team, message: 'Start', author: { name: 'Team', email: 'team@acme.example' } });
    await fs.writeFile(path.join(team, 'src', 'app.ts'), 'staged, not committed');
    await git.add({ fs: nodeFs, dir: team, filepath: 'src/app.ts' });

    const dir = path.join(team, 'legal', 'policies');
    await makeProject(dir);
    await fs.writeFile(path.join(dir, 'README.md'), 'not a project file');
    const history = ProjectHistory.for(dir);
    const saved = await history.saveVersion({ name: '2026-02 GDPR update', note: '', kind: 'substantive', author: 'Dana' });

    expect(nodeFs.existsSync(path.join(dir, '.git'))).toBe(false);
    expect(saved.tag).toBe('legal-policies/2026-02-gdpr-update');
    expect(saved.documentIds).toEqual(['privacy-policy', 'cookie-policy']);
    expect(await filesIn(team, saved.commit)).toEqual(['README.md', `legal/policies/${COOKIES}`, `legal/policies/${PRIVACY}`, 'legal/policies/policywright.json']);
    expect((await git.readCommit({ fs: nodeFs, dir: team, oid: saved.commit })).commit).toMatchObject({
      parent: [teamCommit],
      message: expect.stringContaining('\nPolicywright-Project: legal/policies\n') as unknown,
    });
    expect(await git.resolveRef({ fs: nodeFs, dir: team, ref: 'trunk' })).toBe(saved.commit);
    expect(await git.listFiles({ fs: nodeFs, dir: team })).toContain('src/app.ts');
    expect(await history.readFileAt(saved, PRIVACY)).toBe(await fs.readFile(path.join(dir, PRIVACY), 'utf8'));
    expect(await history.listVersions()).toEqual([saved]);

    // Another project in the same repository has its own versions, names and all.
    const other = path.join(team, 'other');
    await makeProject(other);
    expect(await ProjectHistory.for(other).listVersions()).toEqual([]);
    const theirs = await ProjectHistory.for(other).saveVersion({ name: '2026-02 GDPR update', note: '', kind: 'editorial', author: 'Lee' });
    expect(theirs.tag).toBe('other/2026-02-gdpr-update');
    expect(await filesIn(team, theirs.commit)).toContain(`legal/policies/${PRIVACY}`);
    expect(await history.listVersions()).toEqual([saved]);
  });

  it.skipIf(!hasGit)('refuses a git worktree in one sentence (needs system git to make the worktree)', async () => {
    const main = path.join(tmp, 'main');
    await makeProject(main);
    await ProjectHistory.for(main).saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
    const worktree = path.join(tmp, 'wt');
    sysGit(main, 'worktree', 'add', '-q', '-b', 'review', worktree);
    const error = await errorOf(ProjectHistory.for(worktree).saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' }));
    expectOneSentence(error, /is a git worktree/);
  });
});

// The point of keeping history in git is that plain git reads it; where git is not installed there is nothing to check.
describe.skipIf(!hasGit)('what system git sees', () => {
  it('git log, git show, git status and git fsck agree with the saved versions', async () => {
    const dir = path.join(tmp, 'acme');
    const project = await makeProject(dir);
    await fs.writeFile(path.join(dir, 'notes.txt'), 'mine');
    const history = ProjectHistory.for(dir);
    await history.saveVersion({ name: '2026-01 First edition', note: 'As published.', kind: 'substantive', author: 'Dana Whitfield' });
    const privacyThen = await fs.readFile(path.join(dir, PRIVACY), 'utf8');
    await project.saveDocument('privacy-policy', introPolicy('Privacy Policy', 'Changed.'), (await project.readDocument('privacy-policy')).stamp);
    await history.saveVersion({ name: '2026-02 GDPR update', note: '', kind: 'editorial', author: 'Ana Müller' });

    expect(sysGit(dir, 'log', '--format=%s')).toBe('2026-02 GDPR update\n2026-01 First edition\n');
    expect(sysGit(dir, 'log', '--format=%an <%ae>|%(trailers:key=Policywright-Kind,valueonly,separator=)')).toBe(
      'Ana Müller <ana-muller@policywright.invalid>|editorial\nDana Whitfield <dana-whitfield@policywright.invalid>|substantive\n',
    );
    expect(sysGit(dir, 'show', `2026-01-first-edition:${PRIVACY}`)).toBe(privacyThen);
    expect(sysGit(dir, 'cat-file', '-t', '2026-01-first-edition')).toBe('tag\n');
    expect(sysGit(dir, 'tag', '-l', '-n1')).toMatch(/^2026-01-first-edition\s+2026-01 First edition\n2026-02-gdpr-update\s+2026-02 GDPR update\n$/);
    expect(sysGit(dir, 'status', '--porcelain')).toBe('?? notes.txt\n');
    sysGit(dir, 'fsck', '--strict', '--no-progress');
  });
});
