import type { SyncResult } from '../../shared/api/contract';
import type { MergeConflict } from '../../shared/merge/merge-documents';
import { resolveConflicts, type ConflictChoice } from '../../shared/merge/resolve-conflicts';
import { UserError } from '../store/errors';
import { documentIdOf } from '../store/history-git';
import type { Project } from '../store/project';
import { cloneProject, findCredentials, listConflicts, remoteOfProject, resolveConflict, saveCredentials, SyncError, syncProject, type GitCredentials } from '../sync';
import { checkRemoteUrl, isFolderRemote } from '../sync/remote-url';
import { resultOf, type SyncPerson } from './sync';

/** A server as the person gave it in the window: its address, and a user name and password (or token) when needed. */
export interface ServerLogin {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Clones a project from a server into a new (or empty) folder. Credentials typed in are used for this clone and
 * saved for the server once it worked; without any, the ones saved for the server (or the environment's) are used.
 */
export async function cloneFromServer(login: ServerLogin, dir: string, person: SyncPerson): Promise<string> {
  const url = checkRemoteUrl(login.url);
  const given = credentialsOf(login);
  const cloned = await cloneProject(url, dir, given ?? (await saved(url, person)));
  if (given && !isFolderRemote(url)) await saveCredentials(url, person.home, given, person.cipher ?? null);
  return cloned.dir;
}

/**
 * Connects an open project to a server (its remote `origin`) and syncs once: an empty repository receives the
 * project, one with history is merged with it. Credentials typed in are saved when the server took them, or could
 * not be reached (the sync later needs them); never when it refused them.
 */
export async function connectToServer(project: Project, login: ServerLogin, person: SyncPerson): Promise<SyncResult> {
  const url = checkRemoteUrl(login.url);
  const given = credentialsOf(login);
  const keep = () => (given && !isFolderRemote(url) ? saveCredentials(url, person.home, given, person.cipher ?? null) : Promise.resolve());
  try {
    const outcome = await syncProject(project.dir, { remoteUrl: url, credentials: given ?? (await saved(url, person)), author: person.author });
    await keep();
    return resultOf(outcome);
  } catch (error) {
    if (error instanceof SyncError && error.kind === 'offline') await keep();
    throw error;
  }
}

/**
 * Settles every conflict of one document of the open merge as the person chose, saves the document through the
 * project (so a window with it open sees the change as any other), and marks the file settled; after the last file
 * the merge is committed and synced.
 */
export async function resolveDocumentConflicts(project: Project, file: string, choices: readonly ConflictChoice[], person: SyncPerson): Promise<SyncResult> {
  const open = (await listConflicts(project.dir)).find((entry) => entry.file === file && !entry.resolved);
  if (!open) throw new UserError(`${file} has no conflict to resolve in ${project.dir}.`);
  const documentId = file.startsWith('documents/') ? documentIdOf(file.slice('documents/'.length)) : null;
  if (documentId === null || !project.documentIds.includes(documentId)) throw new UserError(`${file} is not one of the project's documents; keep your side or take theirs for the whole file.`);
  const conflicts = open.conflicts as readonly MergeConflict[];
  if (new Set(choices.map((choice) => choice.conflict)).size !== conflicts.length || choices.length !== conflicts.length || choices.some((choice) => choice.conflict >= conflicts.length)) {
    throw new UserError(`Choose once for each of the ${conflicts.length} place(s) in conflict in ${file}.`);
  }
  const loaded = await project.readDocument(documentId);
  await project.saveDocument(documentId, resolveConflicts(loaded.document, conflicts, choices), loaded.stamp);
  // The file in the folder is now the settled one: "mine" keeps it as it is.
  return resultOf(await resolveConflict(project.dir, file, 'mine', { credentials: await saved(await remoteOfProject(project.dir), person), author: person.author }));
}

function credentialsOf(login: ServerLogin): GitCredentials | null {
  return login.username !== '' || login.password !== '' ? { username: login.username || 'token', password: login.password } : null;
}

function saved(url: string | null, person: SyncPerson): Promise<GitCredentials | null> {
  return url ? findCredentials(url, person.home, process.env, person.cipher ?? null) : Promise.resolve(null);
}
