import { parseFile } from '../../shared/format/parse';
import { serializeVariables, type VariableValues } from '../../shared/model/variables';
import { VariablesFileSchema } from '../../shared/model/variables-schema';
import { ConfinedFolder, SIZE_LIMITS } from './project-fs';
import { VARIABLES_FILE } from './project-files';

/** The project's variables; a project without the file (made before clauses existed) simply has none yet. */
export async function readVariables(projectDir: string): Promise<VariableValues> {
  const read = await new ConfinedFolder(projectDir).readText(VARIABLES_FILE, SIZE_LIMITS.variables);
  return read === null ? {} : parseFile(VariablesFileSchema, read.text, VARIABLES_FILE).variables;
}

export async function writeVariables(projectDir: string, values: VariableValues): Promise<void> {
  await new ConfinedFolder(projectDir).write(VARIABLES_FILE, serializeVariables(values));
}
