import { trailReportHtml } from '../../shared/export/trail-report';
import { fileNameFromTitle } from '../../shared/model/file-names';
import type { PdfRenderer } from '../export/pdf';
import type { Project } from '../store/project';
import { ProjectWorkflow } from '../store/workflow-store';

/**
 * The audit trail of a document as a PDF report for auditors (the same rows as the panel and the CSV, read from git),
 * printed through the host's PDF path as the exports are.
 */
export async function trailReport(project: Project, documentId: string, options: { pdf: PdfRenderer; person: string; now?: Date }): Promise<{ fileName: string; bytes: Uint8Array }> {
  project.requireDocument(documentId);
  const store = ProjectWorkflow.for(project.dir);
  const [{ workflow }, trail, doc] = await Promise.all([store.read(documentId), store.trail(documentId), project.loadDocument(documentId)]);
  const html = trailReportHtml({
    projectName: project.name,
    documentId,
    title: doc.title,
    workflow,
    trail,
    generatedAt: (options.now ?? new Date()).toISOString(),
    generatedBy: options.person,
  });
  return { fileName: `${fileNameFromTitle(doc.title, documentId)} (audit trail).pdf`, bytes: await options.pdf(html) };
}
