import type { VersionSummary } from '../../shared/api/contract';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { UserError } from './errors';
import { signerFor } from './signing';
import { Project } from './project';
import { DOCUMENTS_DIR, MANIFEST_FILE } from './project-files';
import {
  identityOf,
  checkAuthor,
  checkKind,
  checkName,
  checkNote,
  formatVersionMessage,
  nameKey,
  tagNameFor,
  type VersionKind,
} from './history-message';
import {
  findOrInitRepo,
  findRepo,
  isGitError,
  isProjectFile,
  repoPath,
  type Repo,
} from './history-git';
import { DamagedVersion, readVersion, readVersionListing, type VersionListing } from './history-read';
import { writeVersion } from './history-save';
import { versionSaveError } from './history-errors';
import { durableGitFs, nodeDiskIo, type DiskIo } from './durable-git-fs';
import { serialized } from './serialized';
import { tagsOf } from './history-head';

export type { VersionKind } from './history-message';

/** A saved version as the API describes it, and the document that was open when it was saved. */
export interface VersionInfo extends VersionSummary {
  /** The document open when the version was saved, when there was one. */
  documentId?: string;
}

export interface SaveVersionInput {
  name: string;
  note: string;
  kind: VersionKind;
  author: string;
  documentId?: string;
}

/**
 * A project's saved versions, kept as git history in the project's folder: each version is a commit of the project's
 * files and an annotated tag on it, so `git log`, `git show` and any git server see them too. Versions are immutable:
 * a tag is never moved or deleted, and a name is never reused.
 */
export class ProjectHistory {
  private constructor(
    readonly dir: string,
    private readonly io: DiskIo,
  ) {}

  /** `io` is the file system under the repository's durable layer: tests hand in one that fails or crashes. */
  static for(projectDir: string, options: { io?: DiskIo } = {}): ProjectHistory {
    return new ProjectHistory(path.resolve(projectDir), options.io ?? nodeDiskIo);
  }

  async saveVersion(input: SaveVersionInput): Promise<VersionInfo> {
    const name = checkName(input.name);
    const note = checkNote(input.note);
    const kind = checkKind(input.kind);
    const author = checkAuthor(input.author);
    // Whatever fails (a read-only folder when git is set up, a full disk), the person reads one sentence.
    const saving = serialized(this.dir, async () => {
      const { documentId } = input;
      const project = await Project.open(this.dir);
      if (documentId !== undefined) project.requireDocument(documentId);
      const repo = durable(await findOrInitRepo(this.dir), this.io);
      // Two projects in one team repository share its index and refs.
      return serialized(`repository ${repo.git.dir}`, async () => {
        const tag = tagNameFor(repo.project, name);
        await refuseTaken(repo, name, tag);
        const who = identityOf(author);
        const message = formatVersionMessage({ name, note, kind, documentId, project: repo.project });
        await writeVersion(repo, this.io, { name, tag, message, who, projectDir: this.dir, sign: await signerFor(repo) });
        const saved = await readVersion({ ...repo, git: { ...repo.git, cache: {} } }, tag);
        if (!saved) throw new Error(`the tag ${tag} was written but does not read back as a version`);
        return saved;
      });
    });
    return saving.catch((error: unknown) => {
      throw versionSaveError(error, name, this.dir, false);
    });
  }

  /**
   * Newest first, quickly: versions listed before are taken from the version index without opening their objects
   * again (see readVersionListing); listVersionsWithProblems checks them all.
   */
  async listVersions(): Promise<VersionInfo[]> {
    return (await this.listing(false)).versions;
  }

  /** Newest first, with a sentence for each version that is damaged and left out of the list; checks every object. */
  listVersionsWithProblems(): Promise<VersionListing> {
    return this.listing(true);
  }

  private listing(deep: boolean): Promise<VersionListing> {
    return serialized(this.dir, async () => {
      const repo = await findRepo(this.dir);
      return repo ? readVersionListing(durable(repo, this.io), true, deep) : { versions: [], problems: [] };
    });
  }

