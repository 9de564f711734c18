import * as path from 'node:path';
import type { PolicyDocument } from '../../shared/model/document';
import { resolveSuggestions } from '../../shared/review/resolve';
import { sectionSubtree, suggestionsMatching, type SuggestionFilter } from '../../shared/review/select';
import { readDocumentFile, saveDocumentFile } from '../store/document-file';
import { UserError } from '../store/errors';
import { Project } from '../store/project';
import { DOCUMENT_SUFFIX } from '../store/project-files';
import { locate, neither, pickDocument } from './editions';

export interface ResolveOutcome {
  /** The document's id in its project, or the file's name. */
  readonly id: string;
  readonly title: string;
  /** How many suggestions were settled (each counted once, however many runs and blocks it marks). */
  readonly settled: number;
  /** How many open suggestions are left. */
  readonly left: number;
}

/**
 * Accepts or rejects the open suggestions `filter` names in the document a CLI input points at (a project's draft or
 * a `.policy.json` file), with the one meaning of accept and reject (shared/review/resolve), and saves it as the app
 * saves: atomically, through the store, never over a change made since it was read. Nothing is written when nothing
 * matches. A saved version never changes, and a project that cannot be saved is refused before anything is read.
 */
export async function resolveAt(spec: string, documentId: string | undefined, decision: 'accept' | 'reject', filter: SuggestionFilter): Promise<ResolveOutcome> {
  const located = await locate(spec);
  if (!located) throw neither(spec);
  if (located.kind === 'version') throw new UserError(`${spec} is a saved version, which never changes: accept or reject in the project's draft instead.`);
  if (located.kind === 'file') {
    if (!spec.endsWith(DOCUMENT_SUFFIX)) throw new UserError(`${spec} is not a Policywright document (${DOCUMENT_SUFFIX}), so its suggestions cannot be settled here.`);
    const { document, stamp } = await readDocumentFile(spec);
    const id = path.basename(spec, DOCUMENT_SUFFIX);
    return settle(id, document, decision, filter, (next) => saveDocumentFile(spec, next, stamp));
  }
  const project = await Project.open(located.dir);
  const id = pickDocument(project, documentId);
  if (project.readOnly) throw new UserError(project.readOnly);
  const { document, stamp } = await project.readDocument(id);
  return settle(id, document, decision, filter, (next) => project.saveDocument(id, next, stamp));
}

async function settle(
  id: string,
  doc: PolicyDocument,
  decision: 'accept' | 'reject',
  filter: SuggestionFilter,
  save: (doc: PolicyDocument) => Promise<unknown>,
): Promise<ResolveOutcome> {
  if (filter.section !== undefined && !sectionSubtree(doc, filter.section)) {
    throw new UserError(`${doc.title} has no section ${filter.section} (sections are numbered as if every suggestion were accepted).`);
  }
  const chosen = new Set(suggestionsMatching(doc, filter).map((entry) => entry.id));
  if (chosen.size === 0) return { id, title: doc.title, settled: 0, left: suggestionsMatching(doc, {}).length };
  const next = resolveSuggestions(doc, (part) => (chosen.has(part.id) ? decision : undefined));
  await save(next);
  return { id, title: doc.title, settled: chosen.size, left: suggestionsMatching(next, {}).length };
}
