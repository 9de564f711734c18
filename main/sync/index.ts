import { findRepo } from '../store/history-git';
import { projectRemoteUrl } from './git-remote';

/**
 * Sharing a project through a team's git server: sync (commit the draft, fetch, merge by section, push), clone,
 * the status, and the conflicts a person resolves.
 */
export { cloneProject } from './clone';
export { listConflicts, resolveConflict, type OpenConflict, type Resolution } from './conflicts';
export { findCredentials, saveCredentials, type CredentialCipher, type GitCredentials } from './credentials';
export { syncProject, type SyncOptions, type SyncOutcome } from './sync-engine';
export { SyncError } from './sync-errors';
export { syncStatus, type SyncStatus } from './sync-status';

/** The address the project in `projectDir` syncs with; null when it is not shared. */
export async function remoteOfProject(projectDir: string): Promise<string | null> {
  const repo = await findRepo(projectDir);
  return repo ? projectRemoteUrl(repo) : null;
}
