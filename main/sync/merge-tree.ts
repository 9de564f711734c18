import * as git from 'isomorphic-git';
import { isProjectFile, type Repo } from '../store/history-git';
import { CLAUSES_DIR, DOCUMENTS_DIR } from '../store/project-files';

/**
 * The merge commit's tree: the project's part as staged from the folder (`staged`, already merged file by file), and
 * everything else in the repository (a README, a colleague's other folders) merged as git would when only one side
 * changed an entry, so a change someone made on the server outside the project is kept, not reverted. Where both
 * sides changed such an entry differently, mine stands: Policywright does not edit files outside the project.
 */
export async function mergeTree(repo: Repo, staged: string, trees: { base: string | null; mine: string; theirs: string }): Promise<string> {
  return mergeLevel(repo, '', staged, trees.base, trees.mine, trees.theirs);
}

async function mergeLevel(repo: Repo, prefix: string, staged: string | null, base: string | null, mine: string | null, theirs: string | null): Promise<string> {
  const [s, b, m, t] = await Promise.all([entriesOf(repo, staged), entriesOf(repo, base), entriesOf(repo, mine), entriesOf(repo, theirs)]);
  const names = new Set([...s.keys(), ...b.keys(), ...m.keys(), ...t.keys()]);
  const tree: git.TreeEntry[] = [];
  for (const name of names) {
    const full = prefix === '' ? name : `${prefix}/${name}`;
    let entry: git.TreeEntry | undefined;
    if (isProjectPart(repo, full)) {
      entry = s.get(name);
    } else if (leadsToProject(repo, full)) {
      const sub = await mergeLevel(repo, full, treeOid(s.get(name)), treeOid(b.get(name)), treeOid(m.get(name)), treeOid(t.get(name)));
      entry = { path: name, mode: '040000', type: 'tree', oid: sub };
      if ((await git.readTree({ ...repo.git, oid: sub })).tree.length === 0) entry = undefined;
    } else {
      const [be, me, te] = [b.get(name), m.get(name), t.get(name)];
      entry = same(me, te) || same(te, be) ? me : same(me, be) ? te : me;
    }
    if (entry) tree.push(entry);
  }
  return git.writeTree({ ...repo.git, tree });
}

async function entriesOf(repo: Repo, oid: string | null): Promise<Map<string, git.TreeEntry>> {
  if (oid === null) return new Map();
  return new Map((await git.readTree({ ...repo.git, oid })).tree.map((entry) => [entry.path, entry]));
}

function treeOid(entry: git.TreeEntry | undefined): string | null {
  return entry?.type === 'tree' ? entry.oid : null;
}

function same(a: git.TreeEntry | undefined, b: git.TreeEntry | undefined): boolean {
  return a?.oid === b?.oid && a?.mode === b?.mode;
}

/** A path the project's files live at (by repository path): staged from the folder, never merged here. */
function isProjectPart(repo: Repo, full: string): boolean {
  const relative = repo.project === '' ? full : full.startsWith(`${repo.project}/`) ? full.slice(repo.project.length + 1) : null;
  if (relative === null) return false;
  return relative === DOCUMENTS_DIR || relative === CLAUSES_DIR || isProjectFile(relative);
}

/** A folder on the way to the project, or the project folder itself, where both kinds of entries meet. */
function leadsToProject(repo: Repo, full: string): boolean {
  return repo.project !== '' && (repo.project === full || repo.project.startsWith(`${full}/`));
}
