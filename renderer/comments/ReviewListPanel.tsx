import { useEffect, useMemo, useState } from 'react';
import { shortcutText } from '../../shared/api/commands';
import type { CommentThread } from '../../shared/model/document';
import { clip, type ThreadActions } from './thread-actions';
import { shortDateTime } from '../../shared/model/dates';
import { listComments, listSuggestions, type CommentEntry, type SuggestionEntry } from '../../shared/review/list';
import type { SuggestionKind } from '../../shared/review/suggestions';
import type { FeatureHost } from '../editor/editor-feature';
import { resolveInEditor } from '../editor/resolve-in-editor';
import type { CommentDraft } from './CommentsFeature';
import { filterReview, reviewAuthors, reviewSections, shownSuggestionIds, type ReviewFilter, type ReviewLists } from './review-filter';
import { selectSuggestion, selectThread } from './select-in-page';
import { ThreadView } from './ThreadView';

/** After the last change, how long the list waits before it reads the document again. */
const QUIET_MS = 1000;

interface Props {
  host: FeatureHost;
  threads: readonly CommentThread[];
  /** Changes when the person changed a thread: the list is read again at once. */
  changes: number;
  filter: ReviewFilter;
  onFilter: (filter: ReviewFilter) => void;
  active: string | null;
  onActive: (id: string | null) => void;
  draft: CommentDraft | null;
  onSubmitDraft: (text: string) => void;
  onCancelDraft: () => void;
  actions: ThreadActions;
  /** Opens "Your name…": the web host has no menu bar, so the list offers it where names are shown. */
  onChangeName: () => void;
  /** New comment on the text's selection (the toolbar has no room for it; Ctrl+Alt+M and the menus have it too). */
  onNewComment: () => void;
}

const KIND_WORDS: Record<SuggestionKind, string> = {
  insert: 'inserted',
  delete: 'deleted',
  format: 'formatted',
  level: 'moved a level',
  'move-from': 'moved',
  'move-to': 'moved',
};

function kindsText(kinds: readonly SuggestionKind[]): string {
  return [...new Set(kinds.map((kind) => KIND_WORDS[kind] ?? kind))].join(', ');
}

/**
 * The "Review changes" tab: the open suggestions, to accept or reject one or all of those shown, and the comment
 * threads, with filters. It reads the whole document, so only while it is shown, a second after the last change and
 * in an idle moment (as the Check tab does), or at once after the person's own action.
 */
