import { useCallback, useEffect, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { WorkflowStep, WorkflowView } from '../../shared/api/contract';
import { localDay, shortDateTime } from '../../shared/model/dates';
import { allowedSteps, STATE_NAMES } from '../../shared/workflow/allowed-steps';
import { currentDecisions } from '../../shared/workflow/machine';
import { reviewDue, type ReviewStatus } from '../../shared/workflow/review-dates';
import { Dialog } from '../common/Dialog';
import { DependsOnForm } from './DependsOnForm';
import { EditorialSetting } from './EditorialSetting';
import { PublishDialog, type PublishChoices } from './PublishDialog';
import { PUBLISHED_FORMATS, PublishedExports, downloadVersion } from './PublishedExports';
import { SendForReviewDialog } from './SendForReviewDialog';
import { TrailList } from './TrailList';

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
  const [publishing, setPublishing] = useState(false);

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
    async (step: WorkflowStep, done: string, taken?: (view: WorkflowView) => void): Promise<string | null> => {
      setBusy(true);
      try {
        const next = await client.workflowStep({ documentId, step });
        setView(next);
        setError(null);
        setNote('');
        say(done);
        taken?.(next);
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

  /**
   * Publishes, then offers the files of exactly the version saved, when asked. A file that cannot be made is said in
   * the status line: the publication stands.
   */
  const publishWith = async ({ exportFiles, ...step }: PublishChoices): Promise<string | null> => {
    // Typed so, not narrowed to null: the callback below sets it.
    let version = null as string | null;
    const problem = await take({ step: 'publish', ...step }, 'Published: a version was saved with its tag.', (published) => {
      version = published.publishedVersion;
    });
    if (problem !== null || !exportFiles || version === null) return problem;
    try {
      for (const { format } of PUBLISHED_FORMATS) await downloadVersion(client, documentId, version, format);
      say('Published: a version was saved with its tag, and its HTML, DOCX and PDF exported.');
    } catch (e) {
      say(`Published, but the files could not all be exported: ${messageOf(e)}`);
    }
    return null;
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
        <TrailList client={client} documentId={documentId} trail={trail} say={say} />
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
      {view.reviewNeeded.length > 0 ? (
        <p className="panel-note review-needed" role="status" data-testid="review-needed">
          <strong>Review needed:</strong>{' '}
          {view.reviewNeeded.map((d) => `${d.title} was published ${shortDateTime(d.publishedAt)}`).join('; ')}, after this document was. Send it
          for review, or, once you have read it against them, record that it needs no change.{' '}
          <button type="button" className="small" disabled={busy} onClick={() => void take({ step: 'confirmDependencies' }, 'Recorded: no change needed.')}>
            No change needed
          </button>
        </p>
      ) : null}
      {workflow.state === 'published' && workflow.published && workflow.published.edition !== view.edition ? (
        <p className="panel-note review-edited">The text changed since it was published: send it for review to publish the change.</p>
      ) : null}
      {editedSince ? (
        <p className="panel-note review-edited">
          {view.pendingEdit === 'editorial' && workflow.editorialKeepsApproval
            ? 'The text changed since it was sent for review, editorially (the same words): the next step records the edit, and the approvals stand.'
            : 'The text changed since it was sent for review: the next step records the edit, and approvals start again on the new text.'}
        </p>
      ) : null}
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
          <button type="button" className="primary" disabled={busy} onClick={() => setPublishing(true)}>
            Publish…
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
      <h3 className="review-heading">Depends on</h3>
      <DependsOnForm others={view.others} dependsOn={workflow.dependsOn} busy={busy} onSet={(dependsOn) => void take({ step: 'setDependsOn', dependsOn }, 'Links saved.')} />
      <h3 className="review-heading">Edits during a review</h3>
      <EditorialSetting
        keep={workflow.editorialKeepsApproval}
        busy={busy}
        onSet={(keep) => void take({ step: 'setEditorialKeepsApproval', keep }, keep ? 'Editorial edits now keep approvals.' : 'Every edit now restarts the approvals.')}
      />
      <TrailList client={client} documentId={documentId} trail={trail} say={say} />
      {publishing ? <PublishDialog onPublish={(choices) => publishWith(choices)} onClose={() => setPublishing(false)} /> : null}
      {sending ? (
        <SendForReviewDialog
          suggested={sending.suggested}
          reviewers={workflow.reviewers}
          approvers={workflow.approvers.length > 0 ? workflow.approvers : [userName]}
          people={[...new Set([userName, ...view.people])].filter(Boolean)}
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
