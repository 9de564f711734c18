import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Finding } from '../../shared/check/finding';
import { MAX_REASON } from '../../shared/check/project-checks';

interface Props {
  readonly finding: Finding;
  readonly onJump: (sectionId: string) => void;
  readonly canDismiss: boolean;
  /** Saves the dismissal; false when it could not be saved (the panel says why). */
  readonly onDismiss: (reason: string) => Promise<boolean>;
}

/** One finding: a button that shows its section, and "Dismiss…", which asks for the reason on one line. */
export function FindingItem({ finding, onJump, canDismiss, onDismiss }: Props) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim() || busy) return;
    setBusy(true);
    const saved = await onDismiss(reason.trim());
    setBusy(false);
    if (saved) setAsking(false);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setAsking(false);
  };
  return (
    <li className={`check-finding ${finding.severity}`}>
      <button type="button" className="check-jump" disabled={!finding.sectionId} onClick={() => finding.sectionId && onJump(finding.sectionId)}>
        <span className="visually-hidden">{finding.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
        <span className="check-where">{finding.sectionNumber ?? '—'}</span>
        <span className="check-message">{finding.message}</span>
      </button>
      {canDismiss && !asking ? (
        <button type="button" className="check-dismiss link-button" onClick={() => setAsking(true)} aria-label={`Dismiss: ${finding.message}`}>
          Dismiss…
        </button>
      ) : null}
      {asking ? (
        <form className="check-dismiss-form" onSubmit={(event) => void submit(event)} onKeyDown={cancelOnEscape}>
          <input
            // The person asked for this field this moment: it takes the keyboard.
            autoFocus
            aria-label="Why dismiss this finding?"
            placeholder="Why? (one line, saved in the project)"
            value={reason}
            maxLength={MAX_REASON}
            onChange={(event) => setReason(event.target.value.replace(/[\r\n]+/gu, ' '))}
          />
          <button type="submit" disabled={!reason.trim() || busy}>
            Dismiss
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      ) : null}
    </li>
  );
}
