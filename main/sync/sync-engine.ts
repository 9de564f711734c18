import * as path from 'node:path';
import * as git from 'isomorphic-git';
import type { FileConflict } from '../../shared/merge/merge-files';
import { durableGitFs, nodeDiskIo } from '../store/durable-git-fs';
import { UserError } from '../store/errors';
import { findOrInitRepo, findRepo, stageProject, type Identity, type Repo } from '../store/history-git';
import { commitProjectFiles, onBranch, type BranchHead } from '../store/history-commit';
import { ensureReadableIndex } from '../store/history-index';
import { checkAuthor, identityOf } from '../store/history-message';
import { Project } from '../store/project';
import { MANIFEST_FILE } from '../store/project-files';
import { serialized } from '../store/serialized';
import type { GitCredentials } from './credentials';
import { fetchRemote, pushBranch, pushTags, remoteUrlOf, type Connection } from './git-remote';
import { mergeProjectFile } from './merge-files';
import { mergeTree } from './merge-tree';
import { checkFolderRepository } from './folder-remote';
import { checkRemoteUrl, isFolderRemote } from './remote-url';
import { projectFilesOf, readProjectText, type TreeFile } from './project-tree';
import { applyToFolder, readFromFolder } from './project-writes';
import { describeSyncError, SyncError } from './sync-errors';
import { clearLastFailure, readOpenMerge, writeLastFailure, writeOpenMerge, type OpenMerge } from './sync-records';

export interface SyncOptions {
  /** The server's address, kept as the project's remote; the one already kept when not given. */
  readonly remoteUrl?: string;
  readonly credentials: GitCredentials | null;
  /** The person syncing: the author of the commit of their draft and of a merge. */
  readonly author: string;
}

/**
 * `versionsKeptHere`: tags of versions the server has under the same name for another version (two people chose one
 * name); they stay here, unsent. Only present when there are some.
 */
export type SyncOutcome =
  | { readonly status: 'up-to-date'; readonly versionsKeptHere?: readonly string[] }
  | {
      readonly status: 'synced';
      readonly sent: number;
      readonly received: number;
      readonly merged: boolean;
      readonly versionsSent: number;
      readonly versionsKeptHere?: readonly string[];
    }
  | { readonly status: 'needs-attention'; readonly files: readonly string[] };

/** How often a push refused because a colleague pushed meanwhile is fetched, merged and tried again. */
const PUSH_ATTEMPTS = 4;

/**
 * Syncs a project with its git server: commits the draft's project files (a plain commit by the person, not a
 * version), fetches the server's branch and versions, then sends, receives, or merges by section and sends. A merge
 * with conflicts writes the merged files (mine where both changed a place), keeps the open merge in .git and stops
 * there: nothing is committed or sent until `resolveConflict` has settled every file. Never forces, never rewrites
 * history. Failures (offline, refused credentials) are one sentence, thrown as SyncError and kept for syncStatus.
 */
export async function syncProject(projectDir: string, options: SyncOptions): Promise<SyncOutcome> {
  // A repository is made only for a project being shared the first time (a server's address given, and good).
  if (options.remoteUrl !== undefined) await checkNewRemote(checkRemoteUrl(options.remoteUrl));
  return withRepo(projectDir, { create: options.remoteUrl !== undefined }, async (repo, dir) => {
    const url = await remoteUrlOf(repo, options.remoteUrl);
    const open = await readOpenMerge(repo);
    if (open) return needsAttention(open);
    return recorded(repo, url, () => syncOnce(repo, dir, { url, credentials: options.credentials }, identity(options.author)));
  });
}

/** A folder given as the remote must hold a repository now (a share not connected is refused, not made a remote). */
export async function checkNewRemote(url: string): Promise<void> {
  if (isFolderRemote(url)) await checkFolderRepository(url);
}

/** Runs `task` on the project's repository, one sync or version save at a time (as ProjectHistory does). */
export function withRepo<T>(projectDir: string, options: { create: boolean }, task: (repo: Repo, dir: string) => Promise<T>): Promise<T> {
  const dir = path.resolve(projectDir);
  return serialized(dir, async () => {
    // Only a project is synced: a mistyped folder is refused in Project's words, never made into a repository.
    await Project.open(dir);
    const found = options.create ? await findOrInitRepo(dir) : await findRepo(dir);
    if (!found) throw new UserError(`${dir} is not connected to a git server; clone the project with "policywright clone" or give the server's address.`);
    const repo: Repo = { ...found, git: { ...found.git, fs: durableGitFs(nodeDiskIo) } };
    return serialized(`repository ${repo.git.dir}`, () => task(repo, dir));
  });
}

