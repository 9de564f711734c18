import type { Checklist } from '../../shared/check/checklist-schema';
import { coverageOfLaws, type RequirementCoverage } from '../../shared/check/coverage';
import type { ClauseTags } from '../../shared/clauses/schema';
import type { PolicyDocument } from '../../shared/model/document';
import { readLibraryFolder } from '../store/clause-library';
import { readChecklist } from '../store/checklists';
import { UserError } from '../store/errors';
import { starterLibraryDir } from '../store/starter';

/** A document's coverage of one law's checklist. */
export interface LawCoverage {
  readonly law: Pick<Checklist, 'id' | 'title' | 'version' | 'source'>;
  readonly requirements: RequirementCoverage[];
}

/** The checklists a person names, "gdpr,ccpa": each once, in the order given. */
export async function readLaws(names: string): Promise<Checklist[]> {
  const ids = [...new Set(names.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) throw new UserError('Name at least one law, for example --laws gdpr,ccpa, or --laws list to see them.');
  return Promise.all(ids.map((id) => readChecklist(id)));
}

/** A clause's topics, from a library's clauses: what coverage recognises requirements by topic with. */
export function clauseTopicsOf(clauses: ReadonlyArray<{ readonly id: string; readonly tags: ClauseTags }>): (clauseId: string) => readonly string[] {
  const topics = new Map(clauses.map((clause) => [clause.id, clause.tags.topic]));
  return (clauseId) => topics.get(clauseId) ?? [];
}

/** The starter library's clause topics, for a document checked without its project. */
export async function starterClauseTopics(): Promise<(clauseId: string) => readonly string[]> {
  return clauseTopicsOf((await readLibraryFolder(starterLibraryDir(), 'project')).clauses);
}

/** Which required disclosures of each law the document makes, and where. */
export function disclosureCoverage(doc: PolicyDocument, laws: readonly Checklist[], clauseTopics: (clauseId: string) => readonly string[]): LawCoverage[] {
  return coverageOfLaws(doc, laws, { clauseTopics }).map((requirements, i) => {
    const { id, title, version, source } = laws[i] as Checklist;
    return { law: { id, title, version, source }, requirements };
  });
}
