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
import { readVariables } from '../store/variables';
import { NO_VARIABLES, type VariableValues } from '../../shared/model/variables';
import { driftPhrase, outdatedUses, type OutdatedUse } from '../../shared/clauses/drift';
import { projectLibrary } from './clauses-command';

export interface Outlined {
  id: string;
  doc: PolicyDocument;
  /** The variable values the document is written with: its project's (at that version), or none for a loose file. */
  variables: VariableValues;
}

/** `outline <project folder | document file> [--json] [--document id]` */
export async function outlineCommand(input: string, options: { json: boolean; documentId?: string }): Promise<string> {
  const documents = await readDocuments(input, options.documentId);
  // Sections whose clause has a newer version in the library (only a project folder has a library to compare with).
  const isProject = (await fs.stat(input).catch(() => null))?.isDirectory() === true;
  const library = isProject ? await projectLibrary(input) : null;
  const outdated = (doc: PolicyDocument) => {
    const bySection = new Map<string, OutdatedUse>();
    if (library) for (const use of outdatedUses(doc, library.lookup, library.values)) if (use.place.sectionId) bySection.set(use.place.sectionId, use);
    return bySection;
  };
  const values = library?.values;
  if (options.json) {
    const entries = documents.map(({ id, doc }) => {
      const drift = outdated(doc);
      return {
        id,
        title: doc.title,
        outline: outlineOf(doc, values).map(({ id: sectionId, number, title, level }) => {
          const use = drift.get(sectionId);
          const mark = use ? { outdatedClause: { id: use.clauseId, source: use.source, version: use.version, latest: use.latest } } : {};
          return { id: sectionId, number, title, level, ...mark };
        }),
      };
    });
    const value = entries.length === 1 ? entries[0]?.outline : { documents: entries };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const blocks = documents.map(({ id, doc }) => {
    const drift = outdated(doc);
    const lines = outlineOf(doc, values).map((entry) => {
      const use = drift.get(entry.id);
      return `${entry.label} ${entry.title}${use ? `  [outdated: ${driftPhrase(use)}]` : ''}`;
    });
    return documents.length === 1 ? lines.join('\n') : [`# ${doc.title} (${id})`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** A document file: our own format, or anything the importers read (DOCX, HTML, Markdown, text). */
export async function readDocumentFile(input: string): Promise<Outlined> {
  if (input.endsWith(DOCUMENT_SUFFIX)) {
    const doc = parseFile(PolicyDocumentSchema, await fs.readFile(input, 'utf8'), input);
    return { id: path.basename(input, DOCUMENT_SUFFIX), doc, variables: NO_VARIABLES };
  }
  const doc = await importFile(input, await fs.readFile(input));
  return { id: path.basename(input, path.extname(input)), doc, variables: NO_VARIABLES };
}

export async function readDocuments(input: string, only: string | undefined): Promise<Outlined[]> {
  const stat = await fs.stat(input).catch(() => null);
  if (!stat && input.includes('@')) {
    // A saved version: project@version name.
    const edition = await editionAt(input, only, (dir) => Project.open(dir));
    return [{ id: only ?? path.basename(input.slice(0, input.lastIndexOf('@'))), doc: edition.doc, variables: edition.variables }];
  }
  if (!stat) throw new UserError(`${input} does not exist.`);
  if (stat.isFile()) return [await readDocumentFile(input)];
  const project = await Project.open(input);
  const ids = only ? [only] : project.documentIds;
  if (only && !project.documentIds.includes(only)) {
    throw new UserError(`The project ${project.name} has no document "${only}"; it has ${project.documentIds.join(', ') || 'none'}.`);
  }
  const variables = await readVariables(project.dir);
  return Promise.all(ids.map(async (id) => ({ id, doc: await project.loadDocument(id), variables })));
}
