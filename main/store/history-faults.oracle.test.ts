import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectHistory } from './history';
import { Project } from './project';
import { draftHashes, fsckProblems, hasGit, isOneSentence, sameHashes } from './testing/repo-checks';
import { faultyIo, type Fault } from './testing/faulty-io';
import { privacyPolicyWith } from '../../shared/testing/builders';

/**
 * Fault injection over "Save version", as SQLite tests its writes: for every mutating file-system step k of one save,
 * a run that fails step k with each of ENOSPC, EIO, EACCES and EROFS (ENOSPC and EROFS then fail every later step
 * too), and a run that crashes there (the process stops; the repository is then opened afresh, as the next launch
 * would).
 */

const PRIVACY = 'documents/privacy-policy.policy.json';
const CODES = ['ENOSPC', 'EIO', 'EACCES', 'EROFS'] as const;

let tmp: string;
let template: string;
const expected = new Map<string, string>();

const policy = privacyPolicyWith;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-faults-'));
  template = path.join(tmp, 'template');
  const project = await Project.create(template, 'Acme', [
    { id: 'privacy-policy', doc: policy('We collect little.') },
    { id: 'cookie-policy', doc: { ...policy('One cookie.'), title: 'Cookie Policy' } },
  ]);
  await ProjectHistory.for(template).saveVersion({ name: 'v1', note: '', kind: 'editorial', author: 'Dana' });
  expected.set('v1', await fs.readFile(path.join(template, PRIVACY), 'utf8'));
  await project.saveDocument('privacy-policy', policy('We collect a little more, and say so.'), (await project.readDocument('privacy-policy')).stamp);
  expected.set('v2', await fs.readFile(path.join(template, PRIVACY), 'utf8'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

let runs = 0;
async function freshCopy(): Promise<string> {
  const dir = path.join(tmp, `run-${++runs}`);
  await fs.cp(template, dir, { recursive: true });
  return dir;
}

/** Everything that must hold after a save that failed or crashed; returns what did not. */
async function violationsAfter(dir: string, fault: Fault | null, outcome: 'saved' | 'failed' | 'crashed', message: string): Promise<string[]> {
  const found: string[] = [];
  const label = fault ? ('crash' in fault ? `crash at step ${fault.step}` : `${fault.code} at step ${fault.step}`) : 'no fault';
  const say = (what: string) => found.push(`${label}: ${what}`);
  if (outcome === 'failed' && !isOneSentence(message)) say(`message is not one plain sentence: ${message}`);
  const history = ProjectHistory.for(dir);
  const listing = await history.listVersionsWithProblems().catch((error: Error) => ({ versions: [], problems: [`listing failed: ${error.message}`] }));
  if (listing.problems.length > 0) say(`problems: ${listing.problems.join(' | ')}`);
  const names = listing.versions.map((v) => v.name).sort();
  if (!names.includes('v1')) say('the acknowledged version v1 is not listed');
  if (outcome === 'saved' && !names.includes('v2')) say('the acknowledged version v2 is not listed');
  // A disk that refuses even taking the tag back leaves the version whole and listed, and the message says so.
  if (outcome === 'failed' && names.includes('v2') && !/^The version "v2" is saved, but/.test(message)) say('a version reported as not saved is listed');
  if (outcome === 'failed' && !names.includes('v2') && !/^The version "v2" could not be saved: .*; nothing was changed\.$/.test(message)) {
    say(`a version not saved is reported as: ${message}`);
  }
  for (const version of listing.versions) {
    const text = await history.readFileAt(version, PRIVACY).catch(() => null);
    if (text !== expected.get(version.name)) say(`version ${version.name} does not read back`);
  }
  const next = await history.saveVersion({ name: 'after', note: '', kind: 'editorial', author: 'Dana' }).catch((error: Error) => error);
  if (next instanceof Error) say(`the next version could not be saved: ${next.message}`);
  else {
    const log = await git.log({ fs: nodeFs, dir, ref: next.commit });
    const v1 = listing.versions.find((v) => v.name === 'v1');
    if (v1 && !log.some((entry) => entry.oid === v1.commit)) say('the next version dropped v1 from the branch history');
    if ((await history.readFileAt(next, PRIVACY)) !== expected.get('v2')) say('the next version does not hold the draft');
  }
  if (hasGit) {
    const fsck = fsckProblems(dir);
    if (fsck) say(`git fsck: ${fsck}`);
  }
  return found;
}

describe('Save version under injected faults', () => {
  it('leaves the repository usable, the listed versions exactly the acknowledged ones, and the draft intact, at every step', async () => {
    // git fsck is skipped (the rest still runs) where git is not installed.
    const probe = faultyIo(null);
    const probeDir = await freshCopy();
    await ProjectHistory.for(probeDir, { io: probe.io }).saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' });
    // Runs differ by a few steps: a commit made in another second has another id, whose object folder may be new (or
    // not), and each such folder is a step or two more or less.
    const steps = probe.steps() + 4;
    expect(steps).toBeGreaterThan(20);

    const violations: string[] = [];
    let injected = 0;
    for (let step = 1; step <= steps; step++) {
      // A full or read-only disk stays so; an I/O or permission error may pass, and isomorphic-git tries a write twice.
      const faults: Fault[] = [...CODES.map((code) => ({ step, code, lasting: code === 'ENOSPC' || code === 'EROFS' })), { step, crash: true as const }];
      for (const fault of faults) {
        const dir = await freshCopy();
        const before = await draftHashes(dir);
        const faulty = faultyIo(fault);
        let outcome: 'saved' | 'failed' | 'crashed' = 'saved';
        let message = '';
        try {
          await ProjectHistory.for(dir, { io: faulty.io }).saveVersion({ name: 'v2', note: '', kind: 'editorial', author: 'Dana' });
        } catch (error) {
          outcome = 'crash' in fault ? 'crashed' : 'failed';
          message = (error as Error).message;
        }
        if (faulty.injected()) injected++;
        if (!sameHashes(before, await draftHashes(dir))) violations.push(`step ${step}: the draft files changed`);
        violations.push(...(await violationsAfter(dir, fault, outcome, message)));
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
    console.log(`version save fault injection: ${probe.steps()} steps, ${injected} faults injected, ${violations.length} violations${hasGit ? '' : ' (git fsck skipped: git is not installed)'}`);
    expect(violations).toEqual([]);
    // As many faults as the probe run had steps, but for the few steps a run may not reach (see `steps` above).
    expect(injected).toBeGreaterThanOrEqual((probe.steps() - 4) * (CODES.length + 1));
  }, 600_000);
});
