import type { CommentThread } from '../../shared/model/document';
import { Dialog } from '../common/Dialog';

/** Asks before a thread goes: a deleted thread is gone with its replies (the text it was about stays). */
export function DeleteThreadDialog({ thread, onDelete, onClose }: { thread: CommentThread; onDelete: () => void; onClose: () => void }) {
  const replies = thread.replies?.length ?? 0;
  return (
    <Dialog
      title="Delete this comment thread?"
      onClose={onClose}
      cancel="Cancel"
      actions={
        <button type="button" className="primary danger" onClick={onDelete}>
          Delete thread
        </button>
      }
    >
      <p>
        “{thread.text.length > 200 ? `${thread.text.slice(0, 200)}…` : thread.text}” by {thread.by}
        {replies > 0 ? `, with ${replies} ${replies === 1 ? 'reply' : 'replies'}` : ''}, is deleted for everyone. The text it is about stays as it is.
      </p>
    </Dialog>
  );
}
