export type Conflict = { kind: 'changed' | 'missing'; message: string };

interface Props {
  conflict: Conflict;
  busy: boolean;
  onReloadTheirs: () => void;
  onKeepMine: () => void;
  onCompare: () => void;
  onSaveAgain: () => void;
}

/**
 * What the person sees when the document's file was changed or removed by someone else while this window had edits:
 * one sentence, and choices that each keep both texts — never one silently dropped.
 */
export function ConflictBanner({ conflict, busy, onReloadTheirs, onKeepMine, onCompare, onSaveAgain }: Props) {
  return (
    <div className="banner conflict" role="alert" data-testid="conflict">
      <p>{conflict.message}</p>
      <div className="conflict-actions">
        {conflict.kind === 'changed' ? (
          <>
            <button type="button" disabled={busy} onClick={onReloadTheirs} title="Show the file as it is now; your edits are kept as a copy in this project">
              Reload theirs (keep mine as a copy)
            </button>
            <button type="button" disabled={busy} onClick={onKeepMine} title="Save your text; the file as it was changed is kept as a copy in this project">
              Keep mine (keep theirs as a copy)
            </button>
            <button type="button" disabled={busy} onClick={onCompare}>
              Compare the two
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={onSaveAgain}>
            Save my text again
          </button>
        )}
      </div>
    </div>
  );
}
