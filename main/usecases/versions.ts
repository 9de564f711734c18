import type { PolicyDocument } from '../../shared/model/document';
import { ProjectHistory, type SaveVersionInput, type VersionInfo } from '../store/history';
import type { Project } from '../store/project';
import { versionEdition } from './editions';

/**
 * A project's saved versions, newest first; with a document, only those that hold it. Given a folder rather than an
 * open project: a project whose manifest is damaged is when its history is wanted most.
 */
export async function listVersions(projectDir: string, documentId?: string): Promise<VersionInfo[]> {
  const versions = await ProjectHistory.for(projectDir).listVersions();
  return documentId === undefined ? versions : versions.filter((v) => v.documentIds.includes(documentId));
}

/** The readable versions, and one sentence for each damaged one that is left out of them (never hiding the others). */
export async function listVersionsAndProblems(projectDir: string): Promise<{ versions: VersionInfo[]; problems: string[] }> {
  return ProjectHistory.for(projectDir).listVersionsWithProblems();
}

/** Saves a version of the project: a git commit and tag of its folder. */
export function saveVersion(projectDir: string, input: SaveVersionInput): Promise<VersionInfo> {
  return ProjectHistory.for(projectDir).saveVersion(input);
}

/** The versions of one document of an open project (all of them without one). */
export function listDocumentVersions(project: Project, documentId: string | undefined): Promise<VersionInfo[]> {
  if (documentId !== undefined) project.requireDocument(documentId);
  return listVersions(project.dir, documentId);
}

/** Saves a version of an open project, remembering the document open when it was saved. */
export function saveDocumentVersion(project: Project, input: SaveVersionInput & { documentId: string }): Promise<VersionInfo> {
  project.requireDocument(input.documentId);
  return saveVersion(project.dir, input);
}

/** A document as it was saved in a version. */
export async function loadVersion(project: Project, documentId: string, version: string): Promise<PolicyDocument> {
  project.requireDocument(documentId);
  return (await versionEdition(project.dir, documentId, version)).doc;
}
