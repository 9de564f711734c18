import { useState } from 'react';
import type { ClauseSource } from '../../shared/model/document';
import { slugify } from '../../shared/model/text';
import type { ClauseBlock, ClauseEdit } from '../../shared/clauses/schema';
import { CLAUSE_STATUSES, type ClauseStatus } from '../../shared/clauses/library';
import { clauseToText, textToClauseBlocks } from '../../shared/clauses/text';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

export interface ClauseDraft {
  isNew: boolean;
  source: ClauseSource;
  id: string;
  title: string;
  status: ClauseStatus;
  version: number;
  topics: string[];
  jurisdictions: string[];
  blocks: ClauseBlock[];
}

interface Props {
  draft: ClauseDraft;
  teamAvailable: boolean;
  onSave: (source: ClauseSource, edit: ClauseEdit, isNew: boolean) => Promise<string | null>;
  onClose: () => void;
}

const list = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

/**
 * Writes a clause: its wording as plain text (blank line between paragraphs, "- " for list items, {{name}} for a
 * variable). Saving an approved clause whose wording changed makes its next version and keeps the earlier one.
 */
export function ClauseEditorDialog({ draft, teamAvailable, onSave, onClose }: Props) {
  const [title, setTitle] = useState(draft.title);
  const [status, setStatus] = useState<ClauseStatus>(draft.status);
  const [source, setSource] = useState<ClauseSource>(draft.source);
  const [topics, setTopics] = useState(draft.topics.join(', '));
  const [jurisdictions, setJurisdictions] = useState(draft.jurisdictions.join(', '));
  const [text, setText] = useState(() => clauseToText(draft.blocks));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = draft.isNew ? slugify(title) : draft.id;

  const save = async () => {
    const blocks = textToClauseBlocks(text, draft.blocks);
    if (!title.trim()) return setError('A clause needs a title.');
    if (blocks.length === 0) return setError('A clause needs some text.');
    setBusy(true);
    const failure = await onSave(source, { id, title: title.trim(), status, tags: { topic: list(topics), jurisdiction: list(jurisdictions) }, blocks }, draft.isNew);
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <Dialog
      wide
      title={draft.isNew ? 'New clause' : `Edit clause “${draft.title}”`}
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      actions={
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Save clause
        </button>
      }
    >
      <label className="field">
        <span>Title</span>
        <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as ClauseStatus)}>
            {CLAUSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        {draft.isNew ? (
          <label className="field">
            <span>Library</span>
            <select value={source} onChange={(e) => setSource(e.target.value as ClauseSource)}>
              <option value="project">This project</option>
              <option value="team" disabled={!teamAvailable}>
                Team library
              </option>
            </select>
          </label>
        ) : null}
      </div>
      <div className="field-row">
        <label className="field">
          <span>Topics (comma-separated)</span>
          <input value={topics} onChange={(e) => setTopics(e.target.value)} placeholder="retention, rights" />
        </label>
        <label className="field">
          <span>Jurisdictions</span>
          <input value={jurisdictions} onChange={(e) => setJurisdictions(e.target.value)} placeholder="EU, UK" />
        </label>
      </div>
      <label className="field">
        <span>Text — a blank line between paragraphs, “- ” for a list item, {'{{company_name}}'} for a variable</span>
        <textarea aria-label="Clause text" rows={12} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="muted">
        {draft.isNew
          ? `Saved as clauses/${id || '…'}.clause.json.`
          : draft.status === 'draft'
            ? 'A draft is changed in place.'
            : `Changing the wording makes version ${draft.version + 1}; version ${draft.version} stays in the clause's history, and documents using it show “Update available”.`}
      </p>
      <FieldError message={error} />
    </Dialog>
  );
}
