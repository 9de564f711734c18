import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { gitDirOf, tagsOf } from '../store/history-head';
import type { Repo } from '../store/history-git';
import { SyncError } from './sync-errors';
import { runGit } from './system-git';

/**
 * A bare repository in a folder (a shared drive) as the remote. isomorphic-git has no transport for it, so the
 * system's git moves the objects (fetch and push, each a fixed list of arguments, no shell); everything else (the
 * merge, what is written into the project folder) is the same code as for a server. Never forces; the repository's
 * own hooks do not run (they would run as the person, from a folder anyone on the share may write).
 */

const BRANCH = 'refs/heads/main';
const TRACKING = 'refs/remotes/origin/main';
/**
 * receive-pack runs on this computer for a folder, in the folder's repository: its hooks off, and no program its
 * configuration names for alternates, whatever that configuration says.
 */
const RECEIVE_PACK = '--receive-pack=git -c core.hooksPath=/dev/null -c core.alternateRefsCommand=true receive-pack';
/**
 * upload-pack named outright: git takes a remote's own `uploadpack` from the project's configuration when a remote
 * there bears the folder's path as its name (on Windows, where a path does not start with a slash, it may).
 */
const UPLOAD_PACK = '--upload-pack=git-upload-pack';

/** Fails in one sentence unless `folder` holds a git repository: a share not connected is offline, not an error. */
export async function checkFolderRepository(folder: string): Promise<void> {
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats) throw new SyncError(`The repository folder ${folder} cannot be reached (is the shared drive connected?); your work is kept here and will be synced later.`, 'offline');
  const head = await fs.stat(path.join(folder, 'HEAD')).catch(() => null);
  const objects = await fs.stat(path.join(folder, 'objects')).catch(() => null);
  if (!stats.isDirectory() || !head?.isFile() || !objects?.isDirectory()) {
    throw new SyncError(`${folder} is not a bare git repository; make one there with "git init --bare" or give the git server's address.`, 'error');
  }
}

/** The folder repository's branches and tags, by ref (peeled tag lines left out). */
async function refsOf(folder: string): Promise<Map<string, string>> {
  await checkFolderRepository(folder);
  const listed = await runGit(['ls-remote', UPLOAD_PACK, '--', folder]);
  if (listed.code !== 0) throw failure(folder, listed.stderr);
  const refs = new Map<string, string>();
  for (const line of listed.stdout.split('\n')) {
    const [oid, ref] = line.split('\t');
    if (oid && ref && !ref.endsWith('^{}')) refs.set(ref, oid);
  }
  return refs;
}

/** As fetchRemote: the branch into the tracking ref, and the versions' tags this repository does not have yet. */
export async function fetchFolder(repo: Repo, folder: string): Promise<string | null> {
  const refs = await refsOf(folder);
  const local = new Set(await tagsOf(repo));
  const specs: string[] = [];
  if (refs.has(BRANCH)) specs.push(`+${BRANCH}:${TRACKING}`);
  for (const ref of refs.keys()) {
    // A tag of the same name here stays as it is: versions never move.
    if (ref.startsWith('refs/tags/') && !local.has(ref.slice('refs/tags/'.length))) specs.push(`${ref}:${ref}`);
  }
  if (specs.length > 0) {
    const fetched = await runGit([`--git-dir=${gitDirOf(repo)}`, 'fetch', '--no-tags', '--quiet', UPLOAD_PACK, '--', folder, ...specs]);
    if (fetched.code !== 0) throw failure(folder, fetched.stderr);
  }
  return refs.has(BRANCH) ? git.resolveRef({ ...repo.git, ref: TRACKING }) : null;
}

/** As pushBranch: false when the repository moved on meanwhile (a colleague pushed), never forced. */
export async function pushFolder(repo: Repo, folder: string, branch: string): Promise<boolean> {
  await checkFolderRepository(folder);
  const pushed = await runGit([`--git-dir=${gitDirOf(repo)}`, 'push', '--porcelain', RECEIVE_PACK, '--', folder, `${branch}:${BRANCH}`]);
  if (pushed.code !== 0) {
    if (/\[rejected\]|\(fetch first\)|non-fast-forward/.test(pushed.stdout + pushed.stderr)) return false;
    throw failure(folder, pushed.stderr || pushed.stdout);
  }
  await git.writeRef({ ...repo.git, ref: TRACKING, value: await git.resolveRef({ ...repo.git, ref: branch }), force: true });
  return true;
}

/** As pushTags: the versions the folder repository does not have; one of the same name for another version is kept here. */
export async function pushFolderTags(repo: Repo, folder: string): Promise<{ sent: number; keptHere: string[] }> {
  const local = await tagsOf(repo);
  if (local.length === 0) return { sent: 0, keptHere: [] };
  const refs = await refsOf(folder);
  const keptHere: string[] = [];
  const send: string[] = [];
  for (const tag of local) {
    const ref = `refs/tags/${tag}`;
    const theirs = refs.get(ref);
    if (theirs === undefined) send.push(`${ref}:${ref}`);
    else if (theirs !== (await git.resolveRef({ ...repo.git, ref, depth: 1 }))) keptHere.push(tag);
  }
  if (send.length > 0) {
    const pushed = await runGit([`--git-dir=${gitDirOf(repo)}`, 'push', '--porcelain', RECEIVE_PACK, '--', folder, ...send]);
    if (pushed.code !== 0) throw failure(folder, pushed.stderr || pushed.stdout);
  }
  return { sent: send.length, keptHere };
}

function failure(folder: string, output: string): SyncError {
  const line = output.split('\n').find((text) => /^(fatal|error):/.test(text.trim()))?.trim() ?? output.trim().split('\n')[0] ?? '';
  return new SyncError(`Syncing with the repository folder ${folder} failed: ${line.replace(/[.\s]+$/, '')}.`, 'error');
}
