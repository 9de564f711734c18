import * as path from 'node:path';
import { variableNamesIn, type VariableValues } from '../../shared/model/variables';
import { readLibraryFolder } from './clause-library';
import { installRoot } from './install-root';
import { bundledSampleDir } from './sample';
import { readVariables } from './variables';

/** What a new project starts with besides its documents: a clause library, and the variables its clauses use. */
export interface ProjectLibrarySeed {
  clausesFrom: string;
  variables: VariableValues;
}

/** The starter clause library shipped in assets/clauses (read-only: each project gets its own copy). */
export function starterLibraryDir(): string {
  return path.join(installRoot(), 'assets', 'clauses');
}

/**
 * Every new project gets the starter library, with each variable its clauses use defined and left empty, so the
 * Variables panel lists what to fill in. A project made from the sample takes the sample's filled-in values.
 */
export async function librarySeed(sample: boolean): Promise<ProjectLibrarySeed> {
  const clausesFrom = starterLibraryDir();
  const { clauses } = await readLibraryFolder(clausesFrom, 'project');
  const variables: Record<string, string> = {};
  for (const clause of clauses) for (const name of variableNamesIn(clause.blocks)) variables[name] = '';
  if (sample) Object.assign(variables, await readVariables(bundledSampleDir()));
  return { clausesFrom, variables };
}
