import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { durableWrite, nodeDiskIo } from '../store/durable-git-fs';
import { gitDirOf } from '../store/history-head';
import type { Repo } from '../store/history-git';
import { SIZE_LIMITS, readRegularFile } from '../store/project-fs';

/**
 * What sync keeps between runs, inside the repository's .git (never in the project's files, never pushed): the open
 * merge a person still has to finish, and the last failure, so the status can name it after a restart.
 */

const ConflictSchema = z.record(z.string(), z.unknown());

const OpenMergeSchema = z.object({
  /** The server's commit being merged in: the merge commit's second parent. */
  theirs: z.string(),
  base: z.string().nullable(),
  /** The local commit the merge started from. */
  mine: z.string(),
  files: z.record(
    z.string(),
    z.object({
      /** Blob ids of the file in base, mine and theirs; null where that side has no such file. */
      base: z.string().nullable(),
      mine: z.string().nullable(),
      theirs: z.string().nullable(),
      conflicts: z.array(ConflictSchema),
      resolved: z.boolean(),
    }),
  ),
});
export type OpenMerge = z.infer<typeof OpenMergeSchema>;

const LastFailureSchema = z.object({ kind: z.enum(['offline', 'refused', 'error']), message: z.string(), at: z.string() });
export type LastFailure = z.infer<typeof LastFailureSchema>;

function recordPath(repo: Repo, name: string): string {
  // One record per project: a team repository can hold several.
  const project = repo.project === '' ? '' : `${repo.project.replace(/[^a-zA-Z0-9-]+/g, '_')}.`;
  return path.join(gitDirOf(repo), 'policywright', `${project}${name}`);
}

async function read<T>(repo: Repo, name: string, schema: z.ZodType<T>): Promise<T | null> {
  const text = await readRegularFile(recordPath(repo, name), SIZE_LIMITS.journal).catch(() => null);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function write(repo: Repo, name: string, value: unknown): Promise<void> {
  const file = recordPath(repo, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await durableWrite(nodeDiskIo, file, `${JSON.stringify(value, null, 1)}\n`);
}

async function remove(repo: Repo, name: string): Promise<void> {
  await nodeDiskIo.rm(recordPath(repo, name), { force: true });
}

export const readOpenMerge = (repo: Repo) => read(repo, 'merge.json', OpenMergeSchema);
export const writeOpenMerge = (repo: Repo, merge: OpenMerge) => write(repo, 'merge.json', merge);
export const closeOpenMerge = (repo: Repo) => remove(repo, 'merge.json');

export const readLastFailure = (repo: Repo) => read(repo, 'sync-failure.json', LastFailureSchema);
export const writeLastFailure = (repo: Repo, failure: Omit<LastFailure, 'at'>) => write(repo, 'sync-failure.json', { ...failure, at: new Date().toISOString() });
export const clearLastFailure = (repo: Repo) => remove(repo, 'sync-failure.json');
