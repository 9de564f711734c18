import { parentPort, workerData } from 'node:worker_threads';
import { ImportError, importDocumentWithReport } from '../../shared/import/index';

/** Runs one import off the main thread, so a hostile or huge file can be stopped without stopping the app. */
const { fileName, bytes } = workerData as { fileName: string; bytes: Uint8Array };
importDocumentWithReport(fileName, bytes).then(
  ({ doc, report }) => parentPort?.postMessage({ ok: true, doc, report }),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      known: error instanceof ImportError,
      message: error instanceof Error ? error.message : String(error),
    }),
);
