import * as git from 'isomorphic-git';
import { UserError } from '../store/errors';
import { isProjectFile, type Repo } from '../store/history-git';
import { CLAUSES_DIR, DOCUMENTS_DIR, MANIFEST_FILE, VARIABLES_FILE, WORKFLOW_DIR } from '../store/project-files';
import { SIZE_LIMITS, textOf } from '../store/project-fs';

/** A project file in a commit: its blob and git mode. */
export interface TreeFile {
  readonly oid: string;
  readonly mode: string;
}

const SYMLINK = '120000';
const SUBMODULE = '160000';

/**
 * The project's files in a commit, by path inside the project, for a commit that came from a server: every name on
 * the way is checked, and a link, a submodule or an odd name (`..`, a slash, an absolute path) where a project file or
 * folder would be refuses the whole commit in one sentence, so nothing of it is ever written into the folder.
 * Files outside the project's layout (a README beside it) are left alone, as they are never written.
 */
export async function projectFilesOf(repo: Repo, commit: string): Promise<Map<string, TreeFile>> {
  const { tree } = (await git.readCommit({ ...repo.git, oid: commit })).commit;
  let root: string | null = tree;
  for (const segment of repo.project === '' ? [] : repo.project.split('/')) {
    const entry: git.TreeEntry | undefined = root ? (await git.readTree({ ...repo.git, oid: root })).tree.find((e) => e.path === segment) : undefined;
    root = entry?.type === 'tree' ? entry.oid : null;
  }
  const found = new Map<string, TreeFile>();
  if (root) await collect(repo, root, '', found);
  return found;
}

async function collect(repo: Repo, treeOid: string, folder: string, found: Map<string, TreeFile>): Promise<void> {
  for (const entry of await entriesOf(repo, treeOid, folder)) {
    const name = entry.path;
    const relative = folder === '' ? name : `${folder}/${name}`;
    if (name === '' || name === '.' || name === '..' || /[\\/\0]/.test(name) || /^[a-zA-Z]:/.test(name)) {
      throw hostile(`an entry named "${relative}", which would lead outside the project folder`);
    }
    if (!mayMatter(relative)) continue;
    if (entry.mode === SYMLINK) throw hostile(`${relative} as a link`);
    if (entry.mode === SUBMODULE || entry.type === 'commit') throw hostile(`${relative} as another repository (a submodule)`);
    if (entry.type === 'tree') await collect(repo, entry.oid, relative, found);
    else if (isProjectFile(relative)) found.set(relative, { oid: entry.oid, mode: entry.mode });
  }
}

/** A tree's entries; isomorphic-git itself refuses to read a tree with a name like `..` in it. */
async function entriesOf(repo: Repo, treeOid: string, folder: string): Promise<git.TreeEntry[]> {
  try {
    return (await git.readTree({ ...repo.git, oid: treeOid })).tree;
  } catch (error) {
    if ((error as { code?: string }).code !== 'UnsafeFilepathError') throw error;
    const name = (error as { data?: { filepath?: string } }).data?.filepath ?? '..';
    throw hostile(`an entry named "${folder === '' ? name : `${folder}/${name}`}", which would lead outside the project folder`);
  }
}

/** A project file, or a folder that may hold some: what sync could write. */
function mayMatter(relative: string): boolean {
  return relative === DOCUMENTS_DIR || relative === CLAUSES_DIR || relative === WORKFLOW_DIR || isProjectFile(relative);
}

function hostile(what: string): UserError {
  return new UserError(`The server's copy of the project holds ${what}; Policywright refused to sync it and wrote nothing into the project.`);
}

/** The most Policywright writes of a file, as it reads it (projectFilesOnDisk). */
export function sizeLimitOf(relative: string): number {
  if (relative === MANIFEST_FILE) return SIZE_LIMITS.manifest;
  if (relative === VARIABLES_FILE) return SIZE_LIMITS.variables;
  if (relative.startsWith(`${WORKFLOW_DIR}/`)) return SIZE_LIMITS.workflow;
  return SIZE_LIMITS.document;
}

/** A blob's text, refused in one sentence when it is over the size Policywright reads for such a file. */
export async function readProjectText(repo: Repo, relative: string, oid: string): Promise<string> {
  const { blob } = await git.readBlob({ ...repo.git, oid });
  if (blob.length > sizeLimitOf(relative)) {
    throw new UserError(`The server's copy of ${relative} is ${Math.ceil(blob.length / 1024 / 1024)} MiB, over what Policywright reads for such a file; nothing was synced.`);
  }
  return textOf(relative, blob);
}
