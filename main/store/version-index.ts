import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import type { VersionInfo } from './history';
import type { Repo } from './history-git';
import { writeFileAtomic } from './atomic-write';

/*
 * What a listing of the versions knows without opening git objects. Reading a version back costs a dozen object reads
 * (its tag, commit, trees, every file it saved); with 1,000 versions that is seconds, where the list must show in a
 * fraction of one. Each version read in full is kept here, on disk in the repository's .git folder, by its tag
 * object's id: a tag object is named by the hash of its contents (which name the commit, and so the tree), so an entry
 * can never go stale, and one that does not match is simply read again. Losing the file loses nothing but time.
 */

const INDEX_FILE = path.join('policywright', 'versions.json');
const FORMAT = 1;
const OID = /^[0-9a-f]{40}$/;

interface Entry {
  project: string;
  tag: string;
  version: VersionInfo;
}

export class VersionIndex {
  private added = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async read(repo: Repo): Promise<VersionIndex> {
    const file = path.join(repo.git.dir, '.git', INDEX_FILE);
    const entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { format?: unknown; entries?: unknown };
      if (data.format === FORMAT && data.entries && typeof data.entries === 'object') {
        for (const [oid, entry] of Object.entries(data.entries as Record<string, Entry>)) {
          if (OID.test(oid) && typeof entry?.tag === 'string' && typeof entry.project === 'string' && isVersion(entry.version)) entries.set(oid, entry);
        }
      }
    } catch {
      // No index yet, or one cut short: the versions are read in full, and the index written again.
    }
    return new VersionIndex(file, entries);
  }

  /** The version a tag object holds, as read in full before; a copy, as the caller may change it. */
  get(repo: Repo, tag: string, tagOid: string): VersionInfo | null {
    const entry = this.entries.get(tagOid);
    if (!entry || entry.tag !== tag || entry.project !== repo.project) return null;
    return { ...entry.version, documentIds: [...entry.version.documentIds] };
  }

  set(repo: Repo, tag: string, tagOid: string, version: VersionInfo): void {
    if (this.get(repo, tag, tagOid)) return;
    this.entries.set(tagOid, { project: repo.project, tag, version: { ...version, documentIds: [...version.documentIds] } });
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
    if (!this.added) return;
    const text = JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.entries) });
    await fs.mkdir(path.dirname(this.file), { recursive: true }).catch(() => undefined);
    await writeFileAtomic(this.file, text).catch(() => undefined);
    this.added = false;
  }
}

function isVersion(value: unknown): value is VersionInfo {
  const v = value as Partial<VersionInfo> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.tag === 'string' &&
    typeof v.commit === 'string' &&
    typeof v.createdAt === 'string' &&
    Array.isArray(v.documentIds)
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
