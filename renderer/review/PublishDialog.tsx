import { useState } from 'react';
import { localDay } from '../../shared/model/dates';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

export interface PublishChoices {
  note: string;
  effectiveDate?: string;
  lastUpdated?: string;
  /** Offer the HTML, DOCX and PDF of the published version once it is saved. */
  exportFiles: boolean;
}

interface Props {
  /** Publishes; resolves to a sentence when it could not be done. */
  onPublish: (choices: PublishChoices) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Approved → Published: the dates the published text carries (written into it before its version is saved, when
 * asked), a note for the trail, and whether to export the files of exactly that version straight away.
 */
export function PublishDialog({ onPublish, onClose }: Props) {
  const today = localDay();
  const [setEffective, setSetEffective] = useState(true);
  const [effective, setEffectiveValue] = useState(today);
  const [setUpdated, setSetUpdated] = useState(true);
  const [exportFiles, setExportFiles] = useState(true);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title="Publish"
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      onSubmit={async () => {
        setBusy(true);
        const problem = await onPublish({
          note,
          ...(setEffective ? { effectiveDate: effective } : {}),
          ...(setUpdated ? { lastUpdated: today } : {}),
          exportFiles,
        });
        setBusy(false);
        if (problem) setError(problem);
        else onClose();
      }}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          Publish
        </button>
      }
    >
      <p className="panel-note">Publishing saves a version with a tag the team can rely on, of the approved text with the dates below.</p>
      <div className="checkbox publish-date">
        <label className="checkbox inline">
          <input type="checkbox" checked={setEffective} onChange={(e) => setSetEffective(e.target.checked)} /> Set the effective date
        </label>
        <input type="date" aria-label="Effective date" required={setEffective} disabled={!setEffective} value={effective} onChange={(e) => setEffectiveValue(e.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={setUpdated} onChange={(e) => setSetUpdated(e.target.checked)} /> Set “last updated” to today ({today})
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={exportFiles} onChange={(e) => setExportFiles(e.target.checked)} /> Export the published version as HTML, DOCX and PDF
      </label>
      <label className="field">
        <span>Note for the audit trail (optional)</span>
        <textarea rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}
