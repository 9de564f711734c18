import type { DocumentDrift } from '../../shared/api/contract';
import { clauseLookup, outdatedUses, type ClauseLookup } from '../../shared/clauses/drift';
import type { ClauseLibrary } from '../../shared/clauses/library';
import type { VariableValues } from '../../shared/model/variables';
import { loadLibrary, projectClauses } from '../store/clause-library';
import type { Project } from '../store/project';
import { readVariables } from '../store/variables';

/** A project's clause library as the app sees it: its own folder, and the team folder when one is attached. */
export async function projectLibrary(
  projectDir: string,
  teamDir: string | null,
): Promise<{ library: ClauseLibrary; values: VariableValues; lookup: ClauseLookup }> {
  const values = await readVariables(projectDir);
  const library = await loadLibrary(projectClauses(projectDir), teamDir, values);
  return { library, values, lookup: clauseLookup(library.clauses) };
}

/** Every document of the project that uses a clause the library has a newer version of, with those uses. */
export async function outdatedClauseUses(project: Project, teamDir: string | null): Promise<DocumentDrift[]> {
  const { lookup, values } = await projectLibrary(project.dir, teamDir);
  const documents: DocumentDrift[] = [];
  for (const id of project.documentIds) {
    // A damaged document is reported by the document list; here it simply has no clause uses to show.
    const doc = await project.loadDocument(id).catch(() => null);
    const uses = doc ? outdatedUses(doc, lookup, values) : [];
    if (doc && uses.length > 0) documents.push({ id, title: doc.title, uses });
  }
  return documents;
}
