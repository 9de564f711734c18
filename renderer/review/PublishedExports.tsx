import { useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import { offerDownload } from '../common/download';

export const PUBLISHED_FORMATS = [
  { format: 'html', name: 'HTML' },
  { format: 'docx', name: 'DOCX' },
  { format: 'pdf', name: 'PDF' },
] as const;
type PublishedFormat = (typeof PUBLISHED_FORMATS)[number]['format'];

/** Offers the file of exactly a saved version (the published one), never of the draft as it is now. */
export async function downloadVersion(client: ProjectClient, documentId: string, version: string, format: PublishedFormat): Promise<void> {
  offerDownload(await client.exportDocument({ documentId, format, version }));
}

/** The published version's files, one button per format. */
export function PublishedExports({ client, documentId, version, say }: { client: ProjectClient; documentId: string; version: string; say: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: PublishedFormat) => {
    setBusy(true);
    try {
      await downloadVersion(client, documentId, version, format);
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="review-published" role="group" aria-label="Export the published version">
      <span className="muted">Published version:</span>
      {PUBLISHED_FORMATS.map(({ format, name }) => (
        <button key={format} type="button" className="small" disabled={busy} onClick={() => void exportAs(format)}>
          {name}
        </button>
      ))}
    </div>
  );
}
