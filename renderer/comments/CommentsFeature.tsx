/**
 * Comments and the review list in the window: "New comment" on the selection or the caret's section, the threads
 * (kept with the document's details through the feature host, so a change is saved as any edit), the highlight of
 * commented text and the markers in the margin, and the "Review changes" tab listing open suggestions and threads.
 * Per key it only restarts a timer; everything else follows a person's action.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Editor, Range, type RangeRef } from 'slate';
import type { Command } from '../../shared/api/commands';
import type { CommentThread } from '../../shared/model/document';
import { addReply, deleteThread, editComment, newThread, reopenThread, resolveThread } from '../../shared/review/threads';
import type { FeatureHost, FeatureSlots } from '../editor/editor-feature';
import type { IdentityTools } from '../identity/use-identity';
import { CommentHighlights } from './CommentHighlights';
import { CommentMarkersContext, type CommentMarkers } from './CommentMarks';
import { markComment, sectionAt, unmarkComment } from './comment-commands';
import { syncSelectionFromDom } from '../editor/sync-selection';
import { DeleteThreadDialog } from './DeleteThreadDialog';
import { EVERYTHING_OPEN, type ReviewFilter } from './review-filter';
import { ReviewListPanel } from './ReviewListPanel';
import type { ThreadActions } from './thread-actions';
import { ThreadHistory } from './thread-history';

export const REVIEW_TAB = 'review-changes';
const NO_THREADS: readonly CommentThread[] = [];
/** After the last change, how long before the threads are read again (a restore or an undo may have changed them). */
const QUIET_MS = 1000;

/** A comment being written: about the text of `range`, or about a whole section. */
export interface CommentDraft {
  range: RangeRef | null;
  section: string | null;
  quote: string;
}

interface Props {
  host: FeatureHost;
  identity: IdentityTools;
  children: (slots: FeatureSlots) => ReactNode;
}

