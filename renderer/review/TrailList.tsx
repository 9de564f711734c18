import { useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { WorkflowView } from '../../shared/api/contract';
import { shortDateTime } from '../../shared/model/dates';
import { STATE_NAMES } from '../../shared/workflow/allowed-steps';
import { trailCsv } from '../../shared/workflow/trail-csv';
import { offerDownload, textFile } from '../common/download';

interface Props {
  client: ProjectClient;
  documentId: string;
  trail: WorkflowView['trail'];
  say: (message: string) => void;
}

/**
 * The audit trail, newest first, and its exports for auditors (oldest first, as they read it): a CSV made here, and a
 * PDF report printed by the host from the trail read from git.
 */
export function TrailList({ client, documentId, trail, say }: Props) {
  const [printing, setPrinting] = useState(false);
  const exportPdf = async () => {
    setPrinting(true);
    try {
      offerDownload(await client.exportTrailReport({ documentId }));
    } catch (e) {
      say(e instanceof Error ? e.message : String(e));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <>
      <div className="review-trail-head">
        <h3 className="review-heading">Audit trail</h3>
        <span className="review-trail-exports">
          <button
            type="button"
            className="small"
            disabled={trail.length === 0}
            onClick={() => offerDownload(textFile(`${documentId}-review-trail.csv`, 'text/csv', trailCsv(trail)))}
          >
            Export trail as CSV
          </button>
          <button type="button" className="small" disabled={trail.length === 0 || printing} onClick={() => void exportPdf()}>
            {printing ? 'Making the PDF…' : 'Export trail as PDF'}
          </button>
        </span>
      </div>
      {trail.length === 0 ? (
        <p className="panel-note muted">No review steps yet.</p>
      ) : (
        <ol className="review-trail" aria-label="Audit trail">
          {[...trail].reverse().map((entry) => (
            <li key={entry.commit}>
              <div>
                <strong>{entry.step}</strong> · {entry.person}
              </div>
              <div className="muted">
                <time dateTime={entry.at}>{shortDateTime(entry.at)}</time> · {STATE_NAMES[entry.state as keyof typeof STATE_NAMES] ?? entry.state}
              </div>
              {entry.note ? <div className="review-note">{entry.note}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
