import * as fs from 'node:fs/promises';
import { withFolderLock } from '../store/folder-lock';
import { MANIFEST_FILE, MANIFEST_LOCK } from '../store/project-files';
import { ConfinedFolder, SIZE_LIMITS } from '../store/project-fs';
import { mergeProjectFile } from './merge-files';

/**
 * Puts files that came from the server into the project folder: each through the confined folder (no link followed,
 * atomic replacement), null removing the file. Only paths that passed projectFilesOf reach here.
 *
 * The list of documents is written under its lock (folder-lock.ts), as the app and the command line change it, and
 * when `listedBefore` (the manifest this sync took the folder to hold) is not what the folder holds now, a document
 * added, moved or deleted meanwhile (in another window, from the command line) is merged in rather than written over.
 */
export async function applyToFolder(
  projectDir: string,
  files: ReadonlyMap<string, string | null>,
  listedBefore?: string | null,
  /**
   * Where the folder's change meanwhile and the list written change the same thing: the folder's stands for a sync
   * (it is this person's newer work), the list given for a conflict the person settled (their explicit choice, which
   * also replaces a list damaged by hand).
   */
  standing: 'folder' | 'given' = 'folder',
): Promise<void> {
  const folder = new ConfinedFolder(projectDir);
  // The documents and clauses first and the project file last: a project file never lists a document not yet there.
  const order = [...files.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const relative of order) {
    const text = files.get(relative);
    if (text === undefined) continue;
    if (relative === MANIFEST_FILE && text !== null) {
      await withFolderLock(projectDir, MANIFEST_LOCK, async () => {
        await folder.write(relative, await listToWrite(projectDir, text, listedBefore, standing));
      });
    } else if (text !== null) {
      await folder.write(relative, text);
    } else if (await folder.inspectFile(relative, Number.MAX_SAFE_INTEGER)) {
      await fs.rm(folder.pathOf(relative), { force: true });
    }
  }
}

/** The list of documents to write: `text`, with what changed in the folder since `listedBefore` merged in. */
async function listToWrite(projectDir: string, text: string, listedBefore: string | null | undefined, standing: 'folder' | 'given'): Promise<string> {
  if (typeof listedBefore !== 'string') return text;
  const now = await readFromFolder(projectDir, MANIFEST_FILE);
  if (now === null || now === listedBefore) return text;
  const sides = standing === 'folder' ? { mine: now, theirs: text } : { mine: text, theirs: now };
  return mergeProjectFile({ name: MANIFEST_FILE, base: listedBefore, ...sides }).text ?? text;
}

function rank(relative: string): number {
  return relative === 'policywright.json' ? 1 : 0;
}

/** A project file's text as it is in the folder now; null when it is not there. */
export async function readFromFolder(projectDir: string, relative: string): Promise<string | null> {
  return (await new ConfinedFolder(projectDir).readText(relative, SIZE_LIMITS.journal))?.text ?? null;
}