  /**
   * By name, ignoring case, as names are unique regardless of case. A name's tag is found from the name itself, so
   * finding one version reads that version only, however long the history; the list is read only when the name's
   * own tag does not hold it (a tag of another project, or a name that is not there: the message names the newest).
   */
  async findVersion(name: string): Promise<VersionInfo> {
    const direct = await serialized(this.dir, async () => {
      const repo = await findRepo(this.dir);
      if (!repo) return null;
      const durableRepo = durable(repo, this.io);
      return readVersion(durableRepo, tagNameFor(repo.project, name.normalize('NFC').trim())).catch((error: unknown) => {
        if (error instanceof DamagedVersion) throw new UserError(`The version "${error.versionName}" in ${this.dir} is damaged (some of what it saved cannot be read), so it cannot be opened.`);
        return null;
      });
    });
    if (direct && (direct.name === name || nameKey(direct.name) === nameKey(name.normalize('NFC').trim()))) return direct;
    const versions = await this.listVersions();
    const found = versions.find((v) => v.name === name) ?? versions.find((v) => nameKey(v.name) === nameKey(name.trim()));
    if (found) return found;
    const shown = [...name].length > 60 ? `${[...name].slice(0, 60).join('')}…` : name;
    const newest = versions[0];
    throw new UserError(
      newest
        ? `There is no version "${shown}" in ${this.dir}; the newest of its ${versions.length} version(s) is "${newest.name}".`
        : `There is no version "${shown}": ${this.dir} has no saved versions yet.`,
    );
  }

  /** A project file (e.g. "documents/privacy-policy.policy.json") as it was in a version; null if it did not exist then. */
  async readFileAt(version: VersionInfo, relativePath: string): Promise<string | null> {
    const relative = checkRelativePath(relativePath);
    return serialized(this.dir, async () => {
      const repo = await findRepo(this.dir);
      if (!repo) throw new UserError(`${this.dir} has no saved versions, so it has no version "${version.name}".`);
      try {
        const { blob } = await git.readBlob({ ...repo.git, oid: version.commit, filepath: repoPath(repo, relative) });
        return Buffer.from(blob).toString('utf8');
      } catch (error) {
        if (isGitError(error, 'NotFoundError')) return null;
        throw error;
      }
    });
  }
}

/** Every isomorphic-git call on the repository goes through the durable layer (see durable-git-fs.ts). */
function durable(repo: Repo, io: DiskIo): Repo {
  return { ...repo, git: { ...repo.git, fs: durableGitFs(io) } };
}

function checkRelativePath(relativePath: string): string {
  const relative = relativePath.split(/[\\/]+/).filter((segment) => segment !== '.' && segment !== '').join('/');
  if (path.isAbsolute(relativePath) || !isProjectFile(relative)) {
    throw new UserError(`"${relativePath}" is not a project file: versions hold ${MANIFEST_FILE}, ${DOCUMENTS_DIR}/<id>.policy.json and the clauses folder.`);
  }
  return relative;
}

/**
 * Names that differ only in case have the same tag (see slugOf), so one look at the tags finds a name already used,
 * without reading every version.
 */
async function refuseTaken(repo: Repo, name: string, tag: string): Promise<void> {
  // Refs are files: "a" and "a/b" cannot both exist, and "A" and "a" are one file on macOS and Windows.
  const clash = (await tagsOf(repo)).find((existing) => {
    const other = existing.toLowerCase();
    return other === tag || other.startsWith(`${tag}/`) || tag.startsWith(`${other}/`);
  });
  if (clash === undefined) return;
  // A damaged tag still holds its name: it is said to clash, as any tag Policywright did not write.
  const owner = await readVersion(repo, clash).catch(() => null);
  if (owner && nameKey(owner.name) === nameKey(name)) {
    throw new UserError(`There is already a version named "${owner.name}", saved ${owner.createdAt.slice(0, 10)}; versions cannot be changed, so choose another name.`);
  }
  throw new UserError(
    owner
      ? `The name "${name}" would be saved as the git tag "${tag}", which version "${owner.name}" already has; choose a more distinct name.`
      : `The name "${name}" would be saved as the git tag "${tag}", which clashes with the tag "${clash}" already in the repository; choose another name.`,
  );
}
