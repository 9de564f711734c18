import { useCallback, useEffect, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { WorkflowStep, WorkflowView } from '../../shared/api/contract';
import { localDay, shortDateTime } from '../../shared/model/dates';
import { allowedSteps, STATE_NAMES } from '../../shared/workflow/allowed-steps';
import { currentDecisions } from '../../shared/workflow/machine';
import { reviewDue, type ReviewStatus } from '../../shared/workflow/review-dates';
import { trailCsv } from '../../shared/workflow/trail-csv';
import { Dialog } from '../common/Dialog';
import { offerDownload, textFile } from '../common/download';
import { SendForReviewDialog } from './SendForReviewDialog';

interface Props {
  client: ProjectClient;
  documentId: string;
  /** Who is at the keyboard: the person of every step this window takes (the host says so, not the window). */
  userName: string;
  say: (message: string) => void;
}

const DECISION_WORDS = { approve: 'Approved', 'request-changes': 'Changes requested', decline: 'Declined' } as const;
const DUE_WORDS: Record<ReviewStatus, string> = { 'not-scheduled': 'not scheduled', ok: 'not due yet', 'due-soon': 'due soon', overdue: 'overdue' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Review panel: where the document stands in its review (a badge), its approvers and their decisions on the text
 * as it is now, the steps this person may take, its next review date, and the audit trail read from git. Read when the
 * panel opens and after each step, never per key.
 */
export function ReviewPanel({ client, documentId, userName, say }: Props) {
  const [view, setView] = useState<WorkflowView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState<{ suggested: string | null } | null>(null);
  const [retiring, setRetiring] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setView(await client.readWorkflow({ documentId }));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, documentId]);
  useEffect(() => void refresh(), [refresh]);

  /** Takes a step; resolves to the sentence when it was refused. */
  const take = useCallback(
    async (step: WorkflowStep, done: string): Promise<string | null> => {
      setBusy(true);
      try {
        setView(await client.workflowStep({ documentId, step }));
        setError(null);
        setNote('');
        say(done);
        return null;
      } catch (e) {
        setError(messageOf(e));
        return messageOf(e);
      } finally {
        setBusy(false);
      }
    },
    [client, documentId, say],
  );

  const openSending = () => {
    setSending({ suggested: null });
    client.suggestReviewSummary({ documentId }).then(
      ({ summary }) => setSending((open) => (open ? { suggested: summary } : open)),
      () => setSending((open) => (open ? { suggested: '' } : open)),
    );
  };

  if (!view) {
    return <div className="review-panel">{error ? <p className="field-error" role="alert">{error}</p> : <p className="muted panel-note">Reading the review…</p>}</div>;
  }
  const { workflow, trail } = view;
  if (view.problem) {
    // A state the history does not record is not shown as if it were, and no step is offered on it: only the trail.
    return (
      <div className="review-panel" aria-label="Review">
        <p className="banner error review-problem" role="alert">
          {view.problem}
        </p>
        <TrailList documentId={documentId} trail={trail} />
      </div>
    );
  }
  const allowed = allowedSteps(workflow, userName);
  const decided = currentDecisions(workflow);
  const due = reviewDue(workflow, localDay());
  const editedSince = (workflow.state === 'in-review' || workflow.state === 'approved') && workflow.edition !== view.edition;
  const deciding = allowed.approve || allowed.requestChanges;

  return (
    <div className="review-panel" aria-label="Review">
      <p className="review-state-line">
        <span className={`review-badge ${workflow.state}`} data-testid="review-state">
          {STATE_NAMES[workflow.state]}
        </span>
        {workflow.published ? <span className="muted"> last published {shortDateTime(workflow.published.at)}</span> : null}
      </p>
      {workflow.state === 'published' && workflow.published && workflow.published.edition !== view.edition ? (
        <p className="panel-note review-edited">The text changed since it was published: send it for review to publish the change.</p>
      ) : null}
      {editedSince ? <p className="panel-note review-edited">The text changed since it was sent for review: the next step records the edit, and approvals start again on the new text.</p> : null}
      {workflow.state === 'in-review' || workflow.state === 'approved' ? (
        <>
          <h3 className="review-heading">Summary of changes</h3>
          <p className="review-summary">{workflow.summary}</p>
          <h3 className="review-heading">Approvers</h3>
          <ul className="review-approvers" aria-label="Approvers">
            {workflow.approvers.map((person) => {
              const decision = decided.get(person);
              return (
                <li key={person}>
                  <span>{person}</span> <span className={`review-decision ${decision?.decision ?? 'waiting'}`}>{decision ? DECISION_WORDS[decision.decision] : 'Waiting'}</span>
                  {decision?.note ? <span className="muted"> — {decision.note}</span> : null}
                </li>
              );
            })}
          </ul>
          {workflow.reviewers.length > 0 ? <p className="panel-note muted">Reviewers: {workflow.reviewers.join(', ')}</p> : null}
        </>
      ) : null}
      {deciding ? (
        <label className="field">
          <span>Your note ({userName})</span>
          <textarea rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      <div className="review-actions">
        {allowed.openReview ? (
          <button type="button" className="primary" disabled={busy} onClick={openSending}>
            Send for review…
          </button>
        ) : null}
        {allowed.approve ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void take({ step: 'decide', decision: 'approve', note }, 'Approved.')}>
            Approve
          </button>
        ) : null}
        {allowed.requestChanges ? (
          <button type="button" disabled={busy} onClick={() => void take({ step: 'decide', decision: 'request-changes', note }, 'Changes requested.')}>
            Request changes
          </button>
        ) : null}
        {allowed.decline ? (
          <button type="button" disabled={busy} onClick={() => void take({ step: 'decide', decision: 'decline', note }, 'Declined: the document is a draft again.')}>
            Decline
          </button>
        ) : null}
        {allowed.publish ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void take({ step: 'publish' }, 'Published: a version was saved with its tag.')}>
            Publish
          </button>
        ) : null}
        {allowed.retire ? (
          <button type="button" disabled={busy} onClick={() => setRetiring(true)}>
            Retire…
          </button>
        ) : null}
      </div>
      {workflow.state === 'in-review' && !allowed.approve && !allowed.requestChanges ? (
        <p className="panel-note muted">{userName} is not an approver or reviewer of this document.</p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {view.publishedVersion ? <PublishedExports client={client} documentId={documentId} version={view.publishedVersion} say={say} /> : null}
      <h3 className="review-heading">Review dates</h3>
      <p className="panel-note" data-testid="review-due">
        {due.next ? (
          <>
            Next review {due.next}: <span className={`review-due ${due.status}`}>{DUE_WORDS[due.status]}</span>
          </>
        ) : workflow.review ? (
          `Every ${workflow.review.everyMonths} months, from the first publication.`
        ) : (
          'No review interval set.'
        )}
      </p>
      <ReviewIntervalForm current={workflow.review} busy={busy} onSet={(review) => void take({ step: 'setReviewInterval', review }, 'Review interval set.')} />
      <TrailList documentId={documentId} trail={trail} />
      {sending ? (
        <SendForReviewDialog
          suggested={sending.suggested}
          reviewers={workflow.reviewers}
          approvers={workflow.approvers.length > 0 ? workflow.approvers : [userName]}
          onSend={(input) => take({ step: 'openReview', ...input }, 'Sent for review.')}
          onClose={() => setSending(null)}
        />
      ) : null}
      {retiring ? (
        <Dialog
          title="Retire this policy?"
          onClose={() => setRetiring(false)}
          cancel="Cancel"
          onSubmit={async () => {
            if ((await take({ step: 'retire', note }, 'Retired.')) === null) setRetiring(false);
          }}
          actions={
            <button type="submit" className="primary" disabled={busy}>
              Retire
            </button>
          }
        >
          <p>A retired policy no longer applies. Its versions and its audit trail stay.</p>
        </Dialog>
      ) : null}
    </div>
  );
}

