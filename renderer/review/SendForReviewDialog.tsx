import { useEffect, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  /** The summary prefilled from the compare with the last published version; null while it is worked out. */
  suggested: string | null;
  /** The people of the last review, offered again. */
  reviewers: readonly string[];
  approvers: readonly string[];
  /** The people who have worked in the project (and the person at the keyboard): offered as names to add. */
  people: readonly string[];
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

/** The text of a names field with `name` added at its end, unless it is there already. */
function withName(text: string, name: string): string {
  const present = names(text);
  return present.includes(name) ? text : [...present, name].join(', ');
}

/** Buttons adding the project's people to a names field: names are typed or picked, never looked up elsewhere. */
function PeopleToAdd({ people, field, text, onAdd }: { people: readonly string[]; field: string; text: string; onAdd: (text: string) => void }) {
  const missing = people.filter((person) => !names(text).includes(person));
  if (missing.length === 0) return null;
  return (
    <div className="review-people" role="group" aria-label={`Add to ${field}`}>
      <span className="muted">Add:</span>
      {missing.map((person) => (
        <button key={person} type="button" className="small" onClick={() => onAdd(withName(text, person))}>
          {person}
        </button>
      ))}
    </div>
  );
}

/**
 * Draft → In review: the summary of changes (prefilled, editable), who reviews and who must approve (typed, or picked
 * from the people who have worked in the project).
 */
export function SendForReviewDialog({ suggested, reviewers, approvers, people, onSend, onClose }: Props) {
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
      <PeopleToAdd people={people} field="approvers" text={approverText} onAdd={setApprovers} />
      <label className="field">
        <span>Reviewers (may request changes)</span>
        <input value={reviewerText} onChange={(e) => setReviewers(e.target.value)} />
      </label>
      <PeopleToAdd people={people} field="reviewers" text={reviewerText} onAdd={setReviewers} />
      <FieldError message={error} />
    </Dialog>
  );
}
