import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { VERSION_KINDS } from '../../shared/api/contract';
import type { VersionInfo } from './history';
import type { Repo } from './history-git';
import { writeFileAtomic } from './atomic-write';
import { readGitFile } from './git-folder-guard';
import { nodeDiskIo, rememberWhole, wholeStampOf } from './durable-git-fs';

/*
 * What a listing of the versions knows without opening git objects. Reading a version back costs a dozen object reads
 * (its tag, commit, trees, every file it saved); with 1,000 versions that is seconds, where the list must show in a
 * fraction of one. Each version read in full is kept here, on disk in the repository's .git folder, by its tag
 * object's id: a tag object is named by the hash of its contents (which name the commit, and so the tree), so an entry
 * can never go stale, and one that does not match is simply read again. Losing the file loses nothing but time.
 */

const INDEX_FILE = path.join('policywright', 'versions.json');
/** What each version was read from, for the deep listing only: the quick one does not read it. */
const OBJECTS_FILE = path.join('policywright', 'version-objects.json');
const FORMAT = 2;
const OID = /^[0-9a-f]{40}$/;

interface Entry {
  project: string;
  tag: string;
  version: VersionInfo;
  /** Every object the version was read from; a deep listing checks them again, by their files' stamps. */
  objects?: string[];
}

/** A version as the index knows it: a copy, as the caller may change it. */
export interface IndexedVersion {
  version: VersionInfo;
  objects: string[] | undefined;
}

export class VersionIndex {
  private added = false;

  private constructor(
    private readonly gitdir: string,
    private readonly entries: Map<string, Entry>,
    private readonly repo: Repo,
    /** Whether the objects file was read, and so is written back whole. */
    private readonly withObjects: boolean,
    private stampsRead: number,
  ) {}

  /** The index; with `objects`, also what each version was read from and the stamps of the objects found whole. */
  static async read(repo: Repo, objects: boolean): Promise<VersionIndex> {
    const gitdir = path.join(repo.git.dir, '.git');
    const entries = new Map<string, Entry>();
    let stampsRead = 0;
    try {
      const data = JSON.parse((await readGitFile(path.join(gitdir, INDEX_FILE), 'utf8')) as string) as { format?: unknown; entries?: unknown };
      if (data.format === FORMAT && data.entries && typeof data.entries === 'object') {
        for (const [oid, entry] of Object.entries(data.entries as Record<string, Entry>)) {
          if (OID.test(oid) && typeof entry?.tag === 'string' && typeof entry.project === 'string' && isVersion(entry.version) && entry.version.tag === entry.tag) {
            entries.set(oid, { project: entry.project, tag: entry.tag, version: entry.version });
          }
        }
      }
    } catch {
      // No index yet, or one cut short: the versions are read in full, and the index written again.
    }
    if (objects) stampsRead = await readObjects(repo, path.join(gitdir, OBJECTS_FILE), entries);
    return new VersionIndex(gitdir, entries, repo, objects, stampsRead);
  }

  /** The version a tag object holds, as read in full before. */
  get(repo: Repo, tag: string, tagOid: string): IndexedVersion | null {
    const entry = this.entries.get(tagOid);
    if (!entry || entry.tag !== tag || entry.project !== repo.project) return null;
    return { version: { ...entry.version, documentIds: [...entry.version.documentIds] }, objects: entry.objects && [...entry.objects] };
  }

  set(repo: Repo, tag: string, tagOid: string, record: { version: VersionInfo; objects: string[] }): void {
    if (this.get(repo, tag, tagOid)?.objects) return;
    const { version, objects } = record;
    this.entries.set(tagOid, { project: repo.project, tag, version: { ...version, documentIds: [...version.documentIds] }, objects: [...objects] });
    this.added = true;
  }

