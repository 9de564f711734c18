import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { CLAUSES_DIR, DOCUMENTS_DIR } from './project-files';
import { ConfinedFolder } from './project-fs';

/**
 * Why nothing in a project folder can be saved, in one sentence, or null when it can: a read-only disk or mount, an
 * immutable folder, or no permission. Asked once when the project opens, so the window can say so before any typing.
 */
export async function whyReadOnly(projectDir: string): Promise<string | null> {
  for (const dir of [projectDir, path.join(projectDir, DOCUMENTS_DIR)]) {
    try {
      await fs.access(dir, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      if (code === 'EROFS') return 'This project is on a read-only disk or folder, so nothing in it can be saved.';
      return 'You do not have permission to change this project folder, so nothing in it can be saved.';
    }
  }
  return null;
}

// What writeFileAtomic names its temporary files: `.<target name>.<12 hex digits>.tmp`.
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;
// A save in flight in another window has its temporary file for milliseconds; one this old was left by a crash.
const LEFTOVER_AFTER_MS = 60_000;

/**
 * Removes the temporary files of saves that a crash interrupted, so they never pile up or reach a version. Only in the
 * project's real folders: a linked `documents/` leads outside, where nothing is Policywright's to remove.
 */
export async function removeLeftoverTemporaryFiles(projectDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  const project = new ConfinedFolder(projectDir);
  for (const folder of ['', DOCUMENTS_DIR, CLAUSES_DIR]) {
    const entries = (await project.list(folder).catch(() => null)) ?? [];
    for (const entry of entries) {
      if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
      const file = path.join(project.pathOf(folder), entry.name);
      const stat = await fs.lstat(file).catch(() => null);
      if (!stat || now - stat.mtimeMs < LEFTOVER_AFTER_MS) continue;
      await fs.rm(file, { force: true }).then(() => removed++, () => undefined);
    }
  }
  return removed;
}
