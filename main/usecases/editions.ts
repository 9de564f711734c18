import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CompareSource } from '../../shared/api/contract';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { importFile } from '../import/import-file';
import { UserError } from '../store/errors';
import { Project } from '../store/project';
import { DOCUMENT_SUFFIX, VARIABLES_FILE, displayName, documentPath } from '../store/project-files';
import { readVariables } from '../store/variables';
import { NO_VARIABLES, type VariableValues } from '../../shared/model/variables';
import { VariablesFileSchema } from '../../shared/model/variables-schema';

/**
 * Reading an edition of a document, the one way for every caller: the draft or a saved version of a project's
 * document, or a file from outside. The app names its edition (a CompareSource); the CLI gives a path (`editionAt`).
 */

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
  // The history (isomorphic-git and its compression) is loaded when a version is asked for: a `diff` of two files
  // on the command line never pays for it.
  const { ProjectHistory } = await import('../store/history');
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

/**
 * A file from outside any project: our own format, or anything the importers read (DOCX, HTML, Markdown, text).
 * `where` names the file in a message about its content (by default its name).
 */
export async function fileEdition(fileName: string, bytes: Uint8Array, where?: string): Promise<Edition> {
  const name = path.basename(fileName);
  if (name.endsWith(DOCUMENT_SUFFIX)) {
    return { doc: parseFile(PolicyDocumentSchema, new TextDecoder().decode(bytes), where ?? name), label: name, variables: NO_VARIABLES };
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

/** Where a CLI input points: a file, a project folder (its drafts), or a project folder at a saved version. */
export type Located = { kind: 'file'; file: string } | { kind: 'draft'; dir: string } | { kind: 'version'; dir: string; version: string };

/** A path that exists as written is never split at an "@"; otherwise `project-dir@version-name` names a version. */
export async function locate(spec: string): Promise<Located | null> {
  const stat = await fs.stat(spec).catch(() => null);
  if (stat?.isFile()) return { kind: 'file', file: spec };
  if (stat?.isDirectory()) return { kind: 'draft', dir: spec };
  const at = spec.lastIndexOf('@');
  if (at > 0) {
    const dir = spec.slice(0, at);
    const version = spec.slice(at + 1);
    const dirStat = await fs.stat(dir).catch(() => null);
    if (dirStat?.isDirectory() && version !== '') return { kind: 'version', dir, version };
  }
  return null;
}

export const neither = (spec: string) => new UserError(`${spec} is neither a file, a project folder, nor a project folder followed by @ and a version name.`);

/** A file named on the command line: read from disk, and named in messages as it was written. */
async function fileAt(file: string): Promise<Edition> {
  return fileEdition(file, await fs.readFile(file), file);
}

/**
 * One edition from what the CLI is given: `project-dir@version-name`, a project folder (its draft), or a file. A
 * project with more than one document needs `documentId` to say which.
 */
export async function editionAt(spec: string, documentId: string | undefined): Promise<Edition> {
  const located = await locate(spec);
  if (!located) throw neither(spec);
  if (located.kind === 'file') return fileEdition(spec, await fs.readFile(spec));
  const project = await Project.open(located.dir);
  const id = pickDocument(project, documentId);
  return located.kind === 'draft' ? draftEdition(project, id) : versionEdition(project.dir, id, located.version);
}

/** An edition with the id it is listed by: the document's id in its project, or the file's name. */
export interface NamedEdition extends Edition {
  readonly id: string;
}

/**
 * Every edition a CLI input holds: each document of a project folder (or only `documentId`), one version of a
 * document, or one file.
 */
export async function editionsAt(spec: string, documentId: string | undefined): Promise<NamedEdition[]> {
  const located = await locate(spec);
  if (!located) throw spec.includes('@') ? neither(spec) : new UserError(`${spec} does not exist.`);
  if (located.kind === 'file') {
    const suffix = spec.endsWith(DOCUMENT_SUFFIX) ? DOCUMENT_SUFFIX : path.extname(spec);
    return [{ id: path.basename(spec, suffix), ...(await fileAt(spec)) }];
  }
  const project = await Project.open(located.dir);
  if (located.kind === 'version') {
    const edition = await versionEdition(project.dir, pickDocument(project, documentId), located.version);
    return [{ id: documentId ?? path.basename(located.dir), ...edition }];
  }
  if (documentId && !project.documentIds.includes(documentId)) {
    throw new UserError(`The project ${project.name} has no document "${documentId}"; it has ${project.documentIds.join(', ') || 'none'}.`);
  }
  const ids = documentId ? [documentId] : project.documentIds;
  return Promise.all(ids.map(async (id) => ({ id, ...(await draftEdition(project, id)) })));
}

/** The document a CLI input names in a project: the one given, or the only one there is. */
export function pickDocument(project: Project, documentId: string | undefined): string {
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
