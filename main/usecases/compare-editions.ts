import type { RedlineFormat } from '../../shared/api/contract';
import { compareDocuments, type SuggestedText } from '../../shared/compare/compare';
import type { Comparison } from '../../shared/compare/types';
import { exportRedlineHtml } from '../../shared/export/redline-html';
import { slugify } from '../../shared/model/text';
import type { PolicyDocument } from '../../shared/model/document';
import { resolveBlocks } from '../../shared/model/variables';
import type { Edition } from './editions';

/**
 * Compares two editions, naming each as the person chose it, each with its variables written as their values, and
 * each as if its open suggestions were accepted unless `texts` asks for one as it was before them.
 */
export function compareEditions(oldEdition: Edition, newEdition: Edition, texts: { oldText?: SuggestedText; newText?: SuggestedText } = {}): Comparison {
  return compareDocuments(resolved(oldEdition), resolved(newEdition), { oldLabel: oldEdition.label, newLabel: newEdition.label, ...texts });
}

function resolved({ doc, variables }: Edition): PolicyDocument {
  return { ...doc, blocks: resolveBlocks(doc.blocks, variables) };
}

export interface RenderedRedline {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly fileName: string;
}

/** A comparison as a file: an HTML redline for reading, or a DOCX whose tracked changes Word can accept or reject. */
export async function renderRedline(comparison: Comparison, format: RedlineFormat, author: string, date: Date): Promise<RenderedRedline> {
  const base = `${slugify(comparison.new.title)}-redline`;
  if (format === 'html') {
    return { bytes: new TextEncoder().encode(exportRedlineHtml(comparison)), mimeType: 'text/html', fileName: `${base}.html` };
  }
  // The DOCX writer (the docx package, the largest thing the command line loads) only when a DOCX is asked for.
  const { exportRedlineDocx } = await import('../../shared/export/redline-docx');
  return {
    bytes: await exportRedlineDocx(comparison, { author, date }),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${base}.docx`,
  };
}
