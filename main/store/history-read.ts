import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { isWholeObjectFile, nodeDiskIo, type DiskIo } from './durable-git-fs';
import type { VersionInfo } from './history';
import { parseVersionMessage, tagPrefix } from './history-message';
import { documentIdOf, isGitError, isProjectFile, type Repo } from './history-git';
import { DOCUMENTS_DIR, MANIFEST_FILE } from './project-files';
import { rewriteObjectsFromDraft } from './history-draft-repair';
import { VersionIndex, tagOidOf } from './version-index';
import { tagsOf } from './history-head';

/** Reading versions back from a repository's tags: everything a version records is in its tag and its commit. */

export async function readVersions(repo: Repo): Promise<VersionInfo[]> {
  return (await readVersionListing(repo)).versions;
}

export interface VersionListing {
  versions: VersionInfo[];
  /** One sentence for each version that could not be read back and is left out of the list. */
  problems: string[];
}

/**
 * The versions that read back, newest first; a damaged one is named, and never hides the others. A `deep` listing
 * checks every object of every version (each git object file, by its stamp once it was read whole); otherwise a
 * version read in full before is taken from the version index (./version-index) without opening its objects again —
 * the list of 1,000 versions shows in a tenth of a second — and its objects are checked when it is opened or compared
 * (git checks each object it reads) and at the next deep listing. A version a deep listing found damaged stays out of
 * both listings until one finds it whole again.
 */
export async function readVersionListing(repo: Repo, repair = true, deep = true): Promise<VersionListing> {
  const prefix = tagPrefix(repo.project);
  const tags = (await tagsOf(repo)).filter((tag) => tag.startsWith(prefix) && !tag.slice(prefix.length).includes('/'));
  const index = await VersionIndex.read(repo, deep);
  const present = new Set<string>();
  const readWhole = new Set<string>();
  const problems: string[] = [];
  const read = await Promise.all(
    tags.map(async (tag) => {
      let oid: string | null = null;
      try {
        oid = await tagOidOf(repo, tag);
        present.add(oid);
        const known = index.get(repo, tag, oid);
        if (known && !deep && !damagedTags.has(oid)) return known.version;
        // A deep listing checks a version known from the index by its objects' stamps, without reading it again.
        if (known?.objects) rememberRecord(repo, tag, oid, { version: known.version, objects: known.objects });
        const version = await readVersion(repo, tag, oid, readWhole);
        damagedTags.delete(oid);
        const record = version && readRecord(repo, tag, oid);
        if (record) index.set(repo, tag, oid, record);
        return version;
      } catch (error) {
        const name = error instanceof DamagedVersion ? error.versionName : null;
        if (name !== null && oid !== null) damagedTags.add(oid);
        problems.push(
          name
            ? `The version "${name}" in ${repo.git.dir} is damaged (some of what it saved cannot be read), so it is left out of the list.`
            : `The version saved as the git tag "${tag}" in ${repo.git.dir} is damaged and cannot be read, so it is left out of the list.`,
        );
        return null;
      }
    }),
  );
  // A version whose lost content is still the draft on disk is rebuilt from it, then read again.
  if (problems.length > 0 && repair && (await rewriteObjectsFromDraft(repo).catch(() => 0)) > 0) return readVersionListing(repo, false, deep);
  await index.save(present);
  return { versions: await newestFirst(repo, read.filter((v): v is VersionInfo => v !== null)), problems: problems.sort() };
}

/** Tag objects a deep listing found damaged: left out of the quick listings too, until read whole again. */
const damagedTags = new Set<string>();

/** A version whose tag reads, but some object it saved does not. */
export class DamagedVersion extends Error {
  constructor(readonly versionName: string) {
    super(`the version "${versionName}" is damaged`);
  }
}

interface ReadVersion {
  version: VersionInfo | null;
  /** Every object the version was read from, checked again (cheaply, by file stamp) each time it is listed. */
  objects: string[];
}

/**
 * Versions read so far, by repository, project, tag name and tag object id. A tag object is named by the hash of its
 * contents and a commit by the hash of its tree, so an entry can never go stale; it only spares re-reading git objects.
 */
const versionCache = new Map<string, ReadVersion>();
const VERSION_CACHE_LIMIT = 10_000;

