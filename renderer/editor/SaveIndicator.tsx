import { useDeferredValue } from 'react';
import { useSaveStatus, type SaveStatusStore } from './autosave';

const TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes' } as const;

export function SaveIndicator({ store, onRetry }: { store: SaveStatusStore; onRetry: () => void }) {
  // The first change after a save turns "Saved" into "Unsaved changes" in the same render as the change: restyled and
  // laid out again, the toolbar was a fifth of that key's time (the first Enter after a save: 2 ms of 10). Shown a
  // frame later, in a render of its own, nobody can tell.
  const status = useDeferredValue(useSaveStatus(store));
  if (status.state === 'conflict') {
    // The banner above the page says what happened and offers the choices.
    return (
      <div className="save-indicator error" data-testid="save-status" data-state="conflict">
        Not saved: changed outside
      </div>
    );
  }
  if (status.state === 'error') {
    return (
      <div className="save-indicator error" role="alert" data-testid="save-status" data-state="error">
        Not saved: {status.message}{' '}
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className={`save-indicator ${status.state}`} data-testid="save-status" data-state={status.state} aria-live="polite">
      {TEXT[status.state]}
    </div>
  );
}
