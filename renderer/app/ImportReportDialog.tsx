import { reportLines, type ImportReport } from '../../shared/import/report';
import { Dialog } from '../common/Dialog';

export interface ImportedFile {
  fileName: string;
  title: string;
  report: ImportReport;
}

/**
 * What the import decided where the file did not say (shared/import/report.ts): the headings it found, the contents
 * page it dropped, the dates it took and the lines it could not place. Shown once after an import, so the person
 * checks the guesses now rather than finding them later.
 */
export function ImportReportDialog({ imported, onClose }: { imported: readonly ImportedFile[]; onClose: () => void }) {
  const title = imported.length === 1 ? `Imported “${imported[0]?.title ?? ''}”` : `Imported ${imported.length} documents`;
  return (
    <Dialog title={title} onClose={onClose} closeOnBackdrop cancel="Close" className="import-report">
      {imported.map((file) => (
        <section key={file.fileName} aria-label={file.fileName}>
          {imported.length > 1 ? <h3>{file.title}</h3> : null}
          <p>From {file.fileName}:</p>
          <ul>
            {reportLines(file.report).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </Dialog>
  );
}

/**
 * The report's first line under the toolbar after an import, with a button to the whole report: the imported document
 * is open and can be worked on at once; the report waits until the person looks or dismisses it.
 */
export function ImportReportBanner({ imported, onDetails, onDismiss }: { imported: readonly ImportedFile[]; onDetails: () => void; onDismiss: () => void }) {
  const first = imported[0];
  const summary = imported.length === 1 && first ? `${first.fileName}: ${reportLines(first.report)[0] ?? ''}` : `${imported.length} files imported.`;
  return (
    <div className="banner notice import-report-banner" role="status">
      {summary}
      <button type="button" className="small" onClick={onDetails}>
        What the import decided…
      </button>
      <button type="button" className="small" onClick={onDismiss} aria-label="Dismiss the import report">
        ×
      </button>
    </div>
  );
}
