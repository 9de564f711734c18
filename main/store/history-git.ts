import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { DocumentIdSchema } from '../../shared/model/document';
import { guardedGitFs, type GitFs } from './durable-git-fs';
import { UserError } from './errors';
import { CLAUSES_DIR, DOCUMENTS_DIR, DOCUMENT_SUFFIX, MANIFEST_FILE, VARIABLES_FILE, WORKFLOW_DIR } from './project-files';
import { ConfinedFolder, SIZE_LIMITS } from './project-fs';
import { Project } from './project';

/**
 * The git side of a project's history: finding (or making) the repository, telling the project's own files from
 * everything else in it, and turning them into a commit's tree.
 */

export interface Repo {
  /** What every isomorphic-git call takes; one cache per operation lets its reads share unpacked objects. */
  git: { fs: typeof nodeFs | GitFs; dir: string; cache: object };
  /** The project folder relative to the repository root, with forward slashes; '' when the project is the root. */
  project: string;
}

export interface Identity {
  name: string;
  email: string;
  timestamp: number;
  timezoneOffset: number;
}

/**
 * The repository the project folder is in, or null when it is in none: the nearest folder, from the project up, with
 * a `.git`. That `.git` must be a real folder (the project's own, or a team checkout's above it): a `.git` file or
 * link could send every commit into some other repository, so it is refused, never written through.
 */
export async function findRepo(projectDir: string): Promise<Repo | null> {
  let root: string | null = null;
  for (let dir = path.resolve(projectDir); root === null; ) {
    const dotGit = await nodeFs.promises.lstat(path.join(dir, '.git')).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw new UserError(`${path.join(dir, '.git')} cannot be read, so Policywright cannot keep versions there.`);
    });
    if (dotGit) {
      await refuseWorktree(dir, dotGit);
      root = dir;
    } else {
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
  return {
    git: { fs: guardedGitFs, dir: root, cache: {} },
    project: path.relative(root, projectDir).split(path.sep).join('/'),
  };
}

export async function findOrInitRepo(projectDir: string): Promise<Repo> {
  const found = await findRepo(projectDir);
  if (found) return found;
  await git.init({ fs: guardedGitFs, dir: projectDir, defaultBranch: 'main' });
  return { git: { fs: guardedGitFs, dir: projectDir, cache: {} }, project: '' };
}

/**
 * Refuses a `.git` that is not a real folder (a `gitdir:` file, as worktrees and submodules have, a link, anything
 * else), and a real one whose own entries are links or special files that isomorphic-git would write or read through.
 * Only the `.git` file's own text is read, never the folder it names.
 */
async function refuseWorktree(root: string, dotGit: nodeFs.Stats): Promise<void> {
  const name = path.join(root, '.git');
  if (dotGit.isSymbolicLink()) {
    throw new UserError(`${name} is a link to another folder; Policywright keeps versions only in a real .git folder and does not follow it.`);
  }
  if (dotGit.isFile()) {
    const text = await new ConfinedFolder(root).readText('.git', 64 * 1024).then((read) => read?.text ?? '', () => '');
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(text)?.[1] ?? '';
    if (/[\\/]worktrees[\\/][^\\/]+$/.test(pointer)) {
      throw new UserError(`${root} is a git worktree, where Policywright cannot keep versions; open the project from the repository's main checkout.`);
    }
    const what = /[\\/]modules[\\/]/.test(pointer) ? 'a git submodule' : 'another git folder';
    throw new UserError(`${name} is a file that points to ${what}; Policywright keeps versions only in a real .git folder and does not write through it.`);
  }
  if (!dotGit.isDirectory()) throw new UserError(`${name} is not a folder; Policywright keeps versions only in a real .git folder.`);
  const inside = new ConfinedFolder(root, { it: 'the repository', kind: 'a .git folder' });
  for (const entry of GIT_FILES) await inside.inspectFile(`.git/${entry}`, Number.MAX_SAFE_INTEGER);
  for (const entry of GIT_FOLDERS) await inside.list(`.git/${entry}`);
}

/** What isomorphic-git reads and writes at the top of a .git folder, checked to be real files and folders. */
const GIT_FILES = ['HEAD', 'index', 'config', 'packed-refs', 'shallow'];
const GIT_FOLDERS = ['objects', 'objects/pack', 'refs', 'refs/heads', 'refs/tags'];

