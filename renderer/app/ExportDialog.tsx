import { useEffect, useState } from 'react';
import type { UnfilledVariable } from '../../shared/clauses/unfilled';
import type { ProjectClient } from '../../shared/api/client';
import type { ExportFormat, VersionSummary } from '../../shared/api/contract';
import { offerDownload } from '../common/download';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  client: ProjectClient;
  documentId: string;
  title: string;
  /** Saves the open document first, so the export is what the person sees. */
  beforeExport: () => Promise<void>;
  /** The open suggestions in the editor's document: asked once, as the dialog opens. */
  countOpenSuggestions?: () => number;
  onClose: () => void;
}

const FORMATS: Array<{ format: ExportFormat; name: string; note: string }> = [
  { format: 'html', name: 'Web page (HTML)', note: 'One file for the website, with a linked table of contents.' },
  { format: 'docx', name: 'Word (DOCX)', note: 'Word styles and numbering that Word keeps up to date.' },
  { format: 'pdf', name: 'PDF', note: 'For printing and signing.' },
  { format: 'md', name: 'Markdown', note: 'For policies kept in git.' },
];

export function ExportDialog({ client, documentId, title, beforeExport, countOpenSuggestions, onClose }: Props) {
  const [format, setFormat] = useState<ExportFormat>('html');
  const [fragment, setFragment] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [version, setVersion] = useState('');
  // Counted once: the editor's document does not change while the dialog holds the focus.
  const [openSuggestions] = useState(() => countOpenSuggestions?.() ?? 0);

  useEffect(() => {
    // Versions are a choice, not a need: without them (or if they cannot be read) the draft is exported.
    client.listVersions({ documentId }).then(setVersions, () => setVersions([]));
  }, [client, documentId]);
  const [unfilled, setUnfilled] = useState<UnfilledVariable[] | null>(null);

  // Before anything is written: which variables would come out as [name], and where they stand.
  useEffect(() => {
    let live = true;
    beforeExport()
      .then(() => client.checkExport({ documentId, ...(version ? { version } : {}) }))
      .then(
        (result) => live && setUnfilled(result.unfilled),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
    // Checked when the dialog opens, and again for each edition chosen; beforeExport is new at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeExport();
      offerDownload(
        await client.exportDocument({ documentId, format, fragment: format === 'html' && fragment, ...(version ? { version } : {}) }),
      );
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={<>Export “{title}”</>}
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      actions={
        <button type="button" className="primary" disabled={busy || unfilled === null} onClick={() => void run()}>
          {unfilled && unfilled.length > 0 ? 'Export anyway' : 'Export'}
        </button>
      }
    >
      {versions.length > 0 ? (
        <label className="field">
          <span>Edition</span>
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value="">Current draft</option>
            {versions.map((v) => (
              <option key={v.tag} value={v.name}>
                Version “{v.name}”
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="formats">
        <legend>Format</legend>
        {FORMATS.map((option) => (
          <label key={option.format} className="format-option">
            <input type="radio" name="format" value={option.format} checked={format === option.format} onChange={() => setFormat(option.format)} />
            <span>
              <strong>{option.name}</strong>
              <span className="muted"> — {option.note}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {format === 'html' ? (
        <label className="checkbox">
          <input type="checkbox" checked={fragment} onChange={(e) => setFragment(e.target.checked)} /> Body only, for pasting
          into a website’s editor
        </label>
      ) : null}
      {openSuggestions > 0 && version === '' ? <SuggestionsWarning count={openSuggestions} /> : null}
      {unfilled && unfilled.length > 0 ? (
        <div className="unfilled" role="alert" data-testid="unfilled-variables">
          <strong>
            {unfilled.length === 1
              ? 'One variable has no value. The export will show it as written below until you fill it in the Variables panel:'
              : `${unfilled.length} variables have no value. The export will show each as written below until you fill them in the Variables panel:`}
          </strong>
          <ul>
            {unfilled.map((v) => (
              <li key={v.name}>
                <code>{`[${v.name}]`}</code>
                {v.defined ? '' : ' (not defined in this project)'} — in {v.places.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {busy ? (
        <p className="muted" role="status">
          <progress aria-label="Exporting" /> Exporting…
        </p>
      ) : null}
      <FieldError message={error} />
    </Dialog>
  );
}

/** Only DOCX carries suggestions (as tracked changes); the other formats publish the text as agreed. */
function SuggestionsWarning({ count }: { count: number }) {
  return (
    <p className="open-suggestions" role="note" data-testid="open-suggestions-warning">
      {count === 1
        ? 'This document has 1 open suggestion; HTML, Markdown and PDF publish the text as if it were accepted.'
        : `This document has ${count} open suggestions; HTML, Markdown and PDF publish the text as if they were accepted.`}
    </p>
  );
}
