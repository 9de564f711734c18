import * as fs from 'node:fs/promises';
import type { ClauseSource } from '../../shared/model/document';
import { parseFile } from '../../shared/format/parse';
import { FormatError } from '../../shared/format/problems';
import { ClauseSchema, type Clause, type ClauseEdit } from '../../shared/clauses/schema';
import { CLAUSE_FILE_SUFFIX, type BrokenClause, type ClauseLibrary, type LibraryClause } from '../../shared/clauses/library';
import { serializeClause } from '../../shared/clauses/serialize';
import { applyClauseEdit } from '../../shared/clauses/versioning';
import { variableNamesIn, type VariableValues } from '../../shared/model/variables';
import { ensureFolder } from './atomic-write';
import { UserError } from './errors';
import { ConfinedFolder, SIZE_LIMITS, type FolderWords } from './project-fs';
import { CLAUSES_DIR } from './project-files';
import { DEVICE_NAME_PROBLEM, caseTwinIn, isWindowsDeviceName } from '../../shared/model/file-names';

/** A library folder as read: the clauses that passed validation, and the files that did not, with the reason. */
export interface FolderContents {
  clauses: Array<Clause & { source: ClauseSource; file: string }>;
  broken: BrokenClause[];
}

/**
 * Where a library's files are: a folder inside a project (its `clauses/`, reached only through the project's real
 * folders), or a folder of its own (the team library), each confined so that no link in it is followed.
 */
export interface LibraryPlace {
  readonly folder: ConfinedFolder;
  /** The library's folder inside `folder`, '' when it is `folder` itself. */
  readonly path: string;
}

const LIBRARY_WORDS: FolderWords = { it: 'the library', kind: 'a clause library folder' };

/** The project's own library, its `clauses/` folder. */
export function projectClauses(projectDir: string): LibraryPlace {
  return { folder: new ConfinedFolder(projectDir), path: CLAUSES_DIR };
}

/** A library that is a folder of its own, such as the team's on a shared drive. */
export function libraryFolder(dir: string): LibraryPlace {
  return { folder: new ConfinedFolder(dir, LIBRARY_WORDS), path: '' };
}

function placeOf(where: string | LibraryPlace): LibraryPlace {
  return typeof where === 'string' ? libraryFolder(where) : where;
}

function fileIn(place: LibraryPlace, name: string): string {
  return place.path === '' ? name : `${place.path}/${name}`;
}

/**
 * Reads every `*.clause.json` in a library folder. One bad file never stops the rest: it is listed as broken with
 * its name and what is wrong where. Other files (a README, a .git folder) are none of the library's business. A
 * library folder that is itself a link, or not a folder, is listed as broken too, so the rest of the project opens.
 */
export async function readLibraryFolder(where: string | LibraryPlace, source: ClauseSource): Promise<FolderContents> {
  const place = placeOf(where);
  let entries: Array<{ name: string; refusal: string | null }>;
  try {
    const listed = (await place.folder.list(place.path)) ?? [];
    entries = await Promise.all(
      listed
        .filter((entry) => entry.name.endsWith(CLAUSE_FILE_SUFFIX))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(async (entry) => ({ name: entry.name, refusal: await place.folder.refusalOf(fileIn(place, entry.name), entry) })),
    );
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { clauses: [], broken: [{ source, file: place.path || place.folder.root, problem: error.message }] };
  }
  const read = await Promise.all(
    entries.map(async ({ name: file, refusal }) => {
      try {
        if (refusal) throw new UserError(refusal);
        const text = await place.folder.readText(fileIn(place, file), SIZE_LIMITS.clause);
        if (text === null) throw new UserError(`${file} was removed while the library was being read.`);
        const clause = parseFile(ClauseSchema, text.text, file);
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

/** Both libraries, project first, each clause marked with where it comes from and which placeholders lack a variable. */
export async function loadLibrary(projectDir: string | LibraryPlace | null, teamDir: string | null, values: VariableValues): Promise<ClauseLibrary> {
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
export async function saveClause(where: string | LibraryPlace, edit: ClauseEdit, isNew: boolean, today: string): Promise<Clause> {
  const place = placeOf(where);
  const name = `${edit.id}${CLAUSE_FILE_SUFFIX}`;
  // The API's schema refuses these already; a library file is named by the id, so check again where it is written.
  if (isWindowsDeviceName(name)) throw new UserError(`The clause id "${edit.id}" ${DEVICE_NAME_PROBLEM}; choose another id.`);
  const file = fileIn(place, name);
  const twin = caseTwinIn(name, ((await place.folder.list(place.path)) ?? []).map((entry) => entry.name));
  if (twin !== null) {
    throw new UserError(`The library already has ${twin}, which differs from ${name} only in case and is the same file on Windows and macOS; choose another id.`);
  }
  let existing: Clause | null = null;
  const read = await place.folder.readText(file, SIZE_LIMITS.clause);
  if (read !== null) {
    if (isNew) throw new UserError(`The library already has a clause with the id "${edit.id}": choose another title or id.`);
    existing = parseFile(ClauseSchema, read.text, name);
  } else if (!isNew) {
    throw new UserError(`The clause "${edit.id}" is no longer in the library (${place.folder.pathOf(file)}); it may have been renamed or removed.`);
  }
  const clause = ClauseSchema.parse(applyClauseEdit(existing, edit, today));
  // A library of its own is made on its first clause; a project's clauses/ folder is made inside the project by write.
  if (place.path === '') await ensureFolder(place.folder.root);
  await place.folder.write(file, serializeClause(clause));
  return clause;
}
