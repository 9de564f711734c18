import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/contract';
import { renderExport } from '../export/render';
import { chromiumPdf } from '../export/pdf';
import { writeFileAtomic } from '../store/atomic-write';
import { UserError } from '../store/errors';
import { UsageError } from './args';
import { readDocuments } from './outline-command';
import { describeUnfilled, unfilledVariables } from '../../shared/clauses/unfilled';

export function parseFormat(value: string | true | undefined): ExportFormat {
  if (typeof value !== 'string') throw new UsageError(`export needs --to ${EXPORT_FORMATS.join('|')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--to must be one of ${EXPORT_FORMATS.join(', ')}`);
  return value as ExportFormat;
}

/** `export <input> --to FORMAT --out FILE [--fragment] [--document id]`: one document, written atomically. */
export async function exportCommand(
  input: string,
  options: { format: ExportFormat; out: string; fragment: boolean; documentId?: string; warn?: (line: string) => void },
): Promise<string> {
  const documents = await readDocuments(input, options.documentId);
  if (documents.length > 1) {
    throw new UserError(`${input} holds ${documents.length} documents (${documents.map((d) => d.id).join(', ')}): choose one with --document <id>.`);
  }
  const [only] = documents;
  if (!only) throw new UserError(`${input} holds no document to export.`);
  const { variables } = only;
  // Exported anyway, as the app lets a person go on: unfilled variables are written visibly as [name].
  for (const variable of unfilledVariables(only.doc, variables)) options.warn?.(`warning: ${describeUnfilled(variable)}; written as [${variable.name}]\n`);
  const file = await renderExport(only.doc, options.format, { fragment: options.fragment, pdf: chromiumPdf, variables });
  const out = path.resolve(options.out);
  const dir = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dir?.isDirectory()) throw new UserError(`Cannot write ${out}: the folder ${path.dirname(out)} does not exist.`);
  await writeFileAtomic(out, file.bytes);
  return `Exported ${only.doc.title} to ${out} (${file.bytes.length.toLocaleString('en')} bytes).\n`;
}
