import * as path from 'node:path';
import type { DocumentSummary, ImportedDocument } from '../../shared/api/contract';
import { DOCUMENT_SUFFIX } from '../store/project-files';
import { importFileWithReport } from '../import/import-file';
import { Project, blankDocument } from '../store/project';
import { loadSampleDocuments } from '../store/sample';
import { librarySeed } from '../store/starter';
import { fileEdition } from './editions';

/**
 * A new project folder: the sample policies, or one blank privacy policy; either way with its own copy of the starter
 * clause library (seeded with the sample's variables for the sample).
 */
export async function createProject(dir: string, name: string, sample: boolean): Promise<Project> {
  const documents = sample ? await loadSampleDocuments() : [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }];
  return Project.create(dir, name, documents, await librarySeed(sample));
}

/**
 * A file from outside added to a project as a new document: our own format, or anything the importers read (DOCX,
 * HTML, Markdown, text). `where` names the file in a message about its content (by default its name).
 */
export async function importDocument(project: Project, fileName: string, bytes: Uint8Array, where?: string): Promise<ImportedDocument> {
  // Our own format is read as it is; anything else goes through the importers, which say what they decided.
  if (path.basename(fileName).endsWith(DOCUMENT_SUFFIX)) return project.addDocument((await fileEdition(fileName, bytes, where)).doc);
  const { doc, report } = await importFileWithReport(fileName, bytes);
  const added: DocumentSummary = await project.addDocument(doc);
  return report ? { ...added, report } : added;
}
