import { useState } from 'react';
import { shortDateTime } from '../../shared/model/dates';
import type { CommentEntry } from '../../shared/review/list';
import { clip, type ThreadActions } from './thread-actions';

/** One comment thread in the review list: what it is about, its comment and replies, and what can be done to it. */
export function ThreadView({ entry, active, onJump, actions }: { entry: CommentEntry; active: boolean; onJump: () => void; actions: ThreadActions }) {
  const { thread } = entry;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<{ replyId?: string; text: string } | null>(null);
  const me = actions.me();
  const classes = ['review-entry', 'comment', thread.resolved ? 'resolved' : '', entry.orphaned ? 'orphaned' : '', active ? 'active' : ''].filter(Boolean).join(' ');
  const about = entry.quote ? `“${clip(entry.quote)}”` : entry.orphaned ? '' : 'Whole section';
  const editForm = (replyId?: string) =>
    editing && editing.replyId === replyId ? (
      <TextForm
        label="Edit comment"
        submit="Save"
        initial={editing.text}
        onSubmit={(text) => {
          actions.edit(thread.id, text, replyId);
          setEditing(null);
        }}
        onCancel={() => setEditing(null)}
      />
    ) : null;
  return (
    <li className={classes} data-thread-entry={thread.id}>
      <button type="button" className="review-goto" disabled={entry.orphaned} onClick={onJump}>
        <span className="review-entry-head">
          <span className="who">{thread.by}</span>
          {entry.orphaned ? <span className="review-orphaned">text deleted</span> : entry.sectionNumber ? <span className="review-where">§ {entry.sectionNumber}</span> : null}
          <time dateTime={thread.at}>{shortDateTime(thread.at)}</time>
          {thread.resolved ? <span>resolved</span> : null}
        </span>
        {about ? <span className="review-quote">{about}</span> : null}
      </button>
      {editForm(undefined) ?? <p className="review-text">{thread.text}</p>}
      {thread.replies && thread.replies.length > 0 ? (
        <ul className="review-replies" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <span className="review-entry-head">
                <span className="who">{reply.by}</span>
                <time dateTime={reply.at}>{shortDateTime(reply.at)}</time>
              </span>
              {editForm(reply.id) ?? <p className="review-text">{reply.text}</p>}
              {me === reply.by && !editing ? (
                <button type="button" className="small" onClick={() => setEditing({ replyId: reply.id, text: reply.text })}>
                  Edit reply
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {replying ? (
        <TextForm
          label="Reply"
          submit="Reply"
          initial=""
          onSubmit={(text) => {
            void actions.reply(thread.id, text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="review-actions">
          <button type="button" onClick={() => setReplying(true)}>
            Reply
          </button>
          {thread.resolved ? (
            <button type="button" onClick={() => actions.reopen(thread.id)}>
              Reopen
            </button>
          ) : (
            <button type="button" onClick={() => actions.resolve(thread.id)}>
              Resolve
            </button>
          )}
          {me === thread.by && !editing ? (
            <button type="button" onClick={() => setEditing({ text: thread.text })}>
              Edit
            </button>
          ) : null}
          <button type="button" onClick={() => actions.askDelete(thread)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function TextForm({ label, submit, initial, onSubmit, onCancel }: { label: string; submit: string; initial: string; onSubmit: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  return (
    <form
      className="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSubmit(text);
      }}
    >
      <textarea
        aria-label={label}
        autoFocus
        value={text}
        maxLength={20000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (text.trim()) onSubmit(text);
          }
        }}
      />
      <div className="review-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