  /** Keeps only the tags still there, and writes the index if it learnt something. A folder that cannot be written costs only time. */
  async save(present: ReadonlySet<string>): Promise<void> {
    for (const oid of this.entries.keys()) {
      if (!present.has(oid)) {
        this.entries.delete(oid);
        this.added = true;
      }
    }
    const stored: Record<string, Entry> = {};
    for (const [tagOid, { project, tag, version }] of this.entries) stored[tagOid] = { project, tag, version };
    const table: string[] = [];
    const place = new Map<string, number>();
    const stamps: (string | null)[] = [];
    const objects: Record<string, number[]> = {};
    let stampCount = 0;
    for (const [tagOid, entry] of this.entries) {
      if (!entry.objects) continue;
      objects[tagOid] = entry.objects.map((oid) => {
        let i = place.get(oid);
        if (i === undefined) {
          i = table.push(oid) - 1;
          place.set(oid, i);
          const stamp = wholeStampOf(objectPath(this.repo, oid)) ?? null;
          stamps.push(stamp);
          if (stamp !== null) stampCount++;
        }
        return i;
      });
    }
    // Written when it learnt a version, or the stamps of objects a deep listing checked.
    if (!this.added && stampCount === this.stampsRead) return;
    await fs.mkdir(path.join(this.gitdir, 'policywright'), { recursive: true }).catch(() => undefined);
    await writeIndexFile(path.join(this.gitdir, INDEX_FILE), JSON.stringify({ format: FORMAT, entries: stored })).catch(() => undefined);
    // A quick listing knows no objects: it adds them to the objects file only when it read that file too, never
    // writing over what a deep listing kept with less.
    if (this.withObjects || this.added) {
      const previous = this.withObjects ? null : await readGitFile(path.join(this.gitdir, OBJECTS_FILE)).catch(() => null);
      if (previous === null) {
        const text = JSON.stringify({ format: FORMAT, objects: table, entries: objects, stamps });
        await writeIndexFile(path.join(this.gitdir, OBJECTS_FILE), text).catch(() => undefined);
      }
    }
    this.added = false;
    this.stampsRead = stampCount;
  }
}

/** Reads the objects file into the entries, and the stamps it keeps into the record of objects found whole. */
async function readObjects(repo: Repo, file: string, entries: Map<string, Entry>): Promise<number> {
  let stampsRead = 0;
  try {
    // Each object id is written once, in `objects`; entries and stamps name objects by their place there.
    const data = JSON.parse((await readGitFile(file, 'utf8')) as string) as { format?: unknown; objects?: unknown; entries?: unknown; stamps?: unknown };
    if (data.format !== FORMAT || !Array.isArray(data.objects)) return 0;
    const table = data.objects.map((o) => (typeof o === 'string' && OID.test(o) ? o : null));
    for (const [tagOid, places] of Object.entries((data.entries ?? {}) as Record<string, unknown>)) {
      const entry = entries.get(tagOid);
      if (!entry || !Array.isArray(places)) continue;
      const ids = places.map((i) => (typeof i === 'number' ? table[i] : null));
      if (ids.every((o): o is string => typeof o === 'string')) entry.objects = ids;
    }
    // Object files found whole before, by stamp (size, time, inode): one with the same stamp is not read again.
    if (Array.isArray(data.stamps)) {
      data.stamps.forEach((stamp: unknown, i) => {
        const oid = table[i];
        if (typeof stamp === 'string' && oid) {
          rememberWhole(objectPath(repo, oid), stamp);
          stampsRead++;
        }
      });
    }
  } catch {
    // None yet, or cut short: a deep listing reads every version in full, and writes it again.
  }
  return stampsRead;
}

function objectPath(repo: Repo, oid: string): string {
  return path.join(repo.git.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
}

/** The index's files are written through the guarded disk layer: never through a link in the .git folder. */
function writeIndexFile(file: string, text: string): Promise<void> {
  return writeFileAtomic(file, text, nodeDiskIo);
}

/**
 * Whether an entry of the index is a version as the app shows it, every field of its type: the file sits in the
 * project's .git folder, which came with the folder from whoever shared it, and a note that is an object, say, would
 * break the list of versions where it is drawn. An entry that is not is read again from git.
 */
function isVersion(value: unknown): value is VersionInfo {
  const v = value as Partial<Record<keyof VersionInfo, unknown>> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.tag === 'string' &&
    typeof v.note === 'string' &&
    typeof v.author === 'string' &&
    (VERSION_KINDS as readonly unknown[]).includes(v.kind) &&
    typeof v.commit === 'string' &&
    OID.test(v.commit) &&
    typeof v.createdAt === 'string' &&
    Array.isArray(v.documentIds) &&
    v.documentIds.every((id) => typeof id === 'string') &&
    (v.documentId === undefined || typeof v.documentId === 'string')
  );
}

/**
 * The object a tag ref points at. A loose ref is read as a file (isomorphic-git's resolveRef costs half a millisecond
 * a ref, half a second for 1,000 tags); a packed ref, or anything unusual, is left to isomorphic-git.
 */
export async function tagOidOf(repo: Repo, tag: string): Promise<string> {
  const file = path.join(repo.git.dir, '.git', 'refs', 'tags', ...tag.split('/'));
  // Through the repository's own file system (tests hand in one that fails or loses writes).
  const repoFs = 'promises' in repo.git.fs ? repo.git.fs.promises : repo.git.fs;
  const text = await (repoFs.readFile(file, { encoding: 'utf8' }) as Promise<string>).catch(() => null);
  const oid = typeof text === 'string' ? text.trim() : '';
  if (OID.test(oid)) return oid;
  return git.resolveRef({ ...repo.git, ref: `refs/tags/${tag}` });
}
