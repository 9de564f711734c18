import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FolderListing } from '../../shared/api/contract';
import { UserError } from './errors';
import { MANIFEST_FILE } from './project-files';
import { causeOf } from './describe-fs-error';

/** More subfolders than anyone scrolls through; the rest are reached by typing the path. */
export const MAX_LISTED_FOLDERS = 500;

/**
 * The subfolders of a folder on this machine, for the web host's folder chooser (Electron shows the system's own):
 * names only, never a file or what a file holds; whether each is a Policywright project is one `lstat`. Links are not
 * listed (a project opened through a link is refused anyway), nor hidden folders unless asked for.
 */
export async function listFolder(requested: string | null, hidden: boolean, home = os.homedir()): Promise<FolderListing> {
  const folder = path.resolve(home, requested ?? home);
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UserError(`${folder} is a file, not a folder.`);
    if (code === 'ENOENT') throw new UserError(`${folder} does not exist.`);
    throw new UserError(`${folder} cannot be read: ${causeOf(error)}.`);
  }
  const names = entries
    .filter((entry) => entry.isDirectory() && (hidden || !entry.name.startsWith('.')))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
  const listed = names.slice(0, MAX_LISTED_FOLDERS);
  const folders = await Promise.all(listed.map(async (name) => ({ name, path: path.join(folder, name), isProject: await holdsProject(path.join(folder, name)) })));
  const parent = path.dirname(folder);
  return { path: folder, parent: parent === folder ? null : parent, isProject: await holdsProject(folder), folders, truncated: names.length > listed.length };
}

async function holdsProject(folder: string): Promise<boolean> {
  return (await fs.lstat(path.join(folder, MANIFEST_FILE)).catch(() => null))?.isFile() ?? false;
}
