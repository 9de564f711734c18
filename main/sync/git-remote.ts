import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { UserError } from '../store/errors';
import type { Repo } from '../store/history-git';
import type { GitCredentials } from './credentials';
import { fetchFolder, pushFolder, pushFolderTags } from './folder-remote';
import { checkRemoteUrl, isFolderRemote } from './remote-url';
import { tagsOf } from '../store/history-head';

/** The remote every project syncs with, and its one branch: a team shares one line of history. */
export const REMOTE = 'origin';
export const REMOTE_BRANCH = 'main';
export const TRACKING_REF = `refs/remotes/${REMOTE}/${REMOTE_BRANCH}`;

export interface Connection {
  readonly url: string;
  readonly credentials: GitCredentials | null;
}

/**
 * The project's remote address: `given` is checked and kept as the remote (a new server, or the first share), else
 * the one in .git/config, which is checked too (a credential put there by hand is refused, never sent on).
 */
export async function remoteUrlOf(repo: Repo, given?: string): Promise<string> {
  if (given !== undefined) {
    const url = checkRemoteUrl(given);
    await git.addRemote({ ...repo.git, remote: REMOTE, url, force: true });
    return url;
  }
  const stored = (await git.getConfig({ ...repo.git, path: `remote.${REMOTE}.url` })) as string | undefined;
  if (!stored) throw new UserError(`${repo.git.dir} is not connected to a git server; clone the project with "policywright clone" or give the server's address.`);
  return checkRemoteUrl(stored);
}

function auth(connection: Connection) {
  // Asked once, with no onAuthFailure: a refused password ends in HTTP 401, reported in one sentence, not a loop.
  return { onAuth: () => (connection.credentials ? { ...connection.credentials } : undefined) };
}

/** Fetches the remote branch and the versions' tags (a tag already here is never moved); the server's commit, or null. */
export async function fetchRemote(repo: Repo, connection: Connection): Promise<string | null> {
  if (isFolderRemote(connection.url)) return fetchFolder(repo, connection.url);
  const fetched = await git.fetch({
    ...repo.git,
    http,
    url: connection.url,
    remote: REMOTE,
    ref: REMOTE_BRANCH,
    remoteRef: REMOTE_BRANCH,
    // Not singleBranch: isomorphic-git takes the tags only when it fetches every ref the server lists.
    singleBranch: false,
    tags: true,
    ...auth(connection),
  });
  if (fetched.fetchHead === null) return null;
  return git.resolveRef({ ...repo.git, ref: TRACKING_REF }).catch(() => fetched.fetchHead);
}

/** Pushes the branch without force; false when the server refused because it moved on meanwhile. */
export async function pushBranch(repo: Repo, connection: Connection, branch: string): Promise<boolean> {
  if (isFolderRemote(connection.url)) return pushFolder(repo, connection.url, branch);
  try {
    const result = await git.push({ ...repo.git, http, url: connection.url, remote: REMOTE, ref: branch, remoteRef: REMOTE_BRANCH, ...auth(connection) });
    if (result.ok) {
      await git.writeRef({ ...repo.git, ref: TRACKING_REF, value: await git.resolveRef({ ...repo.git, ref: branch }), force: true });
      return true;
    }
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'PushRejectedError') return false;
    throw error;
  }
}

/**
 * Pushes the versions' tags the server does not have yet. A tag of the same name the server has for another version
 * (two people chose one name) is left as it is on both sides, as versions never move: it is named in `keptHere`.
 */
export async function pushTags(repo: Repo, connection: Connection): Promise<{ sent: number; keptHere: string[] }> {
  if (isFolderRemote(connection.url)) return pushFolderTags(repo, connection.url);
  const local = await tagsOf(repo);
  if (local.length === 0) return { sent: 0, keptHere: [] };
  const onServer = await git.listServerRefs({ http, url: connection.url, prefix: 'refs/tags/', protocolVersion: 1, ...auth(connection) });
  const known = new Map(onServer.filter((ref) => !ref.ref.endsWith('^{}')).map((ref) => [ref.ref, ref.oid]));
  let sent = 0;
  const keptHere: string[] = [];
  for (const tag of local) {
    const ref = `refs/tags/${tag}`;
    const theirs = known.get(ref);
    if (theirs !== undefined) {
      if (theirs !== (await git.resolveRef({ ...repo.git, ref, depth: 1 }))) keptHere.push(tag);
      continue;
    }
    const result = await git.push({ ...repo.git, http, url: connection.url, remote: REMOTE, ref, remoteRef: ref, ...auth(connection) });
    if (result.ok) sent++;
  }
  return { sent, keptHere };
}

/** The address a project syncs with, as kept in its .git/config; null when it has none. */
export async function projectRemoteUrl(repo: Repo): Promise<string | null> {
  const stored = (await git.getConfig({ ...repo.git, path: `remote.${REMOTE}.url` })) as string | undefined;
  return stored ?? null;
}
