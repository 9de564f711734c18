import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ClauseSource } from '../../shared/model/document';
import { parseFile } from '../../shared/format/parse';
import { FormatError } from '../../shared/format/problems';
import { ClauseSchema, type Clause, type ClauseEdit } from '../../shared/clauses/schema';
import { CLAUSE_FILE_SUFFIX, type BrokenClause, type ClauseLibrary, type LibraryClause } from '../../shared/clauses/library';
import { serializeClause } from '../../shared/clauses/serialize';
import { applyClauseEdit } from '../../shared/clauses/versioning';
import { variableNamesIn, type VariableValues } from '../../shared/clauses/variables';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { UserError } from './errors';

/** A library folder as read: the clauses that passed validation, and the files that did not, with the reason. */
export interface FolderContents {
  clauses: Array<Clause & { source: ClauseSource; file: string }>;
  broken: BrokenClause[];
}

/**
 * Reads every `*.clause.json` in a library folder. One bad file never stops the rest: it is listed as broken with
 * its name and what is wrong where. Other files (a README, a .git folder) are none of the library's business.
 */
export async function readLibraryFolder(dir: string, source: ClauseSource): Promise<FolderContents> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => name.endsWith(CLAUSE_FILE_SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { clauses: [], broken: [] };
    throw error;
  }
  const read = await Promise.all(
    names.map(async (file) => {
      try {
        const clause = parseFile(ClauseSchema, await fs.readFile(path.join(dir, file), 'utf8'), file);
        const expected = file.slice(0, -CLAUSE_FILE_SUFFIX.length);
        if (clause.id !== expected) throw new FormatError(file, 'id', `is "${clause.id}" but the file is named for "${expected}"; rename one to match`);
        return { clause: { ...clause, source, file } };
      } catch (error) {
        const problem = error instanceof FormatError ? `${error.where ? `${error.where} ` : ''}${error.problem}` : (error as Error).message;
        return { broken: { source, file, problem } };
      }
    }),
  );
  return {
    clauses: read.flatMap((r) => (r.clause ? [r.clause] : [])),
    broken: read.flatMap((r) => (r.broken ? [r.broken] : [])),
  };
}

export function clauseFile(dir: string, id: string): string {
  // The id has passed ClauseIdSchema (lowercase letters, digits, dashes), so it cannot leave the folder.
  return path.join(dir, `${id}${CLAUSE_FILE_SUFFIX}`);
}

/** Both libraries, project first, each clause marked with where it comes from and which placeholders lack a variable. */
export async function loadLibrary(projectDir: string | null, teamDir: string | null, values: VariableValues): Promise<ClauseLibrary> {
  const project = projectDir ? await readLibraryFolder(projectDir, 'project') : { clauses: [], broken: [] };
  let team: FolderContents = { clauses: [], broken: [] };
  let teamInfo: ClauseLibrary['team'] = null;
  if (teamDir) {
    teamInfo = { path: teamDir };
    const stat = await fs.stat(teamDir).catch(() => null);
    if (!stat?.isDirectory()) teamInfo.problem = `The team library folder ${teamDir} cannot be found; check that the drive is connected.`;
    else team = await readLibraryFolder(teamDir, 'team');
  }
  const clauses: LibraryClause[] = [...project.clauses, ...team.clauses].map((clause) => ({
    ...clause,
    undefinedVariables: variableNamesIn(clause.blocks).filter((name) => !Object.hasOwn(values, name)),
  }));
  return { clauses, broken: [...project.broken, ...team.broken], team: teamInfo };
}

/**
 * Saves an edit of a clause (or a new clause) in a library folder. A new clause must not take the id of one already
 * there; an edit of an approved clause becomes its next version (shared/clauses/versioning.ts).
 */
export async function saveClause(dir: string, edit: ClauseEdit, isNew: boolean, today: string): Promise<Clause> {
  const file = clauseFile(dir, edit.id);
  let existing: Clause | null = null;
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new UserError(`${file} cannot be read: ${error.message}.`);
  });
  if (text !== null) {
    if (isNew) throw new UserError(`The library already has a clause with the id "${edit.id}": choose another title or id.`);
    existing = parseFile(ClauseSchema, text, path.basename(file));
  } else if (!isNew) {
    throw new UserError(`The clause "${edit.id}" is no longer in the library (${file}); it may have been renamed or removed.`);
  }
  const clause = ClauseSchema.parse(applyClauseEdit(existing, edit, today));
  await ensureFolder(dir);
  await writeFileAtomic(file, serializeClause(clause));
  return clause;
}
