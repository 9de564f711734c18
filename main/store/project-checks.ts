import * as path from 'node:path';
import { ChecksFileSchema } from '../../shared/check/project-checks-schema';
import { NO_CHECKS, serializeChecks, type ProjectChecks } from '../../shared/check/project-checks';
import { parseFile } from '../../shared/format/parse';
import { FormatError } from '../../shared/format/problems';
import { UserError } from './errors';
import { CHECKS_FILE } from './project-files';
import { ConfinedFolder, SIZE_LIMITS } from './project-fs';
import { serialized } from './serialized';

/**
 * The project's checks.json, read through the confined folder (no link followed, bounded size, strict UTF-8) and
 * validated. A project without the file has dismissed nothing and acknowledged nothing yet.
 */
export async function readProjectChecks(projectDir: string): Promise<ProjectChecks> {
  let read: Awaited<ReturnType<ConfinedFolder['readText']>>;
  try {
    read = await new ConfinedFolder(projectDir).readText(CHECKS_FILE, SIZE_LIMITS.checks);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`The project's ${CHECKS_FILE} cannot be read: ${unsentence(error.message)}`);
    throw error;
  }
  if (read === null) return NO_CHECKS;
  try {
    const { format: _format, ...checks } = parseFile(ChecksFileSchema, read.text, CHECKS_FILE);
    return checks;
  } catch (error) {
    if (error instanceof FormatError) throw new UserError(`The project's ${CHECKS_FILE} cannot be used: ${error.where ? `${error.where} ` : ''}${error.problem}.`);
    throw error;
  }
}

/**
 * The checks as the window shows them: a file that cannot be read is said in one sentence, and the project opens
 * with no dismissals rather than not at all (the file is left as it is: an edit would be refused, never overwrite it).
 */
export async function readProjectChecksOrProblem(projectDir: string): Promise<{ checks: ProjectChecks; problem: string | null }> {
  try {
    return { checks: await readProjectChecks(projectDir), problem: null };
  } catch (error) {
    if (error instanceof UserError) return { checks: NO_CHECKS, problem: error.message };
    throw error;
  }
}

/**
 * Applies one edit to the file as it is on disk now, never to a copy read earlier: a colleague's dismissal that
 * arrived by sync, or one made in another window, is kept. Edits of one project run one after another, and the write
 * is atomic. A file that cannot be read is not replaced: the edit is refused with the sentence saying why.
 */
export async function updateProjectChecks(projectDir: string, edit: (checks: ProjectChecks) => ProjectChecks): Promise<ProjectChecks> {
  return serialized(`${path.resolve(projectDir)}#${CHECKS_FILE}`, async () => {
    const next = edit(await readProjectChecks(projectDir));
    const text = serializeChecks(next);
    // What is written must read back: an edit that broke the schema or the size limit is a mistake of ours.
    const { format: _format, ...checked } = parseFile(ChecksFileSchema, text, CHECKS_FILE);
    if (Buffer.byteLength(text) > SIZE_LIMITS.checks) throw new UserError(`The project's ${CHECKS_FILE} would grow over its size limit; take back some dismissals first.`);
    await new ConfinedFolder(projectDir).write(CHECKS_FILE, text);
    return checked;
  });
}

/** "checks.json is 5.0 MiB, over …; it was not opened." → the same, starting lower-case, to follow a colon. */
function unsentence(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