/** A path inside the repository, from a path inside the project. */
export function repoPath(repo: Repo, relative: string): string {
  return repo.project === '' ? relative : `${repo.project}/${relative}`;
}

function workflowIdOf(fileName: string): string | null {
  if (!fileName.endsWith('.json')) return null;
  const id = fileName.slice(0, -'.json'.length);
  return DocumentIdSchema.safeParse(id).success ? id : null;
}

export function documentIdOf(fileName: string): string | null {
  if (!fileName.endsWith(DOCUMENT_SUFFIX)) return null;
  const id = fileName.slice(0, -DOCUMENT_SUFFIX.length);
  return DocumentIdSchema.safeParse(id).success ? id : null;
}

/**
 * The files a version holds, by their path inside the project: the manifest, the variables, the documents and the
 * clause library.
 * Hidden files are left out: a Finder's .DS_Store, an editor's swap file or a half-written save's temporary file.
 */
export function isProjectFile(relative: string): boolean {
  if (relative === MANIFEST_FILE || relative === VARIABLES_FILE) return true;
  const [top, ...rest] = relative.split('/');
  if (top === DOCUMENTS_DIR) return rest.length === 1 && documentIdOf(rest[0] as string) !== null;
  if (top === WORKFLOW_DIR) return rest.length === 1 && workflowIdOf(rest[0] as string) !== null;
  if (top === CLAUSES_DIR) return rest.length > 0 && rest.every((segment) => segment !== '' && !segment.startsWith('.'));
  return false;
}

function mayHoldProjectFiles(relativeDir: string): boolean {
  if (relativeDir === DOCUMENTS_DIR || relativeDir === WORKFLOW_DIR) return true;
  return relativeDir === CLAUSES_DIR || (relativeDir.startsWith(`${CLAUSES_DIR}/`) && isProjectFile(relativeDir));
}

/**
 * The files the next version takes, as an explicit list: the manifest, the variables, the documents the manifest
 * lists, and the clause library's files, each a regular file reached through the project's real folders (a link, a
 * pipe or a device stops the save with one sentence naming it). Absent files are simply not in the list.
 */
export async function projectFilesOnDisk(projectDir: string): Promise<string[]> {
  const project = new ConfinedFolder(projectDir);
  // The manifest as Project reads it: through the same checks, and refused in the same words.
  const listed = (await Project.open(projectDir)).documentIds;
  const files = [MANIFEST_FILE];
  if (await project.inspectFile(VARIABLES_FILE, SIZE_LIMITS.variables)) files.push(VARIABLES_FILE);
  for (const id of listed) {
    // A Windows device name is never opened (see Project.requireListed), so never staged either.
    const file = `${DOCUMENTS_DIR}/${id}${DOCUMENT_SUFFIX}`;
    if (documentIdOf(`${id}${DOCUMENT_SUFFIX}`) !== null && (await project.inspectFile(file, SIZE_LIMITS.document))) files.push(file);
  }
  for (const id of listed) {
    const file = `${WORKFLOW_DIR}/${id}.json`;
    if (isProjectFile(file) && (await project.inspectFile(file, SIZE_LIMITS.workflow))) files.push(file);
  }
  const folders = [CLAUSES_DIR];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of await readDir(project, folder)) {
      const relative = `${folder}/${entry.name}`;
      if (!isProjectFile(relative)) continue;
      if (entry.isDirectory()) {
        folders.push(relative);
        continue;
      }
      const refusal = await project.refusalOf(relative, entry);
      if (refusal) throw new UserError(refusal);
      // Besides clauses, a team may keep notes or a PDF beside them: the document limit, not the clause one.
      if (await project.inspectFile(relative, SIZE_LIMITS.document)) files.push(relative);
    }
  }
  return files;
}