export function CommentsFeature({ host, identity, children }: Props) {
  const readThreads = useCallback(() => host.tools.comments?.() ?? NO_THREADS, [host]);
  const [threads, setThreads] = useState(readThreads);
  const [reveal, setReveal] = useState<{ tab: string; times: number } | undefined>(undefined);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  // The draft as the callbacks read it, kept in step by setDraftNow (never assigned while rendering).
  const draftRef = useRef<CommentDraft | null>(null);
  const setDraftNow = useCallback((next: CommentDraft | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);
  const [active, setActive] = useState<string | null>(null);
  const [filter, setFilter] = useState<ReviewFilter>(EVERYTHING_OPEN);
  const [deleting, setDeleting] = useState<CommentThread | null>(null);
  // Counts the person's changes, so the open panel reads the document again at once rather than after a pause.
  const [changes, setChanges] = useState(0);

  const showPanel = useCallback(() => setReveal((last) => ({ tab: REVIEW_TAB, times: (last?.times ?? 0) + 1 })), []);

  const update = useCallback(
    (edit: (threads: readonly CommentThread[]) => CommentThread[]) => {
      const next = edit(readThreads());
      host.tools.setComments?.(next);
      setThreads(next);
      setChanges((n) => n + 1);
    },
    [host, readThreads],
  );

  // Undoing a new comment's marking takes the thread away too; redo brings it back (thread-history.ts).
  const [history, setHistory] = useState<ThreadHistory | null>(null);
  useEffect(() => {
    const linked = new ThreadHistory(host.editor, readThreads, (next) => {
      host.tools.setComments?.(next);
      setThreads(next);
      setChanges((n) => n + 1);
    });
    setHistory(linked);
    return () => linked.dispose();
  }, [host, readThreads]);

  const startComment = useCallback(async () => {
    const { editor } = host;
    // From the list's button too: the words the person sees selected, not Slate's throttled copy of them.
    syncSelectionFromDom(editor);
    host.tools.renderNow();
    const at = editor.selection;
    if (!at) {
      host.say('Put the cursor in the text, or select the words, to comment on them.');
      return;
    }
    const section = Range.isExpanded(at) ? null : sectionAt(editor, at);
    if (Range.isCollapsed(at) && !section) {
      host.say('Select the words to comment on: the text before the first heading is in no section.');
      return;
    }
    const range = Range.isExpanded(at) ? Editor.rangeRef(editor, at) : null;
    const quote = range ? Editor.string(editor, at).slice(0, 300) : '';
    const who = await identity.ensure();
    if (!who) {
      range?.unref();
      return;
    }
    draftRef.current?.range?.unref();
    setDraftNow({ range, section, quote });
    showPanel();
  }, [host, identity, showPanel, setDraftNow]);

  const cancelDraft = useCallback(() => {
    draftRef.current?.range?.unref();
    setDraftNow(null);
  }, [setDraftNow]);

  const submitDraft = useCallback(
    (text: string) => {
      const current = draftRef.current;
      const who = identity.current();
      if (!current || !who || !text.trim()) return;
      const range = current.range?.unref() ?? null;
      let section = current.section;
      let thread = newThread(who, text, section ? { section } : {});
      if (range && !markComment(host.editor, range, thread.id)) {
        // The words were deleted while the comment was written: it is about their section instead.
        section = sectionAt(host.editor, range);
        thread = { ...thread, ...(section ? { section } : {}) };
      } else if (range) {
        history?.marked(thread.id);
      }
      update((threads) => [...threads, thread]);
      setDraftNow(null);
      setActive(thread.id);
    },
    [host, identity, update, setDraftNow, history],
  );

  const actions = useMemo<ThreadActions>(
    () => ({
      me: () => identity.current()?.name ?? null,
      reply: async (id, text) => {
        const who = await identity.ensure();
        if (who) update((threads) => addReply(threads, id, who, text));
      },
      resolve: (id) => update((threads) => resolveThread(threads, id)),
      reopen: (id) => update((threads) => reopenThread(threads, id)),
      edit: (id, text, replyId) => {
        const who = identity.current();
        if (who) update((threads) => editComment(threads, id, who, text, replyId));
      },
      askDelete: (thread) => setDeleting(thread),
    }),
    [identity, update],
  );

  const confirmDelete = useCallback(() => {
    if (!deleting) return;
    unmarkComment(host.editor, deleting.id);
    update((threads) => deleteThread(threads, deleting.id));
    setDeleting(null);
    host.say('The comment thread was deleted.');
  }, [deleting, host, update]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = () => setThreads((shown) => {
      const now = readThreads();
      return now === shown || (now.length === 0 && shown.length === 0) ? shown : now;
    });
    const unregister = host.register({
      run: (command: Command) => {
        if (command === 'newComment') {
          void startComment();
          return true;
        }
        if (command === 'showReviewList') {
          showPanel();
          return true;
        }
        return false;
      },
      // Per key: only a timer restarted.
      changed: () => {
        clearTimeout(timer);
        timer = setTimeout(follow, QUIET_MS);
      },
    });
    return () => {
      unregister();
      clearTimeout(timer);
    };
  }, [host, readThreads, startComment, showPanel]);

  const resolved = useMemo(() => new Set(threads.filter((t) => t.resolved).map((t) => t.id)), [threads]);
  const markers = useMemo<CommentMarkers>(
    () => ({
      resolved,
      open: (id) => {
        setActive(id);
        if (resolved.has(id)) setFilter((f) => (f.status === 'open' ? { ...f, status: 'all' } : f));
        showPanel();
      },
    }),
    [resolved, showPanel],
  );

  const panel = (
    <ReviewListPanel
      host={host}
      threads={threads}
      changes={changes}
      filter={filter}
      onFilter={setFilter}
      active={active}
      onActive={setActive}
      draft={draft}
      onSubmitDraft={submitDraft}
      onCancelDraft={cancelDraft}
      actions={actions}
      onChangeName={identity.change}
      onNewComment={() => void startComment()}
    />
  );
  const overlay = (
    <>
      <CommentHighlights threads={threads} active={active} />
      {deleting ? <DeleteThreadDialog thread={deleting} onDelete={confirmDelete} onClose={() => setDeleting(null)} /> : null}
    </>
  );
  return (
    <CommentMarkersContext.Provider value={markers}>
      {children({ tabs: [{ id: REVIEW_TAB, name: 'Review changes', panel }], overlay, adornments: null, ...(reveal ? { reveal } : {}) })}
    </CommentMarkersContext.Provider>
  );
}

