import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { durableWrite, syncDirectory, type DiskIo } from './durable-git-fs';
import { versionSaveError } from './history-errors';
import { projectFilesIn, repoPath, stageProject, type Identity, type Repo } from './history-git';
import { gitDirOf, settleHead } from './history-head';
import { ensureReadableIndex } from './history-index';
import { blobId } from './loose-object';
import { sweepTemporaryFiles } from './git-temp-sweep';
import { writeSignedCommit, writeSignedTag, type Signer } from './signing';

export interface VersionToWrite {
  /** The name as typed, for messages. */
  name: string;
  tag: string;
  message: string;
  who: Identity;
  projectDir: string;
  /** The project's files on disk, by path inside the project; found on disk when not given. */
  files?: string[];
  /** Signs the commit and the tag, where the repository's git configuration names a signing key (signing.ts). */
  sign?: Signer | null;
}

/**
 * Writes a version so that a crash or a failing disk at any moment leaves the repository usable and the versions
 * listed exactly those whose tag was written: first every object (durably, through the repository's durable file
 * system), then each object read back, then the tag, then the branch. Returns the tag's commit only once all of it
 * has been read back.
 */
export async function writeVersion(repo: Repo, io: DiskIo, version: VersionToWrite): Promise<string> {
  let tagWritten = false;
  let tagOid = '';
  let headBefore: { branch: string | null; commit: string | null } | null = null;
  const tagFile = path.join(gitDirOf(repo), 'refs', 'tags', ...version.tag.split('/'));
  await sweepTemporaryFiles(gitDirOf(repo), io).catch(() => 0);
  try {
    const head = await settleHead(repo, io);
    await ensureReadableIndex(repo, io, head.commit);
    const tree = await stageProject(repo, version.projectDir, head.commit, version.files);
    const staged = await projectFilesIn(repo, git.STAGE());
    const parent = head.commit ? [head.commit] : [];
    const { message, who, tag } = version;
    const sign = version.sign ?? null;
    const commit = await writeSignedCommit(repo.git, { message, tree, parent, author: who, committer: who }, sign);
    tagOid = await writeSignedTag(repo.git, { object: commit, type: 'commit', tag, tagger: who, message }, sign);
    await readBack(repo, { tagOid, commit, tree, parent, tag, message, staged: new Map([...staged].map(([file, s]) => [repoPath(repo, file), s.oid])) });

    // Marked before the write: a write that fails after its rename (at the folder's fsync) has still made the tag.
    tagWritten = true;
    await git.writeRef({ ...repo.git, ref: `refs/tags/${tag}`, value: tagOid });
    headBefore = head;
    if (head.branch) await git.writeRef({ ...repo.git, ref: head.branch, value: commit, force: true });
    else await durableWrite(io, path.join(gitDirOf(repo), 'HEAD'), `${commit}\n`);
    const fresh = { ...repo.git, cache: {} };
    const [taggedNow, headNow] = await Promise.all([git.resolveRef({ ...fresh, ref: `refs/tags/${tag}`, depth: 1 }), git.resolveRef({ ...fresh, ref: 'HEAD' })]);
    if (taggedNow !== tagOid || headNow !== commit) throw new Error(`the refs of ${tag} do not read back`);
    return commit;
  } catch (error) {
    // A version is either saved in full or not at all: a tag written before the failure is taken back. Where the disk
    // refuses even that, the tag stays, whole (its objects were read back before it was written), and is listed.
    const branchBack = headBefore ? await moveBack(repo, io, headBefore).then(() => true, () => false) : true;
    if (tagWritten && branchBack) await unlinkDurably(io, tagFile).catch(() => undefined);
    const kept = tagWritten && (await git.resolveRef({ ...repo.git, ref: `refs/tags/${version.tag}`, depth: 1 }).then((oid) => oid === tagOid, () => false));
    throw versionSaveError(error, version.name, repo.git.dir, kept);
  }
}

interface Written {
  tagOid: string;
  commit: string;
  tree: string;
  parent: string[];
  tag: string;
  message: string;
  /** Blob ids by path inside the repository, as the index staged them. */
  staged: Map<string, string>;
}

/**
 * Reads the new objects back with a cache of their own and checks them against what was meant: the tag, the commit,
 * and every project file in the tree, each blob hashed again from its bytes.
 */
async function readBack(repo: Repo, written: Written): Promise<void> {
  const fresh = { ...repo.git, cache: {} };
  const { tag } = await git.readTag({ ...fresh, oid: written.tagOid });
  const { commit } = await git.readCommit({ ...fresh, oid: written.commit });
  const same =
    tag.object === written.commit &&
    tag.tag === written.tag &&
    tag.message.replace(/\n$/, '') === written.message.replace(/\n$/, '') &&
    commit.tree === written.tree &&
    commit.parent.join() === written.parent.join();
  if (!same) throw new Error(`the version ${written.tag} does not read back as written`);
  const inTree = new Map<string, string>();
  for (const file of written.staged.keys()) {
    const oid = await blobAt(fresh, written.tree, file);
    if (oid !== written.staged.get(file)) throw new Error(`${file} is not in the version's tree as staged`);
    inTree.set(file, oid);
  }
  await Promise.all(
    [...inTree].map(async ([, oid]) => {
      const { blob } = await git.readBlob({ ...fresh, oid });
      if (blobId(blob) !== oid) throw new Error(`the blob ${oid} does not read back`);
    }),
  );
}

async function blobAt(gitArgs: Repo['git'], tree: string, file: string): Promise<string | null> {
  let current = tree;
  const segments = file.split('/');
  for (const [index, segment] of segments.entries()) {
    const entry = (await git.readTree({ ...gitArgs, oid: current })).tree.find((e) => e.path === segment);
    if (!entry) return null;
    if (index === segments.length - 1) return entry.type === 'blob' ? entry.oid : null;
    if (entry.type !== 'tree') return null;
    current = entry.oid;
  }
  return null;
}

async function moveBack(repo: Repo, io: DiskIo, head: { branch: string | null; commit: string | null }): Promise<void> {
  const file = path.join(gitDirOf(repo), head.branch ?? 'HEAD');
  if (head.commit) await durableWrite(io, file, `${head.commit}\n`);
  else await unlinkDurably(io, file);
}

async function unlinkDurably(io: DiskIo, file: string): Promise<void> {
  const gone = await io.unlink(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return false;
    },
  );
  if (gone) await syncDirectory(io, path.dirname(file));
}
