import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { importDocumentWithReport, ImportError } from '../../shared/import/index';
import type { ImportReport } from '../../shared/import/report';
import { ImportReportSchema } from '../../shared/import/report-schema';
import { looksLikeZip } from '../../shared/import/zip-signature';
import { UserError } from '../store/errors';

const TIME_LIMIT_MS = 60_000;
/**
 * A text file (Markdown, HTML, plain text) this small is read in this thread: its readers run in time linear in its
 * length, and starting a worker would cost more than the reading (a `diff` of two policies on the command line).
 * An archive (DOCX) always goes to the worker, however small: a few kilobytes can unpack to gigabytes.
 */
const INLINE_TEXT_LIMIT = 512 * 1024;
const MEMORY_LIMIT_MB = 1024;

/** The bundled worker sits beside the bundle that imports (dist/main/); run from sources, there is none. */
const WORKER_FILE = fileURLToPath(new URL('./import-worker.js', import.meta.url));

/**
 * Reads an outside file (DOCX, HTML, Markdown, text) into a document, in a worker with a time and memory limit: a
 * file crafted to hang or exhaust the parser is stopped, and the app goes on. A file it cannot read is one sentence.
 */
export async function importFile(fileName: string, bytes: Uint8Array): Promise<PolicyDocument> {
  return (await importFileWithReport(fileName, bytes)).doc;
}

/** importFile, and what the import decided where the file did not say (shared/import/report.ts). */
export async function importFileWithReport(fileName: string, bytes: Uint8Array): Promise<{ doc: PolicyDocument; report: ImportReport | null }> {
  const name = path.basename(fileName);
  if (!existsSync(WORKER_FILE) || isSmallText(name, bytes)) return importInline(name, bytes);
  // Loaded here, not with this module: a `diff` of two small policies starts no worker, and Node's worker module
  // costs a couple of milliseconds to load.
  const { Worker } = await import('node:worker_threads');
  const result = await new Promise<{ ok: true; doc: unknown; report: unknown } | { ok: false; known: boolean; message: string }>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { fileName: name, bytes }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new UserError(`${name} took more than ${TIME_LIMIT_MS / 1000} seconds to read and was given up; it may be damaged or built to stall readers.`));
    }, TIME_LIMIT_MS);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(outOfMemory ? new UserError(`${name} needs more memory to read than a policy ever should; it was given up.`) : error);
    });
  });
  if (!result.ok) {
    if (result.known) throw new UserError(result.message);
    throw new Error(result.message);
  }
  // What crosses back from the worker is checked like any other input; a report that fails is only not shown.
  const report = ImportReportSchema.safeParse(result.report);
  return { doc: PolicyDocumentSchema.parse(result.doc), report: report.success ? report.data : null };
}

function isSmallText(name: string, bytes: Uint8Array): boolean {
  return bytes.length <= INLINE_TEXT_LIMIT && !looksLikeZip(bytes) && !/\.(docx|docm|dotx|doc)$/i.test(name);
}

async function importInline(name: string, bytes: Uint8Array): Promise<{ doc: PolicyDocument; report: ImportReport | null }> {
  try {
    return await importDocumentWithReport(name, bytes);
  } catch (error) {
    if (error instanceof ImportError) throw new UserError(error.message);
    throw error;
  }
}
