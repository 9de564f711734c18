import { useEffect, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  /** The summary prefilled from the compare with the last published version; null while it is worked out. */
  suggested: string | null;
  /** The people of the last review, offered again. */
  reviewers: readonly string[];
  approvers: readonly string[];
  /** Opens the review; resolves to a sentence when it could not be done. */
  onSend: (input: { summary: string; reviewers: string[]; approvers: string[] }) => Promise<string | null>;
  onClose: () => void;
}

/** Names typed one per line or separated by commas. */
function names(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Draft → In review: the summary of changes (prefilled, editable), who reviews and who must approve. */
export function SendForReviewDialog({ suggested, reviewers, approvers, onSend, onClose }: Props) {
  const [summary, setSummary] = useState(suggested ?? '');
  const [reviewerText, setReviewers] = useState(reviewers.join(', '));
  const [approverText, setApprovers] = useState(approvers.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The suggestion arrives after the dialog opens; it fills the field only if the person has not typed yet.
  useEffect(() => {
    if (suggested !== null) setSummary((typed) => (typed === '' ? suggested : typed));
  }, [suggested]);
  return (
    <Dialog
      title="Send for review"
      wide
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      onSubmit={async () => {
        setBusy(true);
        const problem = await onSend({ summary, reviewers: names(reviewerText), approvers: names(approverText) });
        setBusy(false);
        if (problem) setError(problem);
        else onClose();
      }}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          Send for review
        </button>
      }
    >
      <label className="field">
        <span>Summary of changes</span>
        <textarea
          autoFocus
          rows={8}
          maxLength={4000}
          value={summary}
          placeholder={suggested === null ? 'Comparing with the last published version…' : ''}
          onChange={(e) => setSummary(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Approvers (each must approve; separate names with commas)</span>
        <input value={approverText} onChange={(e) => setApprovers(e.target.value)} />
      </label>
      <label className="field">
        <span>Reviewers (may request changes)</span>
        <input value={reviewerText} onChange={(e) => setReviewers(e.target.value)} />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}
