import type { ExportFormat } from '../../shared/api/contract';
import { unfilledVariables, type UnfilledVariable } from '../../shared/clauses/unfilled';
import type { PdfRenderer } from '../export/pdf';
import { renderExport, type RenderedExport } from '../export/render';
import type { Project } from '../store/project';
import { draftEdition, versionEdition, type Edition } from './editions';
import { fileNameFromTitle } from '../../shared/model/file-names';

/** The draft of a project's document, or a saved version of it, with the variable values it is written with. */
export function editionToExport(project: Project, documentId: string, version: string | undefined): Promise<Edition> {
  project.requireDocument(documentId);
  return version === undefined ? draftEdition(project, documentId) : versionEdition(project.dir, documentId, version);
}

/** The variables an export would write visibly as `[name]`, for want of a value: asked before exporting. */
export function unfilledIn(edition: Edition): UnfilledVariable[] {
  return unfilledVariables(edition.doc, edition.variables);
}

/** An edition as a file, its variables written as their values (an unfilled one as `[name]`, as the person chose). */
export function exportEdition(
  edition: Edition,
  format: ExportFormat,
  options: { fragment?: boolean; pdf: PdfRenderer },
): Promise<RenderedExport> {
  return renderExport(edition.doc, format, { fragment: options.fragment, pdf: options.pdf, variables: edition.variables });
}

/**
 * The name an export is offered under: the document's title as a person reads it (made safe for every system), with
 * the version and "body only" said in words; the id only when the title leaves nothing.
 */
export function exportFileName(edition: Edition, documentId: string, extension: string, options: { version?: string; fragment?: boolean }): string {
  const version = options.version === undefined ? '' : ` (${fileNameFromTitle(options.version, '')})`.replace(' ()', '');
  return `${fileNameFromTitle(edition.doc.title, documentId)}${version}${options.fragment ? ' (body only)' : ''}.${extension}`;
}