/** Keeps the last failure for the status (cleared by a sync that works), and throws it as one sentence. */
export async function recorded<T>(repo: Repo, url: string, task: () => Promise<T>): Promise<T> {
  try {
    const result = await task();
    await clearLastFailure(repo);
    return result;
  } catch (error) {
    const failure = describeSyncError(error, url);
    await writeLastFailure(repo, { kind: failure.kind, message: failure.message }).catch(() => undefined);
    throw failure;
  }
}

export function identity(author: string): Identity {
  return identityOf(checkAuthor(author));
}

export async function syncOnce(repo: Repo, dir: string, connection: Connection, who: Identity): Promise<SyncOutcome> {
  // The draft's project files as they are on disk, when they differ from the branch: a plain commit, not a version.
  let head: BranchHead = await commitProjectFiles(repo, dir, who, `Sync: ${who.name}\n`);
  let received = 0;
  let merged = false;
  for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
    const theirs = await fetchRemote(repo, connection);
    const mine = head.commit;
    if (mine === null && theirs === null) return { status: 'up-to-date' };
    if (mine === null || (theirs !== null && theirs !== mine && (await contains(repo, theirs, mine)))) {
      // Only the server moved: its files come into the folder and the branch follows.
      received += await countOnlyIn(repo, theirs as string, mine);
      await fastForward(repo, dir, head, theirs as string);
      const tags = await pushTags(repo, connection);
      return { status: 'synced', sent: 0, received, merged, versionsSent: tags.sent, ...kept(tags.keptHere) };
    }
    if (theirs !== null && theirs !== mine && !(await contains(repo, mine, theirs))) {
      // Both moved: merge by section; a conflict stops here, with the open merge kept for the person.
      received += await countOnlyIn(repo, theirs, mine);
      const result = await mergeWith(repo, dir, head, theirs, who);
      if (result.open) return needsAttention(result.open);
      head = result.head;
      merged = true;
    }
    const sent = await countOnlyIn(repo, head.commit as string, theirs);
    if (sent > 0 && !(await pushBranch(repo, connection, head.branch))) continue;
    const tags = await pushTags(repo, connection);
    if (sent === 0 && received === 0 && tags.sent === 0) return { status: 'up-to-date', ...kept(tags.keptHere) };
    return { status: 'synced', sent, received, merged, versionsSent: tags.sent, ...kept(tags.keptHere) };
  }
  throw new SyncError('The server kept receiving other changes while this sync tried to send its own; sync again in a moment.', 'error');
}

function kept(tags: readonly string[]): { versionsKeptHere?: readonly string[] } {
  return tags.length > 0 ? { versionsKeptHere: tags } : {};
}

async function treeOf(repo: Repo, commit: string): Promise<string> {
  return (await git.readCommit({ ...repo.git, oid: commit })).commit.tree;
}

/** Whether `descendant`'s history holds `ancestor`. */
async function contains(repo: Repo, descendant: string, ancestor: string): Promise<boolean> {
  return descendant === ancestor || git.isDescendent({ ...repo.git, oid: descendant, ancestor, depth: -1 });
}

/** How many commits are in `from`'s history and not in `other`'s. */
export async function countOnlyIn(repo: Repo, from: string, other: string | null): Promise<number> {
  if (from === other) return 0;
  const seen = new Set(other ? (await git.log({ ...repo.git, ref: other })).map((entry) => entry.oid) : []);
  return (await git.log({ ...repo.git, ref: from })).filter((entry) => !seen.has(entry.oid)).length;
}

/** The list of documents as a commit's files hold it: what the sync took the folder to list. */
async function listedIn(repo: Repo, files: Map<string, TreeFile>): Promise<string | null> {
  const oid = files.get(MANIFEST_FILE)?.oid;
  return oid === undefined ? null : readProjectText(repo, MANIFEST_FILE, oid);
}

