import { useSaveStatus, type SaveStatusStore } from './autosave';

const TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Unsaved changes' } as const;

export function SaveIndicator({ store, onRetry }: { store: SaveStatusStore; onRetry: () => void }) {
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