export function ReviewListPanel({ host, threads, changes, filter, onFilter, active, onActive, draft, onSubmitDraft, onCancelDraft, actions, onChangeName, onNewComment }: Props) {
  const [lists, setLists] = useState<ReviewLists | null>(null);
  const [decided, setDecided] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const run = () => {
      const doc = host.tools.document?.();
      if (doc) setLists({ suggestions: listSuggestions(doc), comments: listComments(doc) });
    };
    const schedule = (delay: number) => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      timer = setTimeout(() => {
        idle = requestIdleCallback(run, { timeout: delay === 0 ? 200 : 2000 });
      }, delay);
    };
    schedule(0);
    const unregister = host.register({ changed: () => schedule(QUIET_MS), blocksChanged: () => schedule(QUIET_MS) });
    return () => {
      unregister();
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [host, changes, decided]);

  // The threads as they are now (a reply shows before the list is read again); a deleted one is gone at once.
  const current = useMemo<ReviewLists | null>(() => {
    if (!lists) return null;
    const byId = new Map(threads.map((t) => [t.id, t]));
    const comments = lists.comments.flatMap((entry) => {
      const thread = byId.get(entry.thread.id);
      return thread ? [{ ...entry, thread }] : [];
    });
    return { suggestions: lists.suggestions, comments };
  }, [lists, threads]);

  useEffect(() => {
    if (!active) return;
    document.querySelector(`.review-list [data-thread-entry="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, current]);

  const shown = useMemo(() => (current ? filterReview(current, filter) : null), [current, filter]);
  const decide = (ids: ReadonlySet<string>, decision: 'accept' | 'reject') => {
    host.tools.renderNow();
    const changed = resolveInEditor(host.editor, (part) => (ids.has(part.id) ? decision : undefined));
    const count = ids.size;
    host.say(
      changed === 0
        ? 'Nothing was changed.'
        : `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${count === 1 ? 'the suggestion' : `${count} suggestions`}; Ctrl+Z undoes it.`,
    );
    setDecided((n) => n + 1);
  };

  return (
    <aside className="review-list" aria-label="Review changes" aria-busy={lists ? undefined : true}>
      <div className="panel-title-row">
        <h2 className="panel-title">Review changes</h2>
        <button type="button" className="small" onClick={onChangeName}>
          {actions.me() ? `You: ${actions.me()}` : 'Your name…'}
        </button>
      </div>
      {draft ? null : (
        <button
          type="button"
          className="review-new-button"
          title={`New comment on the selected words, or on the section at the cursor (${shortcutText('newComment') ?? ''})`}
          // The text keeps its selection: that is what the comment is about.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onNewComment}
        >
          New comment
        </button>
      )}
      {draft ? <NewComment draft={draft} onSubmit={onSubmitDraft} onCancel={onCancelDraft} /> : null}
      {!current || !shown ? (
        <p className="muted">Reading the document…</p>
      ) : (
        <>
          <Filters lists={current} filter={filter} onFilter={onFilter} />
          <p className="review-summary" role="status">
            {summaryOf(shown)}
          </p>
          {shown.suggestions.length > 0 ? (
            <div className="review-bulk">
              <button type="button" onClick={() => decide(shownSuggestionIds(shown), 'accept')}>
                Accept all{filtered(filter) ? ' shown' : ''} ({shown.suggestions.length})
              </button>
              <button type="button" onClick={() => decide(shownSuggestionIds(shown), 'reject')}>
                Reject all{filtered(filter) ? ' shown' : ''} ({shown.suggestions.length})
              </button>
            </div>
          ) : null}
          <ul className="review-entries">
            {inReadingOrder(shown).map((entry) =>
              'kinds' in entry ? (
                <SuggestionView key={entry.id} entry={entry} host={host} onDecide={(decision) => decide(new Set([entry.id]), decision)} />
              ) : (
                <ThreadView
                  key={entry.thread.id}
                  entry={entry}
                  active={entry.thread.id === active}
                  onJump={() => {
                    onActive(entry.thread.id);
                    selectThread(host, entry.thread.id, entry.thread.section, entry.block);
                  }}
                  actions={actions}
                />
              ),
            )}
          </ul>
        </>
      )}
    </aside>
  );
}

function filtered(filter: ReviewFilter): boolean {
  return filter.author !== null || filter.section !== null;
}

function summaryOf(shown: ReviewLists): string {
  const s = shown.suggestions.length;
  const c = shown.comments.length;
  if (s === 0 && c === 0) return 'Nothing to review here.';
  return [s ? `${s} suggestion${s === 1 ? '' : 's'}` : '', c ? `${c} comment thread${c === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
}

/** Suggestions and threads together in the order of the text; orphaned threads last. */
function inReadingOrder(shown: ReviewLists): Array<SuggestionEntry | CommentEntry> {
  const place = (entry: SuggestionEntry | CommentEntry) => ('kinds' in entry ? entry.block : (entry.block ?? Number.MAX_SAFE_INTEGER));
  return [...shown.suggestions, ...shown.comments].sort((a, b) => place(a) - place(b));
}

function Filters({ lists, filter, onFilter }: { lists: ReviewLists; filter: ReviewFilter; onFilter: (filter: ReviewFilter) => void }) {
  const authors = reviewAuthors(lists);
  const sections = reviewSections(lists);
  return (
    <div className="review-filters" role="group" aria-label="Filters">
      <label>
        Show
        <select value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value as ReviewFilter['status'] })}>
          <option value="open">Open</option>
          <option value="resolved">Resolved comments</option>
          <option value="all">All</option>
        </select>
      </label>
      <label>
        Author
        <select value={filter.author ?? ''} onChange={(e) => onFilter({ ...filter, author: e.target.value || null })}>
          <option value="">Everyone</option>
          {authors.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Section
        <select value={filter.section ?? ''} onChange={(e) => onFilter({ ...filter, section: e.target.value || null })}>
          <option value="">Whole document</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.number || section.id}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function SuggestionView({ entry, host, onDecide }: { entry: SuggestionEntry; host: FeatureHost; onDecide: (decision: 'accept' | 'reject') => void }) {
  return (
    <li className="review-entry suggestion" data-suggestion-entry={entry.id}>
      <button type="button" className="review-goto" onClick={() => selectSuggestion(host, entry.id, entry.block)}>
        <span className="review-entry-head">
          <span className="who">{entry.by}</span>
          <span>{kindsText(entry.kinds)}</span>
          {entry.sectionNumber ? <span className="review-where">§ {entry.sectionNumber}</span> : null}
          <time dateTime={entry.at}>{shortDateTime(entry.at)}</time>
        </span>
        {entry.inserted ? <span className="review-inserted">{clip(entry.inserted)}</span> : null}
        {entry.inserted && entry.deleted ? ' ' : null}
        {entry.deleted ? <span className="review-deleted">{clip(entry.deleted)}</span> : null}
      </button>
      <div className="review-actions">
        <button type="button" onClick={() => onDecide('accept')}>
          Accept
        </button>
        <button type="button" onClick={() => onDecide('reject')}>
          Reject
        </button>
      </div>
    </li>
  );
}

function NewComment({ draft, onSubmit, onCancel }: { draft: CommentDraft; onSubmit: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="review-new review-form"
      aria-label="New comment"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <span className="review-quote">{draft.quote ? `“${clip(draft.quote)}”` : 'On the whole section'}</span>
      <label className="visually-hidden" htmlFor="new-comment-text">
        Your comment
      </label>
      <textarea
        id="new-comment-text"
        autoFocus
        value={text}
        maxLength={20000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          // Ctrl+Enter posts, as in Word's comment balloons.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmit(text);
          }
        }}
      />
      <div className="review-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>
          Comment
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

