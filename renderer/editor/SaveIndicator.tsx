import { useSaveStatus, type SaveStatusStore } from './autosave';

const TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes' } as const;

export function SaveIndicator({ store, onRetry }: { store: SaveStatusStore; onRetry: () => void }) {
  // The first change after a save turns "Saved" into "Unsaved changes" in the same render, and so the same frame, as
  // the change. Shown a render later, it needed a frame of its own; Chromium holds back the page's other tasks after a
  // key until that frame is drawn, so the first key after every save waited for a frame more (this change alone, in
  // turns of the two builds: the first letter after a save 17.5 → 13.1 ms).
  const status = useSaveStatus(store);
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