/** A real folder's entries, sorted so a version's list is the same on every system; none when it does not exist. */
async function readDir(project: ConfinedFolder, relative: string): Promise<nodeFs.Dirent[]> {
  return ((await project.list(relative)) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function headCommit(repo: Repo): Promise<string | null> {
  try {
    return await git.resolveRef({ ...repo.git, ref: 'HEAD' });
  } catch (error) {
    if (isGitError(error, 'NotFoundError')) return null;
    throw error;
  }
}

interface Staged {
  oid: string;
  mode: string;
}

/**
 * Stages the project's files as they are on disk, deletions included, and returns the tree of the next commit: the
 * HEAD tree with the project's files replaced and nothing else changed. A teammate's unrelated staged work stays
 * staged and out of the version, as with `git commit -- <paths>`.
 */
export async function stageProject(repo: Repo, projectDir: string, head: string | null, files?: string[]): Promise<string> {
  const onDisk = files ?? (await projectFilesOnDisk(projectDir));
  const inHead = head ? await projectFilesIn(repo, git.TREE({ ref: head })) : new Map<string, Staged>();
  const known = new Set([...inHead.keys(), ...(await projectFilesIn(repo, git.STAGE())).keys()]);
  const present = new Set(onDisk);
  const gone = [...known].filter((file) => !present.has(file));
  // force: a team's .gitignore must not leave a document out of its own version.
  if (onDisk.length > 0) await git.add({ ...repo.git, filepath: onDisk.map((file) => repoPath(repo, file)), force: true }).catch(firstOfMany);
  if (gone.length > 0) await git.remove({ ...repo.git, filepath: gone.map((file) => repoPath(repo, file)) });

  const changes = new Map<string, Staged | null>();
  for (const file of inHead.keys()) changes.set(repoPath(repo, file), null);
  for (const [file, staged] of await projectFilesIn(repo, git.STAGE())) changes.set(repoPath(repo, file), staged);
  const headTree = head ? (await git.readCommit({ ...repo.git, oid: head })).commit.tree : null;
  return (await replaceInTree(repo, headTree, changes)) ?? (await git.writeTree({ ...repo.git, tree: [] }));
}

/**
 * isomorphic-git adds several files at once and gathers their failures into one MultipleGitError, whose own message
 * says only that there were several: the first of them is what the person is told (a refusal's one sentence).
 */
function firstOfMany(error: unknown): never {
  const errors = isGitError(error, 'MultipleGitError') ? (error as { errors?: unknown }).errors : undefined;
  if (Array.isArray(errors) && errors.length > 0) throw errors.find((inner) => inner instanceof UserError) ?? errors[0];
  throw error;
}

/** The project's files in a commit or in the index, by path inside the project; folders elsewhere are not entered. */
export async function projectFilesIn(repo: Repo, walker: git.Walker): Promise<Map<string, Staged>> {
  const found = new Map<string, Staged>();
  const prefix = repo.project;
  await git.walk({
    ...repo.git,
    trees: [walker],
    map: async (filepath, [entry]) => {
      if (!entry) return null;
      if (prefix !== '' && (filepath === '.' || prefix.startsWith(`${filepath}/`))) return true;
      const relative = prefix === '' ? filepath : filepath === prefix ? '.' : filepath.startsWith(`${prefix}/`) ? filepath.slice(prefix.length + 1) : null;
      if (relative === null) return null;
      const type = await entry.type();
      if (type === 'tree') return relative === '.' || mayHoldProjectFiles(relative) ? true : null;
      if (type === 'blob' && isProjectFile(relative)) {
        found.set(relative, { oid: await entry.oid(), mode: (await entry.mode()).toString(8) });
      }
      return null;
    },
    reduce: async () => undefined,
  });
  return found;
}

/** Writes the trees along the changed paths (null deletes a file); returns null when nothing is left in the tree. */
async function replaceInTree(repo: Repo, treeOid: string | null, changes: Map<string, Staged | null>): Promise<string | null> {
  const entries = new Map<string, git.TreeEntry>();
  if (treeOid) for (const entry of (await git.readTree({ ...repo.git, oid: treeOid })).tree) entries.set(entry.path, entry);
  const below = new Map<string, Map<string, Staged | null>>();
  for (const [file, staged] of changes) {
    const slash = file.indexOf('/');
    if (slash >= 0) {
      const name = file.slice(0, slash);
      const inner = below.get(name) ?? new Map<string, Staged | null>();
      inner.set(file.slice(slash + 1), staged);
      below.set(name, inner);
    } else if (staged) {
      entries.set(file, { path: file, type: 'blob', mode: staged.mode, oid: staged.oid });
    } else {
      entries.delete(file);
    }
  }
  for (const [name, inner] of below) {
    const current = entries.get(name);
    const oid = await replaceInTree(repo, current?.type === 'tree' ? current.oid : null, inner);
    if (oid) entries.set(name, { path: name, type: 'tree', mode: '040000', oid });
    else if (current?.type === 'tree') entries.delete(name);
  }
  return entries.size === 0 ? null : git.writeTree({ ...repo.git, tree: [...entries.values()] });
}

export function isGitError(error: unknown, code: keyof typeof git.Errors): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}
