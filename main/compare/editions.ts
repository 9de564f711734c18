import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CompareSource } from '../../shared/api/contract';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { importFile } from '../import/import-file';
import { UserError } from '../store/errors';
import { ProjectHistory } from '../store/history';
import type { Project } from '../store/project';
import { DOCUMENT_SUFFIX, VARIABLES_FILE, displayName, documentPath } from '../store/project-files';
import { readVariables } from '../store/variables';
import { NO_VARIABLES, type VariableValues } from '../../shared/model/variables';
import { VariablesFileSchema } from '../../shared/model/variables-schema';

/** One side of a comparison: the document, how to name it to a person, and the variable values it was written with. */
export interface Edition {
  readonly doc: PolicyDocument;
  readonly label: string;
  readonly variables: VariableValues;
}

export const DRAFT_LABEL = 'Current draft';

export async function draftEdition(project: Project, documentId: string): Promise<Edition> {
  const [doc, variables] = await Promise.all([project.loadDocument(documentId), readVariables(project.dir)]);
  return { doc, label: DRAFT_LABEL, variables };
}

/**
 * Versions never change, so a document read at one is kept by commit: comparing the same version with a draft again
 * (after an edit, or to export the redline) does not read and validate a large file twice.
 */
const versionDocuments = new Map<string, { doc: PolicyDocument; variables: VariableValues }>();
const KEPT_VERSION_DOCUMENTS = 8;

/** A document as it was saved in a version of its project's history. */
export async function versionEdition(projectDir: string, documentId: string, versionName: string): Promise<Edition> {
  const history = ProjectHistory.for(projectDir);
  const version = await history.findVersion(versionName);
  const label = `Version “${version.name}”`;
  const file = documentPath(projectDir, documentId);
  const relative = displayName(projectDir, file);
  const key = `${version.commit}:${path.resolve(projectDir)}:${relative}`;
  const kept = versionDocuments.get(key);
  if (kept) return { ...kept, label };
  const text = await history.readFileAt(version, relative);
  if (text === null) throw new UserError(`The version "${version.name}" has no document "${documentId}".`);
  const doc = parseFile(PolicyDocumentSchema, text, `${relative} at version "${version.name}"`);
  // The values the version was saved with: a changed company name is a change between the two editions.
  const variablesText = await history.readFileAt(version, VARIABLES_FILE);
  const variables = variablesText === null ? NO_VARIABLES : parseFile(VariablesFileSchema, variablesText, `${VARIABLES_FILE} at version "${version.name}"`).variables;
  versionDocuments.set(key, { doc, variables });
  if (versionDocuments.size > KEPT_VERSION_DOCUMENTS) versionDocuments.delete(versionDocuments.keys().next().value ?? '');
  return { doc, label, variables };
}

/** A file from outside any project: our own format, or anything the importers read (DOCX, HTML, Markdown, text). */
export async function fileEdition(fileName: string, bytes: Uint8Array): Promise<Edition> {
  const name = path.basename(fileName);
  if (name.endsWith(DOCUMENT_SUFFIX)) {
    return { doc: parseFile(PolicyDocumentSchema, new TextDecoder().decode(bytes), name), label: name, variables: NO_VARIABLES };
  }
  return { doc: await importFile(name, bytes), label: name, variables: NO_VARIABLES };
}

/** What the app asks for: a draft or version of the open project's documents, or a file the person picked. */
export function editionOf(project: Project, source: CompareSource): Promise<Edition> {
  switch (source.kind) {
    case 'draft':
      return draftEdition(project, source.documentId);
    case 'version':
      project.requireDocument(source.documentId);
      return versionEdition(project.dir, source.documentId, source.version);
    case 'file':
      return fileEdition(source.fileName, Buffer.from(source.base64, 'base64'));
  }
}

/**
 * What the CLI is given: `project-dir@version-name`, a project folder (its draft), or a file. A project with more than
 * one document needs `document` to say which; a path that exists as written is never split at an "@".
 */
export async function editionAt(spec: string, documentId: string | undefined, open: (dir: string) => Promise<Project>): Promise<Edition> {
  const stat = await fs.stat(spec).catch(() => null);
  if (stat?.isFile()) return fileEdition(spec, await fs.readFile(spec));
  if (stat?.isDirectory()) {
    const project = await open(spec);
    return draftEdition(project, pickDocument(project, documentId));
  }
  const at = spec.lastIndexOf('@');
  if (at > 0) {
    const dir = spec.slice(0, at);
    const version = spec.slice(at + 1);
    const dirStat = await fs.stat(dir).catch(() => null);
    if (dirStat?.isDirectory() && version !== '') {
      const project = await open(dir);
      return versionEdition(project.dir, pickDocument(project, documentId), version);
    }
  }
  throw new UserError(`${spec} is neither a file, a project folder, nor a project folder followed by @ and a version name.`);
}

function pickDocument(project: Project, documentId: string | undefined): string {
  if (documentId !== undefined) {
    project.requireDocument(documentId);
    return documentId;
  }
  const [first, ...others] = project.documentIds;
  if (first === undefined) throw new UserError(`The project ${project.name} has no documents.`);
  if (others.length > 0) {
    throw new UserError(`The project ${project.name} has ${project.documentIds.length} documents (${project.documentIds.join(', ')}): say which with --document.`);
  }
  return first;
}

