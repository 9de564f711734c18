import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { parseFile } from '../../shared/format/parse';
import { outlineOf } from '../../shared/numbering/outline';
import { Project } from '../store/project';
import { DOCUMENT_SUFFIX } from '../store/project-files';
import { UserError } from '../store/errors';
import { importFile } from '../import/import-file';
import { editionAt } from '../compare/editions';

export interface Outlined {
  id: string;
  doc: PolicyDocument;
}

/** `outline <project folder | document file> [--json] [--document id]` */
export async function outlineCommand(input: string, options: { json: boolean; documentId?: string }): Promise<string> {
  const documents = await readDocuments(input, options.documentId);
  if (options.json) {
    const entries = documents.map(({ id, doc }) => ({
      id,
      title: doc.title,
      outline: outlineOf(doc).map(({ id: sectionId, number, title, level }) => ({ id: sectionId, number, title, level })),
    }));
    const value = entries.length === 1 ? entries[0]?.outline : { documents: entries };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const blocks = documents.map(({ id, doc }) => {
    const lines = outlineOf(doc).map((entry) => `${entry.label} ${entry.title}`);
    return documents.length === 1 ? lines.join('\n') : [`# ${doc.title} (${id})`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** A document file: our own format, or anything the importers read (DOCX, HTML, Markdown, text). */
export async function readDocumentFile(input: string): Promise<Outlined> {
  if (input.endsWith(DOCUMENT_SUFFIX)) {
    const doc = parseFile(PolicyDocumentSchema, await fs.readFile(input, 'utf8'), input);
    return { id: path.basename(input, DOCUMENT_SUFFIX), doc };
  }
  const doc = await importFile(input, await fs.readFile(input));
  return { id: path.basename(input, path.extname(input)), doc };
}

export async function readDocuments(input: string, only: string | undefined): Promise<Outlined[]> {
  const stat = await fs.stat(input).catch(() => null);
  if (!stat && input.includes('@')) {
    // A saved version: project@version name.
    const edition = await editionAt(input, only, (dir) => Project.open(dir));
    return [{ id: only ?? path.basename(input.slice(0, input.lastIndexOf('@'))), doc: edition.doc }];
  }
  if (!stat) throw new UserError(`${input} does not exist.`);
  if (stat.isFile()) return [await readDocumentFile(input)];
  const project = await Project.open(input);
  const ids = only ? [only] : project.documentIds;
  if (only && !project.documentIds.includes(only)) {
    throw new UserError(`The project ${project.name} has no document "${only}"; it has ${project.documentIds.join(', ') || 'none'}.`);
  }
  return Promise.all(ids.map(async (id) => ({ id, doc: await project.loadDocument(id) })));
}
