import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api/contract';
import { serializeDocument, serializeManifest } from '../../shared/format/serialize';
import { chromiumPdf } from '../export/pdf';
import { dispatch } from '../api/dispatch';
import { Workspace, createHandlers, type Handlers } from '../api/handlers';
import { introPolicy } from '../../shared/testing/builders';
import { RecentProjects } from './recent';
import { stampOf } from './document-stamp';
import {
  CANARY,
  everythingCommitted,
  fifoInstead,
  hasMkfifo,
  linkInstead,
  makeLab,
  refsOf,
  snapshot,
  socketInstead,
  sparseInstead,
  type Lab,
} from './hostile-projects';

/**
 * A project folder from someone else, built as an attacker would (links out of and within the project, a `.git` file
 * or link into another repository, pipes, sockets, devices, huge and non-UTF-8 files, device names and names that
 * differ only in case), driven through the same API handlers the app uses. Whatever the folder holds: nothing outside
 * it is read (the canary never comes back) or written (the outside is byte for byte as it was, the other
 * repository's refs have not moved), every refusal is one sentence naming the entry, the rest of the project works,
 * and nothing hangs.
 */

// Symbolic links need privileges on Windows, and pipes and sockets are POSIX: the cases are built on POSIX only.
const posix = process.platform !== 'win32';