/** The server's project files into the folder (every one checked first), then the branch to the server's commit. */
async function fastForward(repo: Repo, dir: string, head: BranchHead, theirs: string): Promise<void> {
  const theirFiles = await projectFilesOf(repo, theirs);
  const myFiles = head.commit ? await projectFilesOf(repo, head.commit) : new Map<string, TreeFile>();
  const changes = new Map<string, string | null>();
  for (const [file, entry] of theirFiles) {
    if (myFiles.get(file)?.oid !== entry.oid) changes.set(file, await readProjectText(repo, file, entry.oid));
  }
  for (const file of myFiles.keys()) if (!theirFiles.has(file)) changes.set(file, null);
  // Files first, the branch after: a crash between leaves files the next sync commits as the same change.
  await applyToFolder(dir, changes, await listedIn(repo, myFiles));
  await git.writeRef({ ...repo.git, ref: head.branch, value: theirs, force: true });
  // The index follows, so git's own tools see a clean checkout rather than the old files staged.
  await stageProject(repo, dir, theirs);
}

/**
 * Merges the server's commit into the branch file by file (see mergeProjectFile). Without conflicts the result is
 * committed with both parents; with some, the merged files are written and the open merge is kept, uncommitted.
 */
async function mergeWith(repo: Repo, dir: string, head: BranchHead, theirs: string, who: Identity): Promise<{ head: BranchHead; open: OpenMerge | null }> {
  const mine = head.commit as string;
  const [base = null] = (await git.findMergeBase({ ...repo.git, oids: [mine, theirs] })) as string[];
  const theirFiles = await projectFilesOf(repo, theirs);
  const myFiles = await projectFilesOf(repo, mine);
  const baseFiles = base ? await projectFilesOf(repo, base) : new Map<string, TreeFile>();
  const changes = new Map<string, string | null>();
  const open: OpenMerge = { theirs, base, mine, files: {} };
  const read = async (files: Map<string, TreeFile>, name: string) => {
    const oid = files.get(name)?.oid;
    return oid === undefined ? null : readProjectText(repo, name, oid);
  };
  for (const name of [...new Set([...baseFiles.keys(), ...myFiles.keys(), ...theirFiles.keys()])].sort()) {
    const [b, m, t] = [baseFiles, myFiles, theirFiles].map((files) => files.get(name)?.oid ?? null);
    if (m === t || t === b) continue; // mine stands as it is
    if (m === b) {
      changes.set(name, await read(theirFiles, name));
      continue;
    }
    const result = mergeProjectFile({ name, base: await read(baseFiles, name), mine: await read(myFiles, name), theirs: await read(theirFiles, name) });
    changes.set(name, result.text);
    if (result.conflicts.length > 0) {
      open.files[name] = { base: b ?? null, mine: m ?? null, theirs: t ?? null, conflicts: result.conflicts as unknown as Record<string, unknown>[], resolved: false };
    }
  }
  // Files first, then the record: a crash between leaves a draft that the next sync merges again to the same conflicts.
  await applyToFolder(dir, changes, await read(myFiles, MANIFEST_FILE));
  if (Object.keys(open.files).length > 0) {
    await writeOpenMerge(repo, open);
    return { head, open };
  }
  return { head: await commitMerge(repo, dir, head, { base, theirs }, who), open: null };
}

/**
 * Commits the folder's project files with the branch and the server's commit as parents; the rest of the repository
 * merged as git would (mergeTree).
 */
export async function commitMerge(repo: Repo, dir: string, head: BranchHead, sides: { base: string | null; theirs: string }, who: Identity): Promise<BranchHead> {
  const mine = head.commit as string;
  const { theirs } = sides;
  await ensureReadableIndex(repo, nodeDiskIo, mine);
  const staged = await stageProject(repo, dir, mine);
  const [mineTree, theirTree, baseTree] = await Promise.all([treeOf(repo, mine), treeOf(repo, theirs), sides.base ? treeOf(repo, sides.base) : null]);
  const tree = await mergeTree(repo, staged, { base: baseTree, mine: mineTree, theirs: theirTree });
  const commit = await git.writeCommit({
    ...repo.git,
    commit: { message: `Sync: ${who.name}, merged with the server's changes\n`, tree, parent: [mine, theirs], author: who, committer: who },
  });
  await git.writeRef({ ...repo.git, ref: head.branch, value: commit, force: true });
  return { branch: head.branch, commit };
}

export function needsAttention(open: OpenMerge): SyncOutcome {
  return { status: 'needs-attention', files: Object.entries(open.files).filter(([, file]) => !file.resolved).map(([name]) => name) };
}

export { onBranch, readFromFolder };
export type { BranchHead, FileConflict };
