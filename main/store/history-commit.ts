import * as git from 'isomorphic-git';
import { nodeDiskIo } from './durable-git-fs';
import { UserError } from './errors';
import { stageProject, type Identity, type Repo } from './history-git';
import { settleHead } from './history-head';
import { ensureReadableIndex } from './history-index';
import { writeSignedCommit, type Signer } from './signing';

/** The branch the repository is on, and its commit (null before the first). */
export interface BranchHead {
  branch: string;
  commit: string | null;
}

/** The branch HEAD names; a detached HEAD (an older commit checked out with git) is refused in one sentence. */
export async function onBranch(repo: Repo): Promise<BranchHead> {
  const head = await settleHead(repo, nodeDiskIo);
  if (!head.branch) {
    throw new UserError(`${repo.git.dir} has a detached HEAD (an older commit checked out with git); check out the main branch again first.`);
  }
  return { branch: head.branch, commit: head.commit };
}

/**
 * Commits the project's files as they are on disk, on the branch, when they differ from its commit: a plain commit
 * (a sync's "Sync: <person>", a review step with its trailers), not a version; signed with `sign` when given.
 * Returns the branch's head after it.
 */
export async function commitProjectFiles(
  repo: Repo,
  projectDir: string,
  who: Identity,
  message: string,
  sign: Signer | null = null,
): Promise<BranchHead & { made: boolean }> {
  const head = await onBranch(repo);
  await ensureReadableIndex(repo, nodeDiskIo, head.commit);
  const tree = await stageProject(repo, projectDir, head.commit);
  if (head.commit && (await git.readCommit({ ...repo.git, oid: head.commit })).commit.tree === tree) return { ...head, made: false };
  const commit = await writeSignedCommit(repo.git, { message, tree, parent: head.commit ? [head.commit] : [], author: who, committer: who }, sign);
  await git.writeRef({ ...repo.git, ref: head.branch, value: commit, force: true });
  return { branch: head.branch, commit, made: true };
}
