import * as git from 'isomorphic-git';
import type { FileConflict, FileEditions } from '../../shared/merge/merge-files';
import { UserError } from '../store/errors';
import { MANIFEST_FILE } from '../store/project-files';
import { findRepo, type Repo } from '../store/history-git';
import { remoteUrlOf } from './git-remote';
import { mergeProjectFile, mergeTakingTheirs } from './merge-files';
import { readProjectText } from './project-tree';
import { applyToFolder } from './project-writes';
import { commitMerge, identity, onBranch, recorded, syncOnce, withRepo, type SyncOptions, type SyncOutcome } from './sync-engine';
import { closeOpenMerge, readOpenMerge, writeOpenMerge } from './sync-records';

export interface OpenConflict {
  readonly file: string;
  readonly conflicts: readonly FileConflict[];
  readonly resolved: boolean;
  /** The file's text on each side as the merge found it (null where that side has no such file, or it cannot be read). */
  readonly mine: string | null;
  readonly theirs: string | null;
}

/** The files of the open merge and their conflicts; none when no merge is open. */
export async function listConflicts(projectDir: string): Promise<OpenConflict[]> {
  const repo = await findRepo(projectDir);
  const open = repo && (await readOpenMerge(repo));
  if (!open) return [];
  // A side's text is read back from its git object; one that cannot be read is shown without it.
  const text = (file: string, oid: string | null) => (oid === null ? Promise.resolve(null) : readProjectText(repo, file, oid).catch(() => null));
  return Promise.all(
    Object.entries(open.files).map(async ([file, entry]) => ({
      file,
      conflicts: entry.conflicts as unknown as FileConflict[],
      resolved: entry.resolved,
      mine: await text(file, entry.mine),
      theirs: await text(file, entry.theirs),
    })),
  );
}

/**
 * How a file's conflicts end: 'mine' keeps the file as it is in the folder now (the merge wrote mine where both
 * changed a place, and the person may have edited it since), 'theirs' merges again with the server's side standing
 * where both changed, and `{ text }` is the file as the person settled it.
 */
export type Resolution = 'mine' | 'theirs' | { readonly text: string };

/**
 * Settles one file of the open merge. When it was the last, the merge is committed (both parents) and the sync goes
 * on: fetch, send, and merge again should the server have moved meanwhile.
 */
export function resolveConflict(projectDir: string, file: string, resolution: Resolution, options: SyncOptions): Promise<SyncOutcome> {
  return withRepo(projectDir, { create: false }, async (repo, dir) => {
    const open = await readOpenMerge(repo);
    // Its own entries only: "__proto__" (from the command line, say) would otherwise be every object's prototype.
    const entry = open && Object.hasOwn(open.files, file) ? open.files[file] : undefined;
    if (!open || !entry) throw new UserError(`${file} has no conflict to resolve in ${dir}.`);
    if (resolution === 'theirs') {
      const sides = await sidesOf(repo, file, entry);
      await applyToFolder(dir, new Map([[file, mergeTakingTheirs(sides).text]]), leftByMerge(sides), 'given');
    } else if (resolution !== 'mine') {
      // A text given needs no side read, unless it is the list of documents (and then only to keep what was added).
      const sides = file === MANIFEST_FILE ? await sidesOf(repo, file, entry).catch(() => null) : null;
      await applyToFolder(dir, new Map([[file, resolution.text]]), sides ? leftByMerge(sides) : undefined, 'given');
    }
    entry.resolved = true;
    if (Object.values(open.files).some((other) => !other.resolved)) {
      await writeOpenMerge(repo, open);
      return { status: 'needs-attention', files: Object.entries(open.files).filter(([, other]) => !other.resolved).map(([name]) => name) };
    }
    const url = await remoteUrlOf(repo, options.remoteUrl);
    const who = identity(options.author);
    // A version saved while the merge was open is on the branch: the merge commit follows it.
    await commitMerge(repo, dir, await onBranch(repo), { base: open.base, theirs: open.theirs }, who);
    await closeOpenMerge(repo);
    return recorded(repo, url, () => syncOnce(repo, dir, { url, credentials: options.credentials }, who));
  });
}

async function sidesOf(repo: Repo, file: string, entry: { base: string | null; mine: string | null; theirs: string | null }): Promise<FileEditions> {
  const [base, mine, theirs] = await Promise.all([entry.base, entry.mine, entry.theirs].map((oid) => textOf(repo, file, oid)));
  return { name: file, base: base ?? null, mine: mine ?? null, theirs: theirs ?? null };
}

/**
 * The list of documents as the merge wrote it into the folder (mine standing where both changed). Handed to
 * applyToFolder, it has a document added since (in a window while the conflict was open, from the command line)
 * merged into the settled list rather than written over; undefined for every other file.
 */
function leftByMerge(sides: FileEditions): string | null | undefined {
  return sides.name === MANIFEST_FILE ? mergeProjectFile(sides).text : undefined;
}

async function textOf(repo: Repo, file: string, oid: string | null): Promise<string | null> {
  if (oid === null) return null;
  await git.readObject({ ...repo.git, oid }).catch(() => {
    throw new UserError(`The server's copy of ${file} is missing from the repository; sync again to fetch it.`);
  });
  return readProjectText(repo, file, oid);
}
