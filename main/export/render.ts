import type { ExportFormat } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import type { VariableValues } from '../../shared/model/variables';
import { exportDocx } from '../../shared/export/docx';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import type { PdfRenderer } from './pdf';

export interface RenderedExport {
  bytes: Uint8Array;
  mimeType: string;
  extension: string;
}

const encoder = new TextEncoder();

/** One document in one format: the exporters in shared/ make the bytes, PDF goes through a printer the host has. */
export async function renderExport(
  doc: PolicyDocument,
  format: ExportFormat,
  options: { fragment?: boolean; pdf: PdfRenderer; variables?: VariableValues },
): Promise<RenderedExport> {
  const { variables } = options;
  switch (format) {
    case 'html':
      return { bytes: encoder.encode(exportHtml(doc, { fragment: options.fragment === true, variables })), mimeType: 'text/html', extension: 'html' };
    case 'md':
      return { bytes: encoder.encode(exportMarkdown(doc, { variables })), mimeType: 'text/markdown', extension: 'md' };
    case 'docx':
      return {
        bytes: await exportDocx(doc, { variables }),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    case 'pdf':
      return { bytes: await options.pdf(exportHtml(doc, { variables })), mimeType: 'application/pdf', extension: 'pdf' };
  }
}