let tmp: string;
let handlers: Handlers;
/** Every call about a project names it, as the app does. */
let openProject = '';
let requests = 0;
let refusals = 0;
let casesRun = 0;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-hostile-'));
  handlers = createHandlers(
    { version: 'test', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' },
    new Workspace(),
  );
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

afterAll(() => {
  console.log(`hostile projects: ${casesRun} cases, ${requests} API requests, ${refusals} refusals checked, 0 reads or writes outside`);
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const linkOut = (entry: string) => new RegExp(`^${escape(entry)} is a link to somewhere outside the project; Policywright does not follow links in a project folder\\.$`);
const linkIn = (entry: string) => new RegExp(`^${escape(entry)} is a link to another place in the project; Policywright does not follow links in a project folder\\.$`);
const special = (entry: string, what: string) => new RegExp(`^${escape(entry)} is ${what}, not a file; Policywright reads only ordinary files in a project folder\\.$`);

const clauseEdit = (id: string, text: string) => ({
  id,
  title: `Clause ${id}`,
  status: 'draft',
  tags: { topic: [], jurisdiction: [] },
  blocks: [{ kind: 'paragraph', runs: [{ text }] }],
});

/** The calls the app makes on a project, in the order a person would make them. */
const OPERATIONS = {
  startup: ['getStartup', {}],
  loadPrivacy: ['loadDocument', { documentId: 'privacy-policy' }],
  loadCookie: ['loadDocument', { documentId: 'cookie-policy' }],
  // `base` is filled in with the stamp of the file as the lab made it.
  save: ['saveDocument', { documentId: 'privacy-policy', document: introPolicy('Privacy Policy', 'Edited.'), base: null }],
  create: ['createDocument', { title: 'New Terms' }],
  import: ['importDocument', { fileName: 'notes.md', base64: b64('# Imported Notes\n\nSome text.\n') }],
  clauses: ['listClauses', {}],
  clauseNew: ['saveClause', { source: 'project', isNew: true, clause: clauseEdit('hostile-check', 'New wording.') }],
  clauseEdit: ['saveClause', { source: 'project', isNew: false, clause: clauseEdit('retention', 'We keep data for 60 days.') }],
  variables: ['getVariables', {}],
  saveVariables: ['saveVariables', { variables: { company_name: 'Acme Ltd' } }],
  version: ['saveVersion', { documentId: 'cookie-policy', name: 'v1', kind: 'editorial', author: 'Dana' }],
  versions: ['listVersions', {}],
  compare: ['compareDocuments', { old: { kind: 'version', documentId: 'cookie-policy', version: 'v0' }, new: { kind: 'draft', documentId: 'cookie-policy' } }],
  export: ['exportDocument', { documentId: 'cookie-policy', format: 'html' }],
  checkExport: ['checkExport', { documentId: 'cookie-policy' }],
  outdated: ['listOutdatedClauseUses', {}],
  loadVersion: ['loadVersion', { documentId: 'cookie-policy', version: 'v0' }],
  // A checks.json that cannot be read is a sentence in the reply, never a refusal: the Check tab opens all the same.
  checks: ['readChecks', {}],
  workflow: ['workflowProblems', {}],
  dismiss: ['dismissFinding', { documentId: 'cookie-policy', finding: { rule: 'empty-section', sectionId: null, excerpt: 'Cookies' }, reason: 'Checked with legal.' }],
} as const;
type Operation = keyof typeof OPERATIONS | 'open';

interface HostileCase {
  name: string;
  needsFifo?: boolean;
  /** Makes the project hostile; may return a clean-up (a socket to close). */
  make(lab: Lab): Promise<unknown>;
  /** The calls that must be refused, with the sentence each must give; every other call must succeed. */
  refused: Partial<Record<Operation, RegExp>>;
  /** The documents the list must show with a problem, and the problem; the others must show none. */
  problems?: Record<string, RegExp>;
  /** Further checks on what came back. */
  also?(results: Map<Operation, unknown>, lab: Lab): Promise<void>;
  /** The .git folder holds a pipe that the test's own reading of the history (plain isomorphic-git) would wait on. */
  historyUnreadable?: true;
}

/**
 * One sentence, as a person is shown it: no errno, no stack, no library's words. A file that fails validation is
 * named the way shared/format/problems.ts names it, "file: where problem", without a full stop.
 */
function expectOneSentence(message: string): void {
  expect(message).not.toContain('\n');
  expect(message).toMatch(/\.$|^[\w.-]+(\/[\w.-]+)*: /);
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b|errno|syscall|\bat .+:\d+:\d+|isomorphic|NotFoundError|unexpectedly|\[object|undefined/);
}

const UNSCOPED = new Set(['getStartup', 'listRecentProjects', 'pickFolder', 'openProject', 'createProject']);

/** A call through the API, as the app makes it; checks that no reply carries anything read outside. */
async function call(method: string, input: object): Promise<Reply<unknown>> {
  requests++;
  const reply = await dispatch(handlers, method, UNSCOPED.has(method) ? input : { project: openProject, ...input });
  const shown = JSON.stringify(reply);
  expect(shown).not.toContain(CANARY);
  const base64 = reply.ok ? (reply.value as { base64?: unknown }).base64 : undefined;
  if (typeof base64 === 'string') expect(Buffer.from(base64, 'base64').toString('latin1')).not.toContain(CANARY);
  if (!reply.ok) expectOneSentence(reply.error.message);
  return reply;
}

async function expectRefused(method: string, input: object, sentence: RegExp): Promise<void> {
  const reply = await call(method, input);
  expect(reply.ok, `${method} should be refused`).toBe(false);
  if (!reply.ok) expect(reply.error.message).toMatch(sentence);
  refusals++;
}

/** Calls that read what another call reads are refused with the same sentence. */
function expectedRefusal(c: HostileCase, op: Operation): RegExp | undefined {
  if (op === 'checkExport') return c.refused.export;
  if (op === 'outdated') return c.refused.clauses;
  if (op === 'loadVersion') return c.refused.loadVersion ?? c.refused.versions;
  return c.refused[op];
}

async function runCase(c: HostileCase): Promise<void> {
  const lab = await makeLab(tmp);
  openProject = lab.project;
  const base = stampOf(await fs.readFile(path.join(lab.project, PRIVACY)));
  const cleanUp = await c.make(lab);
  const outsideBefore = await snapshot(lab.outside);
  const refsBefore = await refsOf(lab.otherRepo);
  const results = new Map<Operation, unknown>();
  try {
    const steps: Array<[Operation, string, object]> = [
      ['open', 'openProject', { path: lab.project }],
      ...Object.entries(OPERATIONS).map(([op, [method, input]]) => [op as Operation, method, op === 'save' ? { ...input, base } : input] as [Operation, string, object]),
    ];
    for (const [op, method, input] of steps) {
      const reply = await call(method, input);
      const expected = expectedRefusal(c, op);
      if (expected) {
        expect(reply.ok, `${c.name}: ${op} should be refused`).toBe(false);
        if (!reply.ok) expect(reply.error.message, `${c.name}: ${op}`).toMatch(expected);
        refusals++;
      } else {
        expect(reply.ok ? 'ok' : reply.error.message, `${c.name}: ${op}`).toBe('ok');
        if (reply.ok) results.set(op, reply.value);
      }
      // A project that does not open has nothing more to try.
      if (op === 'open' && !reply.ok) break;
    }
    const startup = results.get('startup') as { project: { documents: Array<{ id: string; problem?: string }> } } | undefined;
    for (const doc of startup?.project.documents ?? []) {
      const problem = c.problems?.[doc.id];
      if (problem) expect(doc.problem, `${c.name}: ${doc.id}`).toMatch(problem);
      else expect(doc.problem, `${c.name}: ${doc.id}`).toBeUndefined();
    }
    await c.also?.(results, lab);
  } finally {
    if (typeof cleanUp === 'function') await (cleanUp as () => Promise<void>)();
  }
  expect(await snapshot(lab.outside)).toEqual(outsideBefore);
  expect(await refsOf(lab.otherRepo)).toEqual(refsBefore);
  // What the project's own history holds (when its .git is real enough for the test itself to read without hanging).
  const dotGit = await fs.lstat(path.join(lab.project, '.git')).catch(() => null);
  const head = await fs.lstat(path.join(lab.project, '.git', 'HEAD')).catch(() => null);
  if (dotGit?.isDirectory() && head?.isFile() && !c.historyUnreadable) expect(await everythingCommitted(lab.project)).not.toContain(CANARY);
  casesRun++;
}

const at = (lab: Lab, ...parts: string[]) => path.join(lab.project, ...parts);
const PRIVACY = 'documents/privacy-policy.policy.json';
const COOKIE = 'documents/cookie-policy.policy.json';
const RETENTION = 'clauses/retention.clause.json';

/** A Latin-1 file where UTF-8 is expected, and where its first non-ASCII byte is. */
function latin1(text: string): { bytes: Buffer; offset: number; line: number } {
  const bytes = Buffer.from(text, 'latin1');
  const offset = bytes.findIndex((byte) => byte >= 0x80);
  return { bytes, offset, line: text.slice(0, offset).split('\n').length };
}
const notUtf8 = (entry: string, offset: number, line: number) =>
  new RegExp(`^${escape(entry)} is not UTF-8 text: the byte at offset ${offset} \\(line ${line}\\) is not part of a valid character; save it as UTF-8\\.$`);

function documentsRefused(sentence: RegExp): HostileCase['refused'] {
  return { loadPrivacy: sentence, loadCookie: sentence, save: sentence, create: sentence, import: sentence, version: sentence, compare: sentence, export: sentence };
}
function variablesRefused(sentence: RegExp): HostileCase['refused'] {
  return { clauses: sentence, clauseNew: sentence, clauseEdit: sentence, variables: sentence, saveVariables: sentence, version: sentence, compare: sentence, export: sentence };
}
const gitRefused = (sentence: RegExp): HostileCase['refused'] => ({ version: sentence, versions: sentence, compare: sentence });
const gitPipe = (entry: string) => new RegExp(`^${escape(entry)} is a named pipe, not a file; Policywright reads only ordinary files in a \\.git folder\\.$`);

async function brokenClausesOf(results: Map<Operation, unknown>): Promise<Array<{ file: string; problem: string }>> {
  return (results.get('clauses') as { broken: Array<{ file: string; problem: string }> }).broken;
}

const cookieLatin1 = latin1(serializeDocument(introPolicy('Cookie Policy', 'Caf\u00e9 cookies.')));
const clauseLatin1 = latin1('{\n  "format": 1,\n  "id": "retention",\n  "title": "R\u00e9tention"\n}\n');
const manifestLatin1 = latin1(serializeManifest({ format: 1, name: 'Soci\u00e9t\u00e9', documents: ['privacy-policy'] }));

const CASES: HostileCase[] = [
  {
    name: 'documents/ is a link to a folder outside',
    make: (lab) => linkInstead(at(lab, 'documents'), path.join(lab.outside, 'documents')),
    refused: documentsRefused(linkOut('documents')),
    problems: { 'privacy-policy': linkOut('documents'), 'cookie-policy': linkOut('documents') },
  },
  {
    name: 'documents/ is a link to another folder of the project',
    make: async (lab) => {
      await fs.rename(at(lab, 'documents'), at(lab, 'archive'));
      await fs.symlink('archive', at(lab, 'documents'));
    },
    refused: documentsRefused(linkIn('documents')),
    problems: { 'privacy-policy': linkIn('documents'), 'cookie-policy': linkIn('documents') },
  },
  {
    name: 'documents is a file, not a folder',
    make: async (lab) => {
      await fs.rm(at(lab, 'documents'), { recursive: true });
      await fs.writeFile(at(lab, 'documents'), 'not a folder');
    },
    refused: documentsRefused(/^documents is not a folder; Policywright expects a folder of that name in the project\.$/),
    problems: { 'privacy-policy': /^documents is not a folder/, 'cookie-policy': /^documents is not a folder/ },
  },
  {
    name: 'clauses/ is a link to a folder outside',
    make: (lab) => linkInstead(at(lab, 'clauses'), path.join(lab.outside, 'clauses')),
    refused: { clauseNew: linkOut('clauses'), clauseEdit: linkOut('clauses'), version: linkOut('clauses') },
    also: async (results) => {
      const copy = await call('saveProjectCopy', { path: path.join(tmp, 'copy') });
      expect(copy.ok).toBe(true);
      expect(await fs.readdir(path.join(tmp, 'copy', 'clauses')).catch(() => [])).toEqual([]);
      expect(await brokenClausesOf(results)).toEqual([{ source: 'project', file: 'clauses', problem: expect.stringMatching(linkOut('clauses')) as unknown }]);
    },
  },
  {
    name: 'clauses/ is a link to another folder of the project',
    make: async (lab) => {
      await fs.rename(at(lab, 'clauses'), at(lab, 'library'));
      await fs.symlink('library', at(lab, 'clauses'));
    },
    refused: { clauseNew: linkIn('clauses'), clauseEdit: linkIn('clauses'), version: linkIn('clauses') },
  },
  {
    name: 'a folder inside clauses/ is a link to the person’s ~/.ssh',
    make: (lab) => fs.symlink(path.join(lab.outside, 'ssh'), at(lab, 'clauses', 'gdpr')),
    refused: { version: linkOut('clauses/gdpr') },
  },
  {
    name: 'a clause file is a link to a clause outside',
    make: (lab) => linkInstead(at(lab, RETENTION), path.join(lab.outside, 'clauses', 'stolen.clause.json')),
    refused: { clauseEdit: linkOut(RETENTION), version: linkOut(RETENTION) },
    also: async (results) => {
      expect(await brokenClausesOf(results)).toEqual([expect.objectContaining({ file: 'retention.clause.json', problem: expect.stringMatching(linkOut(RETENTION)) as unknown })]);
    },
  },
  {
    name: 'a document file is a link to a file outside',
    make: (lab) => linkInstead(at(lab, PRIVACY), path.join(lab.outside, PRIVACY)),
    refused: { loadPrivacy: linkOut(PRIVACY), save: linkOut(PRIVACY), version: linkOut(PRIVACY) },
    problems: { 'privacy-policy': linkOut(PRIVACY) },
    also: async () => {
      // "Save a copy as…" copies the project's files: read as everything else is, the link stops it.
      await expectRefused('saveProjectCopy', { path: path.join(tmp, 'copy') }, linkOut(PRIVACY));
    },
  },
  {
    name: 'a document file is a link to another document of the project',
    make: (lab) => linkInstead(at(lab, PRIVACY), 'cookie-policy.policy.json'),
    refused: { loadPrivacy: linkIn(PRIVACY), save: linkIn(PRIVACY), version: linkIn(PRIVACY) },
    problems: { 'privacy-policy': linkIn(PRIVACY) },
  },
  {
    name: 'a document file is a link to /dev/zero',
    make: (lab) => linkInstead(at(lab, COOKIE), '/dev/zero'),
    refused: { loadCookie: linkOut(COOKIE), version: linkOut(COOKIE), compare: linkOut(COOKIE), export: linkOut(COOKIE) },
    problems: { 'cookie-policy': linkOut(COOKIE) },
  },
  {
    name: 'policywright.json is a link to a manifest outside',
    make: (lab) => linkInstead(at(lab, 'policywright.json'), path.join(lab.outside, 'policywright.json')),
    refused: { open: linkOut('policywright.json') },
  },
  {
    name: 'variables.json is a link to a file outside',
    make: (lab) => linkInstead(at(lab, 'variables.json'), path.join(lab.outside, 'variables.json')),
    refused: variablesRefused(linkOut('variables.json')),
  },
  {
    name: 'variables.json is a link within the project',
    make: async (lab) => {
      await fs.rename(at(lab, 'variables.json'), at(lab, 'values.json'));
      await fs.symlink('values.json', at(lab, 'variables.json'));
    },
    refused: variablesRefused(linkIn('variables.json')),
  },
  {
    name: 'checks.json is a link to a file outside',
    make: async (lab) => {
      const dismissal = { document: 'cookie-policy', rule: 'placeholder', sectionId: null, excerpt: 'x', reason: CANARY, at: '2026-12-05T03:00:00.000Z' };
      await fs.writeFile(path.join(lab.outside, 'checks.json'), JSON.stringify({ format: 1, dismissed: [dismissal], laws: {}, acknowledged: [] }));
      await linkInstead(at(lab, 'checks.json'), path.join(lab.outside, 'checks.json'));
    },
    refused: { dismiss: new RegExp(`^The project's checks\\.json cannot be read: ${linkOut('checks.json').source.replace(/^\^/u, '')}`, 'u') },
    also: async (results) => {
      const view = results.get('checks') as { problem: string; checks: { dismissed: unknown[] } };
      expect(view.problem).toMatch(/^The project's checks\.json cannot be read: checks\.json is a link/u);
      expect(view.checks.dismissed).toEqual([]);
    },
  },
  {
    name: 'checks.json is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, 'checks.json')),
    refused: { dismiss: /^The project's checks\.json cannot be read: checks\.json is a named pipe/u },
    also: async (results) => expect((results.get('checks') as { problem: string }).problem).toMatch(/^The project's checks\.json cannot be read: checks\.json is a named pipe[^\n]*\.$/u),
  },
  {
    name: 'checks.json is malformed',
    make: (lab) => fs.writeFile(at(lab, 'checks.json'), '{"format": 1, "dismissed": [{"reason": 5}]'),
    refused: { dismiss: /^The project's checks\.json cannot be used: .+\.$/u },
    also: async (results, lab) => {
      expect((results.get('checks') as { problem: string }).problem).toMatch(/^The project's checks\.json cannot be used: /u);
      expect(await fs.readFile(at(lab, 'checks.json'), 'utf8')).toBe('{"format": 1, "dismissed": [{"reason": 5}]');
    },
  },
  {
    name: '.git is a file pointing into another of the person’s repositories',
    make: async (lab) => {
      await fs.rm(at(lab, '.git'), { recursive: true });
      await fs.writeFile(at(lab, '.git'), `gitdir: ${path.join(lab.otherRepo, '.git')}\n`);
    },
    refused: gitRefused(/\/\.git is a file that points to another git folder; Policywright keeps versions only in a real \.git folder and does not write through it\.$/),
  },
  {
    name: '.git is a file pointing to a submodule’s git folder',
    make: async (lab) => {
      await fs.rm(at(lab, '.git'), { recursive: true });
      await fs.writeFile(at(lab, '.git'), `gitdir: ../outside/other-repo/.git/modules/policies\n`);
    },
    refused: gitRefused(/\/\.git is a file that points to a git submodule; Policywright keeps versions only in a real \.git folder/),
  },
  {
    name: '.git is a link to another repository’s git folder',
    make: (lab) => linkInstead(at(lab, '.git'), path.join(lab.otherRepo, '.git')),
    refused: gitRefused(/\/\.git is a link to another folder; Policywright keeps versions only in a real \.git folder and does not follow it\.$/),
  },
  {
    name: '.git/refs/tags is a link into another repository',
    make: (lab) => linkInstead(at(lab, '.git', 'refs', 'tags'), path.join(lab.otherRepo, '.git', 'refs', 'tags')),
    refused: gitRefused(/^\.git\/refs\/tags is a link to somewhere outside the repository; Policywright does not follow links in a \.git folder\.$/),
  },
  {
    // A program in the project's own git configuration ran as the person at the next version saved.
    name: '.git/config names a program to sign with (gpg.program) that writes outside',
    make: async (lab) => {
      const program = at(lab, 'sign.sh');
      await fs.writeFile(program, `#!/bin/sh\necho ran > "${path.join(lab.outside, 'program-ran')}"\n`, { mode: 0o755 });
      await fs.appendFile(at(lab, '.git', 'config'), `\n[user]\n\tsigningkey = ABCDEF\n[gpg]\n\tprogram = ${program}\n`);
    },
    // The key is still the project's own choice: the gpg on the PATH is asked, and cannot sign with it.
    refused: { version: /^Signing with the key ABCDEF \(git config user\.signingkey\) failed: .+, so nothing was recorded; fix the key or unset it\.$/ },
  },
  {
    name: '.git/config names a signing key gpg would read as an option',
    make: (lab) => fs.appendFile(at(lab, '.git', 'config'), `\n[user]\n\tsigningkey = --homedir=${lab.outside}\n`),
    refused: { version: /^The signing key in .+\/\.git\/config \(user\.signingkey\) is not a key's id, fingerprint or e-mail address; nothing was recorded; fix the key or unset it\.$/ },
  },
  {
    // The branch HEAD names became a path under .git, written to when a version was saved.
    name: '.git/HEAD names a branch outside the repository',
    make: (lab) => fs.writeFile(at(lab, '.git', 'HEAD'), `ref: refs/heads/../../../../outside/secret.txt\n`),
    refused: { version: /^The repository in .+ is on "refs\/heads\/\.\.\/\.\.\/\.\.\/\.\.\/outside\/secret\.txt", which is not a branch git allows \(\.git\/HEAD\), so nothing was changed; check out the main branch with git first\.$/ },
  },
  {
    // Read by the review workflow on opening, once per document at the same time: four such reads filled the pool.
    name: '.git/refs/heads/main is a named pipe',
    needsFifo: true,
    historyUnreadable: true,
    make: (lab) => fifoInstead(at(lab, '.git', 'refs', 'heads', 'main')),
    refused: { version: gitPipe('.git/refs/heads/main') },
  },
  {
    name: 'a version’s tag in .git/refs/tags is a named pipe',
    needsFifo: true,
    historyUnreadable: true,
    make: (lab) => fifoInstead(at(lab, '.git', 'refs', 'tags', 'v0')),
    // Not a version any more: said as for a version that is not there, and nothing waits on the pipe.
    refused: { compare: /^There is no version "v0" in .+\.$/, loadVersion: /^There is no version "v0" in .+\.$/ },
  },
  {
    // A tag's name is a path under .git/refs/tags: one that climbs out led every version save to read a pipe.
    name: 'packed-refs names a tag ../../../evil, a named pipe in the project',
    needsFifo: true,
    historyUnreadable: true,
    make: async (lab) => {
      const head = (await fs.readFile(at(lab, '.git', 'refs', 'heads', 'main'), 'utf8')).trim();
      await fs.appendFile(at(lab, '.git', 'packed-refs'), `${head} refs/tags/../../../evil\n`);
      await fifoInstead(at(lab, 'evil'));
    },
    refused: {},
  },
  {
    // Only a record of what was read before: a pipe there is as good as none, and nothing waits on it.
    name: 'the version index .git/policywright/versions.json is a named pipe',
    needsFifo: true,
    make: async (lab) => {
      await fs.mkdir(at(lab, '.git', 'policywright'), { recursive: true });
      await fifoInstead(at(lab, '.git', 'policywright', 'versions.json'));
    },
    refused: {},
  },
  {
    // Git makes a folder of objects/ for each first two hex digits as it needs one: linked in advance, new objects of a
    // version would have been written outside.
    name: 'the folders .git/objects/xx not made yet are links to a folder outside',
    make: async (lab) => {
      const elsewhere = path.join(lab.outside, 'objects-here');
      await fs.mkdir(elsewhere);
      for (let n = 0; n < 256; n++) {
        const name = n.toString(16).padStart(2, '0');
        if (!(await fs.lstat(at(lab, '.git', 'objects', name)).catch(() => null))) await fs.symlink(elsewhere, at(lab, '.git', 'objects', name));
      }
    },
    refused: { version: /^\.git\/objects\/[0-9a-f]{2} is a link to somewhere outside the repository; Policywright does not follow links in a \.git folder\.$/ },
  },
  {
    name: 'a document is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, PRIVACY)),
    refused: { loadPrivacy: special(PRIVACY, 'a named pipe'), save: special(PRIVACY, 'a named pipe'), version: special(PRIVACY, 'a named pipe') },
    problems: { 'privacy-policy': special(PRIVACY, 'a named pipe') },
  },
  {
    // Four pipes were enough to fill Node's file-system thread pool and stop every later read.
    name: 'four documents are named pipes',
    needsFifo: true,
    make: async (lab) => {
      await fs.writeFile(at(lab, 'policywright.json'), serializeManifest({ format: 1, name: 'P', documents: ['privacy-policy', 'cookie-policy', 'terms', 'faq'] }));
      for (const file of [PRIVACY, COOKIE, 'documents/terms.policy.json', 'documents/faq.policy.json']) await fifoInstead(at(lab, file));
    },
    refused: {
      loadPrivacy: special(PRIVACY, 'a named pipe'),
      loadCookie: special(COOKIE, 'a named pipe'),
      save: special(PRIVACY, 'a named pipe'),
      version: /is a named pipe, not a file/,
      compare: special(COOKIE, 'a named pipe'),
      export: special(COOKIE, 'a named pipe'),
    },
    problems: {
      'privacy-policy': special(PRIVACY, 'a named pipe'),
      'cookie-policy': special(COOKIE, 'a named pipe'),
      terms: special('documents/terms.policy.json', 'a named pipe'),
      faq: special('documents/faq.policy.json', 'a named pipe'),
    },
  },
  {
    name: 'policywright.json is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, 'policywright.json')),
    refused: { open: special('policywright.json', 'a named pipe') },
  },
  {
    name: 'variables.json is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, 'variables.json')),
    refused: variablesRefused(special('variables.json', 'a named pipe')),
  },
  {
    name: 'a clause file is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, RETENTION)),
    refused: { clauseEdit: special(RETENTION, 'a named pipe'), version: special(RETENTION, 'a named pipe') },
  },
  {
    name: '.git/HEAD is a named pipe',
    needsFifo: true,
    make: (lab) => fifoInstead(at(lab, '.git', 'HEAD')),
    refused: gitRefused(/^\.git\/HEAD is a named pipe, not a file; Policywright reads only ordinary files in a \.git folder\.$/),
  },
  {
    name: 'a document is a socket',
    make: (lab) => socketInstead(at(lab, PRIVACY)),
    refused: { loadPrivacy: special(PRIVACY, 'a socket'), save: special(PRIVACY, 'a socket'), version: special(PRIVACY, 'a socket') },
    problems: { 'privacy-policy': special(PRIVACY, 'a socket') },
  },
  {
    name: 'a document is a 5 GiB sparse file',
    make: (lab) => sparseInstead(at(lab, COOKIE), 5 * 1024 ** 3),
    refused: {
      loadCookie: /^documents\/cookie-policy\.policy\.json is 5\.0 GiB, over the 64 MiB Policywright reads for such a file; it was not opened\.$/,
      version: /^documents\/cookie-policy\.policy\.json is 5\.0 GiB/,
      compare: /^documents\/cookie-policy\.policy\.json is 5\.0 GiB/,
      export: /^documents\/cookie-policy\.policy\.json is 5\.0 GiB/,
    },
    problems: { 'cookie-policy': /^documents\/cookie-policy\.policy\.json is 5\.0 GiB, over the 64 MiB/ },
  },
  {
    name: 'policywright.json is 2 MiB',
    make: (lab) => sparseInstead(at(lab, 'policywright.json'), 2 * 1024 ** 2),
    refused: { open: /^policywright\.json is 2 MiB, over the 1 MiB Policywright reads for such a file; it was not opened\.$/ },
  },
  {
    name: 'a document in Latin-1',
    make: (lab) => fs.writeFile(at(lab, COOKIE), cookieLatin1.bytes),
    refused: {
      loadCookie: notUtf8(COOKIE, cookieLatin1.offset, cookieLatin1.line),
      compare: notUtf8(COOKIE, cookieLatin1.offset, cookieLatin1.line),
      export: notUtf8(COOKIE, cookieLatin1.offset, cookieLatin1.line),
    },
    problems: { 'cookie-policy': notUtf8(COOKIE, cookieLatin1.offset, cookieLatin1.line) },
  },
  {
    name: 'a clause in Latin-1',
    make: (lab) => fs.writeFile(at(lab, RETENTION), clauseLatin1.bytes),
    refused: { clauseEdit: notUtf8(RETENTION, clauseLatin1.offset, clauseLatin1.line) },
    also: async (results) => {
      expect((await brokenClausesOf(results))[0]?.problem).toMatch(notUtf8(RETENTION, clauseLatin1.offset, clauseLatin1.line));
    },
  },
  {
    name: 'policywright.json in Latin-1',
    make: (lab) => fs.writeFile(at(lab, 'policywright.json'), manifestLatin1.bytes),
    refused: { open: notUtf8('policywright.json', manifestLatin1.offset, manifestLatin1.line) },
  },
  {
    name: 'policywright.json lists a document named with ..',
    make: (lab) => fs.writeFile(at(lab, 'policywright.json'), serializeManifest({ format: 1, name: 'P', documents: ['privacy-policy', '../outside/secret'] })),
    refused: { open: /^policywright\.json: documents\[1\] must be lowercase letters, digits and dashes\.?$/ },
  },
  {
    name: 'device names and names that differ only in case',
    make: async (lab) => {
      await fs.writeFile(at(lab, 'documents', 'aux.policy.json'), serializeDocument(introPolicy('Aux', 'Made on Linux.')));
      await fs.writeFile(at(lab, 'policywright.json'), serializeManifest({ format: 1, name: 'P', documents: ['privacy-policy', 'cookie-policy', 'aux'] }));
      await fs.writeFile(at(lab, 'documents', 'New-Terms.policy.json'), serializeDocument(introPolicy('Stray', 'Stray.')));
      await fs.writeFile(at(lab, 'clauses', 'Hostile-Check.clause.json'), '{}');
    },
    refused: { clauseNew: /^The library already has Hostile-Check\.clause\.json, which differs from hostile-check\.clause\.json only in case and is the same file on Windows and macOS; choose another id\.$/ },
    problems: { aux: /^The document "aux" in policywright\.json is a device name on Windows \(con, prn, aux, nul, com0–9, lpt0–9\), so it cannot name a file; rename documents\/aux\.policy\.json and its entry\.$/ },
    also: async (results, lab) => {
      expect(results.get('create')).toEqual({ id: 'new-terms-2', title: 'New Terms' });
      for (const [title, id] of [['Aux', 'aux-document'], ['COM1', 'com1-document'], ['lpt9', 'lpt9-document']]) {
        const reply = await call('createDocument', { title });
        expect(reply.ok && reply.value).toEqual({ id, title });
      }
      const imported = await call('importDocument', { fileName: '../../nul.md', base64: b64('# Nul\n\nText.\n') });
      expect(imported.ok && (imported.value as { id: string }).id).toBe('nul-document');
      const device = /is a device name on Windows \(con, prn, aux, nul, com0–9, lpt0–9\), so it cannot name a file/;
      for (const id of ['com1', 'lpt0', 'nul', 'con', 'prn', 'aux']) {
        await expectRefused('saveClause', { source: 'project', isNew: true, clause: clauseEdit(id, 'x') }, device);
      }
      await expectRefused('loadDocument', { documentId: 'aux' }, device);
      await expectRefused('saveDocument', { documentId: 'aux', document: introPolicy('Aux', 'x'), base: null }, device);
      await expectRefused('saveClause', { source: 'project', isNew: true, clause: clauseEdit('../escape', 'x') }, /must be lowercase letters, digits and dashes/);
      await expectRefused('loadDocument', { documentId: '../policywright' }, /must be lowercase letters, digits and dashes/);
      const files = (await fs.readdir(at(lab, 'documents'))).sort();
      expect(files).toEqual(
        ['aux', 'aux-document', 'com1-document', 'cookie-policy', 'imported-notes', 'lpt9-document', 'New-Terms', 'new-terms-2', 'nul-document', 'privacy-policy'].map((id) => `${id}.policy.json`).sort(),
      );
      // The version holds what the manifest lists, less the device name, which is never opened.
      const saved = results.get('version') as { documentIds: string[] };
      expect(saved.documentIds).toEqual(['privacy-policy', 'cookie-policy', 'new-terms-2', 'imported-notes']);
    },
  },
];

describe.skipIf(!posix)('a hostile project folder (POSIX: links, pipes and sockets are made for real)', () => {
  for (const c of CASES) {
    const skip = c.needsFifo && !hasMkfifo;
    // 20 s: a read that blocks on a pipe would never end; the test timeout is what catches it.
    it.skipIf(skip)(`${c.name}${skip ? ' (skipped: mkfifo is not installed)' : ''}`, () => runCase(c), 20_000);
  }
});
