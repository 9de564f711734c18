import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { durableWrite, type DiskIo } from './durable-git-fs';
import { UserError } from './errors';
import { isGitError, type Repo } from './history-git';
import { parseVersionMessage } from './history-message';

/**
 * Where the next version goes: the branch HEAD names and the commit it points at, made whole again when an earlier
 * crash left it empty or pointing at a damaged commit. An empty branch would otherwise make the next version a root
 * commit and drop every earlier one from the branch's history.
 */
export interface Head {
  /** The branch ref ("refs/heads/main"), or null when HEAD is detached and is itself what moves. */
  branch: string | null;
  commit: string | null;
}

const OID = /^[0-9a-f]{40}$/;

/**
 * A ref's name as git allows it (git check-ref-format), under `under` ('refs/heads/', 'refs/tags/'): HEAD and the
 * repository's refs (packed-refs included) are read from the project's own folder, which may come from anyone, and a
 * ref's name becomes a path under .git that is read and written: `refs/heads/../../../x` would reach outside.
 */
export function isRefName(ref: string, under: string): boolean {
  if (!ref.startsWith(under) || ref.endsWith('/') || ref.endsWith('.') || ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false;
  // No control characters, space, ~ ^ : ? * [ or backslash, and no component that starts with a dot or ends in .lock.
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  if (/[~^:?*[\\]/.test(ref)) return false;
  return ref
    .slice(under.length)
    .split('/')
    .every((part) => part !== '' && part !== '@' && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** A branch's ref as git allows it, under refs/heads/. */
export function isBranchRef(ref: string): boolean {
  return isRefName(ref, 'refs/heads/');
}

/** The repository's tags whose names git allows (see isRefName); any other is no version and is never read. */
export async function tagsOf(repo: Repo): Promise<string[]> {
  return (await git.listTags(repo.git)).filter((tag) => isRefName(`refs/tags/${tag}`, 'refs/tags/'));
}

export function gitDirOf(repo: Repo): string {
  return path.join(repo.git.dir, '.git');
}

export async function settleHead(repo: Repo, io: DiskIo): Promise<Head> {
  const gitdir = gitDirOf(repo);
  const headText = (await readText(io, path.join(gitdir, 'HEAD')))?.trim() ?? '';
  const symbolic = /^ref:\s*(refs\/\S+)$/.exec(headText)?.[1];
  if (!symbolic && OID.test(headText) && (await isReadableCommit(repo, headText))) return { branch: null, commit: headText };
  let branch = symbolic ?? null;
  if (branch !== null && !isBranchRef(branch)) {
    throw new UserError(
      `The repository in ${repo.git.dir} is on ${JSON.stringify(branch)}, which is not a branch git allows (.git/HEAD), so nothing was changed; check out the main branch with git first.`,
    );
  }
  if (!branch) {
    // HEAD itself was left empty: the only branch there is, or the usual one.
    const branches = await git.listBranches(repo.git).catch(() => []);
    const only = branches.length === 1 ? `refs/heads/${branches[0]}` : null;
    branch = only !== null && isBranchRef(only) ? only : 'refs/heads/main';
    await durableWrite(io, path.join(gitdir, 'HEAD'), `ref: ${branch}\n`);
  }
  const loose = await readText(io, path.join(gitdir, branch));
  const pointed = loose === null ? await packedValue(repo, branch) : loose.trim();
  if (pointed !== null && OID.test(pointed) && (await isReadableCommit(repo, pointed))) {
    return { branch, commit: await fastForward(repo, io, branch, pointed) };
  }
  const recovered = await evidenceOfBranch(repo, io, branch);
  if (recovered) {
    await durableWrite(io, path.join(gitdir, branch), `${recovered}\n`);
    return { branch, commit: await fastForward(repo, io, branch, recovered) };
  }
  if (pointed === null) return { branch, commit: null }; // a new repository: the first version starts the branch
  const shown = branch.replace(/^refs\/heads\//, '');
  throw new UserError(
    `The branch "${shown}" in ${repo.git.dir} is damaged and no saved version shows where it pointed, so a new version would cut off its history; restore .git/${branch} from a backup or with git.`,
  );
}

async function readText(io: DiskIo, file: string): Promise<string | null> {
  try {
    return (await io.readFile(file, 'utf8')) as string;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}

async function packedValue(repo: Repo, branch: string): Promise<string | null> {
  try {
    return await git.resolveRef({ ...repo.git, ref: branch, depth: 1 });
  } catch (error) {
    if (isGitError(error, 'NotFoundError')) return null;
    throw error;
  }
}

async function isReadableCommit(repo: Repo, oid: string): Promise<boolean> {
  try {
    await git.readCommit({ ...repo.git, cache: {}, oid });
    return true;
  } catch {
    return false;
  }
}

/** What the branch pointed at: the last entry of git's own reflog, else the newest version saved in the repository. */
async function evidenceOfBranch(repo: Repo, io: DiskIo, branch: string): Promise<string | null> {
  const log = await readText(io, path.join(gitDirOf(repo), 'logs', branch)).catch(() => null);
  const lastLine = log?.trim().split('\n').pop() ?? '';
  const logged = lastLine.split(' ')[1] ?? '';
  if (OID.test(logged) && (await isReadableCommit(repo, logged))) return logged;
  const newest = (await versionCommits(repo)).sort((a, b) => b.time - a.time)[0];
  return newest?.commit ?? null;
}

interface TaggedCommit {
  commit: string;
  parent: string | null;
  time: number;
}

/** Tag objects never change, so what each one says is kept by repository and id. */
const taggedCommits = new Map<string, TaggedCommit | null>();

/** The commits of the readable Policywright version tags, of every project in the repository. */
async function versionCommits(repo: Repo): Promise<TaggedCommit[]> {
  const found: TaggedCommit[] = [];
  for (const tag of await tagsOf(repo)) {
    const oid = await git.resolveRef({ ...repo.git, ref: `refs/tags/${tag}`, depth: 1 }).catch(() => null);
    if (oid === null || !OID.test(oid)) continue;
    const key = `${repo.git.dir}\0${oid}`;
    let tagged = taggedCommits.get(key);
    if (tagged === undefined) {
      tagged = await readTaggedCommit(repo, oid);
      if (taggedCommits.size > 10_000) taggedCommits.clear();
      taggedCommits.set(key, tagged);
    }
    if (tagged) found.push(tagged);
  }
  return found;
}

async function readTaggedCommit(repo: Repo, oid: string): Promise<TaggedCommit | null> {
  try {
    const { tag } = await git.readTag({ ...repo.git, oid });
    if (tag.type !== 'commit' || !parseVersionMessage(tag.message)) return null;
    const { commit } = await git.readCommit({ ...repo.git, oid: tag.object });
    return { commit: tag.object, parent: commit.parent[0] ?? null, time: tag.tagger.timestamp };
  } catch {
    return null;
  }
}

/**
 * A version's tag is written before its branch moves, so a crash between the two leaves a tagged version whose
 * commit is a child of the branch's tip: the branch is moved on to it, as the save would have done. Not when git's
 * own log shows the branch was set to its tip after that version (someone reset it on purpose).
 */
async function fastForward(repo: Repo, io: DiskIo, branch: string, tip: string): Promise<string> {
  const children = (await versionCommits(repo)).filter((v) => v.parent !== null);
  const setAt = await loggedSince(repo, io, branch, tip);
  let moved = tip;
  for (let next = children.find((v) => v.parent === moved); next; next = children.find((v) => v.parent === moved)) {
    if (next.time < setAt || !(await isReadableCommit(repo, next.commit))) break;
    moved = next.commit;
  }
  if (moved !== tip) await durableWrite(io, path.join(gitDirOf(repo), branch), `${moved}\n`);
  return moved;
}

/** When git's reflog last set the branch to `tip` (seconds), or 0 when it does not say. */
async function loggedSince(repo: Repo, io: DiskIo, branch: string, tip: string): Promise<number> {
  const log = await readText(io, path.join(gitDirOf(repo), 'logs', branch)).catch(() => null);
  const last = log?.trim().split('\n').pop() ?? '';
  const match = /^[0-9a-f]{40} ([0-9a-f]{40}) .*> (\d+) [+-]\d{4}/.exec(last);
  return match?.[1] === tip ? Number(match[2]) : 0;
}
