import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { projectFilesOnDisk } from '../history-git';

/** Checks shared by the durability tests: what a person would find in the project after a failure. */

export const hasGit = spawnSync('git', ['--version']).status === 0;

/** `git fsck --full --strict` in the folder: null when clean, else what it said. */
export function fsckProblems(dir: string): string | null {
  const run = spawnSync('git', ['fsck', '--full', '--strict', '--no-progress', '--no-dangling'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C' },
  });
  if (run.status === 0 && !/error|fatal|missing|broken|corrupt/i.test(run.stderr + run.stdout)) return null;
  return `${run.stdout}${run.stderr}`.trim() || `exit ${run.status}`;
}

/** Each project file's hash, by path inside the project. */
export async function draftHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of (await projectFilesOnDisk(dir)).sort()) {
    hashes.set(file, createHash('sha256').update(await fs.readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

export function sameHashes(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}

/** A message a person can be shown: one sentence, no errno, no library text. */
export function isOneSentence(message: string): boolean {
  return !message.includes('\n') && /\.$/.test(message) && !/\bE[A-Z]{2,}\b/.test(message) && !/please report|isomorphic-git|simulated|injected/i.test(message);
}

/** The error a promise rejects with; a promise that resolves is a failed expectation. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
