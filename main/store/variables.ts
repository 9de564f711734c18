import * as fs from 'node:fs/promises';
import { parseFile } from '../../shared/format/parse';
import { serializeVariables, type VariableValues } from '../../shared/clauses/variables';
import { VariablesFileSchema } from '../../shared/clauses/variables-schema';
import { writeFileAtomic } from './atomic-write';
import { VARIABLES_FILE, variablesPath } from './project-files';

/** The project's variables; a project without the file (made before clauses existed) simply has none yet. */
export async function readVariables(projectDir: string): Promise<VariableValues> {
  const text = await fs.readFile(variablesPath(projectDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? {} : parseFile(VariablesFileSchema, text, VARIABLES_FILE).variables;
}

export async function writeVariables(projectDir: string, values: VariableValues): Promise<void> {
  await writeFileAtomic(variablesPath(projectDir), serializeVariables(values));
}
