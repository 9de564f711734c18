/**
 * Comments as the page shows them: commented text carries its thread ids on its leaf (the highlight itself is a rule
 * per open thread, see CommentHighlights), and a block whose text carries any has a speech-bubble button in the right
 * margin that opens the thread in the review list. Both are computed from the block's own children as it renders:
 * nothing here looks at the rest of the document.
 */
import { createContext, useContext } from 'react';
import type { BlockElement, FormattedText } from '../editor/types';
import { commentIdsOf } from './comment-commands';

export interface CommentMarkers {
  /** Threads that are resolved: their marker is shown faded, their text not highlighted. */
  readonly resolved: ReadonlySet<string>;
  open(id: string): void;
}

export const CommentMarkersContext = createContext<CommentMarkers | null>(null);

/** What a commented leaf's span gets: a class, and the ids the highlight rules select on. */
export function commentLeafProps(leaf: FormattedText): { className?: string; 'data-comments'?: string } {
  return leaf.comments && leaf.comments.length > 0 ? { className: 'commented', 'data-comments': leaf.comments.join(' ') } : {};
}

/** The block's class for its marker's place (" has-comments"), and the marker; nothing for a block without comments. */
export function commentMarkerOf(element: BlockElement): { className: string; marker: React.ReactNode } {
  const ids = commentIdsOf(element);
  return ids.length === 0 ? { className: '', marker: null } : { className: ' has-comments', marker: <CommentMarker ids={ids} /> };
}

function CommentMarker({ ids }: { ids: string[] }) {
  const markers = useContext(CommentMarkersContext);
  if (!markers) return null;
  const open = ids.filter((id) => !markers.resolved.has(id));
  const first = open[0] ?? ids[0] ?? '';
  const count = ids.length;
  const label = `${count === 1 ? 'Comment' : `${count} comments`} on this text${open.length === 0 ? ' (resolved)' : ''}: show in the review list`;
  return (
    <span contentEditable={false} className="comment-marker-place">
      <button
        type="button"
        className={`comment-marker${open.length === 0 ? ' resolved' : ''}`}
        aria-label={label}
        title={label}
        data-thread={first}
        // The caret stays where it was in the text.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => markers.open(first)}
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M3 3h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H9l-4 3.5V14H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" fill="currentColor" />
        </svg>
        {count > 1 ? <span className="comment-marker-count">{count}</span> : null}
      </button>
    </span>
  );
}