/** The version a tag holds, or null for a tag Policywright did not write for this project; throws if it is damaged. */
export async function readVersion(repo: Repo, tag: string, tagOid?: string, readWhole: Set<string> = new Set()): Promise<VersionInfo | null> {
  const oid = tagOid ?? (await git.resolveRef({ ...repo.git, ref: `refs/tags/${tag}` }));
  const key = cacheKey(repo, tag, oid);
  let read = versionCache.get(key);
  if (read === undefined) {
    read = await readTaggedVersion(repo, tag, oid, readWhole);
    if (versionCache.size >= VERSION_CACHE_LIMIT) versionCache.clear();
    versionCache.set(key, read);
  } else if (read.version && !(await allWhole(repo, read.objects, readWhole))) {
    versionCache.delete(key);
    throw new DamagedVersion(read.version.name);
  }
  const { version } = read;
  // Callers get their own copy: what one of them changes must not show in the next listing.
  return version && { ...version, documentIds: [...version.documentIds] };
}

/** Whether every object is whole; `checked` holds those found whole already in the same listing (versions share most). */
async function allWhole(repo: Repo, objects: string[], checked: Set<string>): Promise<boolean> {
  const io = 'promises' in repo.git.fs ? (repo.git.fs.promises as unknown as DiskIo) : nodeDiskIo;
  for (const oid of objects) {
    if (checked.has(oid)) continue;
    const file = objectFile(repo, oid);
    const stats = await io.lstat(file).catch(() => null);
    // An object no longer loose was packed by git gc, which checks what it packs.
    if (stats && !(await isWholeObjectFile(io, file, stats))) return false;
    checked.add(oid);
  }
  return true;
}

