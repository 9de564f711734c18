import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ChecklistSchema, type Checklist } from '../../shared/check/checklist-schema';
import { parseFile } from '../../shared/format/parse';
import { FormatError } from '../../shared/format/problems';
import { UserError } from './errors';
import { installRoot } from './install-root';

const SUFFIX = '.json';

/**
 * The checklists of required disclosures shipped with Policywright (assets/checklists, one file per law); the
 * environment's POLICYWRIGHT_CHECKLISTS names another folder, as a later release's would be (the e2e tests use it).
 */
export function checklistsDir(): string {
  if (process.env.POLICYWRIGHT_CHECKLISTS) return path.resolve(process.env.POLICYWRIGHT_CHECKLISTS);
  return path.join(installRoot(), 'assets', 'checklists');
}

/** The ids of the checklists in a folder, sorted: each file is named for its checklist's id. */
export async function checklistIds(dir: string = checklistsDir()): Promise<string[]> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UserError(`The checklists folder ${dir} cannot be found; reinstall Policywright.`);
    throw error;
  });
  return names.filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length)).sort();
}

/**
 * Reads and validates one checklist. A missing or bad file is one sentence naming it and what is wrong where: the
 * checklists are shipped, so a bad one is a broken install or a mistake in our data, never the person's.
 */
export async function readChecklist(id: string, dir: string = checklistsDir()): Promise<Checklist> {
  const known = await checklistIds(dir);
  if (!known.includes(id)) throw new UserError(`There is no checklist "${id}"; the checklists are: ${known.join(', ')}.`);
  const file = `${id}${SUFFIX}`;
  try {
    const checklist = parseFile(ChecklistSchema, await fs.readFile(path.join(dir, file), 'utf8'), file);
    if (checklist.id !== id) throw new FormatError(file, 'id', `is "${checklist.id}" but the file is named for "${id}"`);
    return checklist;
  } catch (error) {
    if (error instanceof FormatError) throw new UserError(`The checklist ${path.join(dir, file)} cannot be used: ${error.where ? `${error.where} ` : ''}${error.problem}.`);
    throw error;
  }
}

/** Every checklist in the folder, in the order of their ids. */
export async function readAllChecklists(dir: string = checklistsDir()): Promise<Checklist[]> {
  return Promise.all((await checklistIds(dir)).map((id) => readChecklist(id, dir)));
}