function ReviewIntervalForm({ current, busy, onSet }: { current: WorkflowView['workflow']['review']; busy: boolean; onSet: (review: { everyMonths: number; warnDays: number } | null) => void }) {
  const [months, setMonths] = useState(String(current?.everyMonths ?? 12));
  const [warn, setWarn] = useState(String(current?.warnDays ?? 30));
  return (
    <form
      className="review-interval"
      onSubmit={(e) => {
        e.preventDefault();
        onSet({ everyMonths: Number(months), warnDays: Number(warn) });
      }}
    >
      <label>
        Every <input type="number" min={1} max={120} required value={months} onChange={(e) => setMonths(e.target.value)} aria-label="Review every (months)" /> months,
      </label>{' '}
      <label>
        warn <input type="number" min={0} max={365} required value={warn} onChange={(e) => setWarn(e.target.value)} aria-label="Warn days before" /> days before
      </label>{' '}
      <button type="submit" className="small" disabled={busy}>
        Set
      </button>
    </form>
  );
}

/** The audit trail, newest first, and its export as CSV (oldest first, as auditors read it). */
function TrailList({ documentId, trail }: { documentId: string; trail: WorkflowView['trail'] }) {
  return (
    <>
      <div className="review-trail-head">
        <h3 className="review-heading">Audit trail</h3>
        <button
          type="button"
          className="small"
          disabled={trail.length === 0}
          onClick={() => offerDownload(textFile(`${documentId}-review-trail.csv`, 'text/csv', trailCsv(trail)))}
        >
          Export trail as CSV
        </button>
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

const PUBLISHED_FORMATS = [
  { format: 'html', name: 'HTML' },
  { format: 'docx', name: 'DOCX' },
  { format: 'pdf', name: 'PDF' },
] as const;

/** The files of exactly the published edition (its saved version), not of the draft as it is now. */
function PublishedExports({ client, documentId, version, say }: { client: ProjectClient; documentId: string; version: string; say: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: (typeof PUBLISHED_FORMATS)[number]['format']) => {
    setBusy(true);
    try {
      offerDownload(await client.exportDocument({ documentId, format, version }));
    } catch (e) {
      say(messageOf(e));
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
