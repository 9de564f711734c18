import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/contract';
import { chromiumPdf } from '../export/pdf';
import { UserError } from '../store/errors';
import { UsageError } from './args';
import { editionsAt } from '../usecases/editions';
import { exportEdition, unfilledIn } from '../usecases/export';
import { describeUnfilled } from '../../shared/clauses/unfilled';
import { writeOutput } from './write-output';

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
  const documents = await editionsAt(input, options.documentId);
  if (documents.length > 1) {
    throw new UserError(`${input} holds ${documents.length} documents (${documents.map((d) => d.id).join(', ')}): choose one with --document <id>.`);
  }
  const [only] = documents;
  if (!only) throw new UserError(`${input} holds no document to export.`);
  // Exported anyway, as the app lets a person go on: unfilled variables are written visibly as [name].
  for (const variable of unfilledIn(only)) options.warn?.(`warning: ${describeUnfilled(variable)}; written as [${variable.name}]\n`);
  const file = await exportEdition(only, options.format, { fragment: options.fragment, pdf: chromiumPdf });
  const out = await writeOutput(options.out, file.bytes);
  return `Exported ${only.doc.title} to ${out} (${file.bytes.length.toLocaleString('en')} bytes).\n`;
}
