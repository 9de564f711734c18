import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { durableGitFs, nodeDiskIo } from '../store/durable-git-fs';
import { UserError } from '../store/errors';
import { stageProject, type Repo } from '../store/history-git';
import { MANIFEST_FILE } from '../store/project-files';
import type { GitCredentials } from './credentials';
import { fetchRemote, REMOTE, REMOTE_BRANCH } from './git-remote';
import { projectFilesOf, readProjectText } from './project-tree';
import { applyToFolder } from './project-writes';
import { checkRemoteUrl, isFolderRemote, serverOf } from './remote-url';
import { checkNewRemote } from './sync-engine';
import { describeSyncError, SyncError } from './sync-errors';

/**
 * Makes a project folder from a server's repository: a new repository fetches the branch and the versions, and only
 * the project's files are written into the folder, each checked (never git's own checkout, which would write links
 * and any path the server sends). The folder must be new or empty; one made here is removed again on failure.
 */
export async function cloneProject(urlText: string, projectDir: string, credentials: GitCredentials | null): Promise<{ dir: string; files: number }> {
  const url = checkRemoteUrl(urlText);
  await checkNewRemote(url);
  const dir = path.resolve(projectDir);
  const existing = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new UserError(`${dir} cannot be used for the project: it is not a folder that can be read.`);
  });
  if (existing && existing.length > 0) throw new UserError(`${dir} is not empty; clone into a new folder.`);
  await fs.mkdir(dir, { recursive: true });
  try {
    const repo: Repo = { git: { fs: durableGitFs(nodeDiskIo), dir, cache: {} }, project: '' };
    await git.init({ ...repo.git, defaultBranch: REMOTE_BRANCH });
    await git.addRemote({ ...repo.git, remote: REMOTE, url });
    const theirs = await fetchRemote(repo, { url, credentials }).catch((error: unknown) => {
      const failure = describeSyncError(error, url);
      // Nothing is here yet to be kept or synced later.
      throw failure.kind === 'offline' && !isFolderRemote(url) ? new SyncError(`The server at ${serverOf(url)} cannot be reached (offline?); try the clone again later.`, 'offline') : failure;
    });
    if (theirs === null) throw new UserError(`The repository at ${url} is empty; share a project into it with "policywright sync <project> --remote ${url}".`);
    const files = await projectFilesOf(repo, theirs);
    if (!files.has(MANIFEST_FILE)) throw new UserError(`The repository at ${url} holds no Policywright project (it has no ${MANIFEST_FILE}).`);
    const texts = new Map<string, string>();
    for (const [file, entry] of files) texts.set(file, await readProjectText(repo, file, entry.oid));
    await applyToFolder(dir, texts);
    await git.writeRef({ ...repo.git, ref: `refs/heads/${REMOTE_BRANCH}`, value: theirs, force: true });
    await stageProject(repo, dir, theirs);
    return { dir, files: texts.size };
  } catch (error) {
    // The folder was new or empty: what is in it now is this clone's alone.
    if (existing === null) await fs.rm(dir, { recursive: true, force: true });
    else for (const entry of await fs.readdir(dir)) await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    throw error;
  }
}