export function objectFile(repo: Repo, oid: string): string {
  return path.join(repo.git.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
}

function cacheKey(repo: Repo, tag: string, oid: string): string {
  return [repo.git.dir, repo.project, tag, oid].join('\0');
}

/** What a version was read from, as kept in this process: the version index keeps it on disk too. */
export function readRecord(repo: Repo, tag: string, oid: string): { version: VersionInfo; objects: string[] } | null {
  const read = versionCache.get(cacheKey(repo, tag, oid));
  return read?.version ? { version: read.version, objects: read.objects } : null;
}

/** A version read in an earlier process, from the version index: its objects are checked again before it is listed. */
export function rememberRecord(repo: Repo, tag: string, oid: string, record: { version: VersionInfo; objects: string[] }): void {
  const key = cacheKey(repo, tag, oid);
  if (versionCache.has(key)) return;
  if (versionCache.size >= VERSION_CACHE_LIMIT) versionCache.clear();
  versionCache.set(key, { version: record.version, objects: record.objects });
}

async function readTaggedVersion(repo: Repo, tag: string, oid: string, readWhole: Set<string>): Promise<ReadVersion> {
  let tagged: git.TagObject;
  try {
    tagged = (await git.readTag({ ...repo.git, oid })).tag;
  } catch (error) {
    if (isGitError(error, 'ObjectTypeError')) return { version: null, objects: [] }; // a lightweight tag
    throw error;
  }
  const text = parseVersionMessage(tagged.message);
  if (tagged.type !== 'commit' || !text || text.project !== repo.project) return { version: null, objects: [] };
  // Listed only if every file it saved reads back: a damaged version is named instead (see readVersionListing).
  let objects: string[];
  try {
    const { tree } = (await git.readCommit({ ...repo.git, oid: tagged.object })).commit;
    objects = [oid, tagged.object, tree, ...(await readAllFiles(repo, tree, repo.project, readWhole))];
  } catch {
    throw new DamagedVersion(text.name);
  }
  const version: VersionInfo = {
    name: text.name,
    tag,
    note: text.note,
    kind: text.kind,
    author: tagged.tagger.name,
    createdAt: new Date(tagged.tagger.timestamp * 1000).toISOString(),
    commit: tagged.object,
    documentIds: await documentsAt(repo, tagged.object),
    ...(text.documentId ? { documentId: text.documentId } : {}),
  };
  return { version, objects };
}

/** The documents in a version, in the order of that version's manifest (which may be older, or damaged). */
async function documentsAt(repo: Repo, commit: string): Promise<string[]> {
  const projectTree = await treeAt(repo, (await git.readCommit({ ...repo.git, oid: commit })).commit.tree, repo.project);
  const entry = (name: string) => projectTree?.find((e) => e.path === name);
  const documentsTree = entry(DOCUMENTS_DIR);
  if (documentsTree?.type !== 'tree') return [];
  const ids = (await git.readTree({ ...repo.git, oid: documentsTree.oid })).tree
    .flatMap((e) => (e.type === 'blob' ? [documentIdOf(e.path)] : []))
    .filter((id): id is string => id !== null);
  const manifest = entry(MANIFEST_FILE);
  const order = manifest?.type === 'blob' ? await manifestOrder(repo, manifest.oid) : new Map<string, number>();
  const rank = (id: string) => order.get(id) ?? order.size;
  return ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Reads every project file of a version (git checks each one's hash), leaving a team's other files alone; returns
 * the ids of the trees and blobs read. `readWhole` holds the objects already read in the same listing: versions share
 * most of their files, and each is read once.
 */
async function readAllFiles(repo: Repo, rootTree: string, folder: string, readWhole: Set<string>): Promise<string[]> {
  const read: string[] = [];
  const trees: [string, git.TreeEntry[] | null][] = [['', await treeAt(repo, rootTree, folder)]];
  for (let next = trees.pop(); next !== undefined; next = trees.pop()) {
    const [at, tree] = next;
    for (const entry of tree ?? []) {
      const relative = `${at}${entry.path}`;
      if (entry.type === 'blob' && isProjectFile(relative)) {
        if (!readWhole.has(entry.oid)) await git.readBlob({ ...repo.git, oid: entry.oid });
        readWhole.add(entry.oid);
        read.push(entry.oid);
      }
      if (entry.type === 'tree' && (relative === DOCUMENTS_DIR || isProjectFile(`${relative}/x`))) {
        trees.push([`${relative}/`, (await git.readTree({ ...repo.git, oid: entry.oid })).tree]);
        read.push(entry.oid);
      }
    }
  }
  return read;
}

async function treeAt(repo: Repo, rootTree: string, folder: string): Promise<git.TreeEntry[] | null> {
  let tree = (await git.readTree({ ...repo.git, oid: rootTree })).tree;
  for (const name of folder === '' ? [] : folder.split('/')) {
    const next = tree.find((e) => e.path === name);
    if (next?.type !== 'tree') return null;
    tree = (await git.readTree({ ...repo.git, oid: next.oid })).tree;
  }
  return tree;
}

async function manifestOrder(repo: Repo, blobOid: string): Promise<Map<string, number>> {
  try {
    const { blob } = await git.readBlob({ ...repo.git, oid: blobOid });
    const documents = (JSON.parse(Buffer.from(blob).toString('utf8')) as { documents?: unknown }).documents;
    return new Map(Array.isArray(documents) ? documents.map((id, index) => [String(id), index] as const) : []);
  } catch {
    return new Map();
  }
}

/**
 * Git keeps time to the second, so versions saved within one second are ordered by history: a version whose commit
 * descends from another's is newer.
 */
async function newestFirst(repo: Repo, versions: VersionInfo[]): Promise<VersionInfo[]> {
  const sameSecond = new Map<string, VersionInfo[]>();
  for (const v of versions) sameSecond.set(v.createdAt, [...(sameSecond.get(v.createdAt) ?? []), v]);
  const later = new Map<VersionInfo, number>();
  const commits = new Map<string, Promise<git.CommitObject | null>>();
  for (const [createdAt, group] of sameSecond) {
    if (group.length < 2) continue;
    const others = new Set(group.map((v) => v.commit));
    const since = Date.parse(createdAt) / 1000;
    for (const v of group) later.set(v, await ancestorsAmong(repo, v.commit, others, since, commits));
  }
  const rank = (v: VersionInfo) => later.get(v) ?? 0;
  return [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || rank(b) - rank(a) || a.tag.localeCompare(b.tag));
}

/** How many of `others` a commit descends from, looking back only through commits made since `since`. */
async function ancestorsAmong(
  repo: Repo,
  start: string,
  others: Set<string>,
  since: number,
  commits: Map<string, Promise<git.CommitObject | null>>,
): Promise<number> {
  const read = (oid: string) => {
    let commit = commits.get(oid);
    if (!commit) {
      // A shallow clone may lack old parents; history simply ends there.
      commit = git.readCommit({ ...repo.git, oid }).then((r) => r.commit, () => null);
      commits.set(oid, commit);
    }
    return commit;
  };
  const seen = new Set<string>();
  let count = 0;
  for (let queue = [start]; queue.length > 0 && seen.size < MAX_TIE_WALK; ) {
    const commit = await read(queue.pop() as string);
    for (const parent of commit?.parent ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (others.has(parent)) count++;
      if (((await read(parent))?.committer.timestamp ?? 0) >= since) queue.push(parent);
    }
  }
  return count;
}

const MAX_TIE_WALK = 1000;
