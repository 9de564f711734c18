import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { ImportedSuggestions } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import { MAX_AUTHOR_LENGTH } from '../../shared/model/vocabulary';
import { UNKNOWN_REVIEWER } from '../../shared/import/docx-review/apply';
import { lastAuthor } from '../../shared/import/docx-review/last-author';
import { looksLikeZip } from '../../shared/import/zip-signature';
import { suggestDifference } from '../../shared/review/suggest-difference';
import { readVariables } from '../store/variables';
import { listSuggestions } from '../../shared/review/list';
import { importFile } from '../import/import-file';
import type { Project } from '../store/project';

/**
 * A file a reviewer returned (a DOCX edited in Word, or any file the importers read) brought into a document of the
 * project as suggestions against it: what the reviewer changed without track changes becomes their suggestions, and
 * the tracked changes and comments the file holds keep their own authors and times (shared/review/suggest-difference).
 * The document on disk is not written: the result goes back to the editor, where taking it is one undoable step.
 * The reviewer is who saved the file last, as Word records it, or "Word reviewer". The file shows the project's
 * variables as their values (or [name]): they are compared as that text, so an untouched variable stays a variable.
 */
export async function importAsSuggestions(project: Project, documentId: string, fileName: string, bytes: Uint8Array, now = new Date()): Promise<ImportedSuggestions> {
  const [current, values] = await Promise.all([project.loadDocument(documentId), readVariables(project.dir)]);
  const imported = await importFile(path.basename(fileName), bytes);
  const reviewer = (looksLikeZip(bytes) ? reviewerOf(bytes) : undefined) ?? UNKNOWN_REVIEWER;
  const document = suggestDifference(current, imported, { by: reviewer.slice(0, MAX_AUTHOR_LENGTH), at: `${now.toISOString().slice(0, 19)}Z` }, undefined, values);
  return { document, reviewer, suggestions: suggestionCount(document) - suggestionCount(current), comments: (document.comments?.length ?? 0) - (current.comments?.length ?? 0) };
}

/** The last author of a DOCX the import has already read (so its archive is known to be sound). */
function reviewerOf(bytes: Uint8Array): string | undefined {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' && file.originalSize < 1024 * 1024 });
    const core = files['docProps/core.xml'];
    return core ? lastAuthor(strFromU8(core)) : undefined;
  } catch {
    return undefined;
  }
}

/** How many suggestions the document holds (each once however many places it marks: blocks, table cells, footnotes). */
function suggestionCount(doc: PolicyDocument): number {
  return listSuggestions(doc).length;
}
