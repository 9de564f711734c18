import * as git from 'isomorphic-git';
import type { SyncState } from '../../shared/api/contract';
import { findRepo } from '../store/history-git';
import { TRACKING_REF } from './git-remote';
import { countOnlyIn } from './sync-engine';
import { readLastFailure, readOpenMerge } from './sync-records';

/** As the contract gives it to the window. */
export type SyncStatus = SyncState;

/**
 * Where the project stands with its server, from what the last sync saw (no network): an open merge or a failure
 * first, else how many commits each side has that the other has not. A draft not yet committed is not counted.
 */
export async function syncStatus(projectDir: string): Promise<SyncStatus> {
  const repo = await findRepo(projectDir);
  if (!repo || !(await git.getConfig({ ...repo.git, path: 'remote.origin.url' }))) return { state: 'not-shared' };
  const open = await readOpenMerge(repo);
  if (open) {
    const files = Object.entries(open.files).filter(([, file]) => !file.resolved).map(([name]) => name);
    return { state: 'needs-attention', message: `${files.length} file(s) have changes by you and a colleague at the same place to resolve: ${files.join(', ')}.` };
  }
  const failure = await readLastFailure(repo);
  if (failure) return failure.kind === 'offline' ? { state: 'offline', message: failure.message } : { state: 'needs-attention', message: failure.message };
  const resolve = (ref: string) => git.resolveRef({ ...repo.git, ref }).catch(() => null);
  const [mine, theirs] = await Promise.all([resolve('HEAD'), resolve(TRACKING_REF)]);
  const toSend = mine ? await countOnlyIn(repo, mine, theirs) : 0;
  const toReceive = theirs ? await countOnlyIn(repo, theirs, mine) : 0;
  return toSend === 0 && toReceive === 0 ? { state: 'up-to-date' } : { state: 'changes', toSend, toReceive };
}
