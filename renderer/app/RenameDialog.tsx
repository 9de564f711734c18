import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  title: string;
  /** Renames; resolves to a sentence when it could not be done. */
  onRename: (title: string) => Promise<string | null>;
  onClose: () => void;
}

/** A new title for a document; its file keeps its name, so links and versions keep following it. */
export function RenameDialog({ title, onRename, onClose }: Props) {
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={<>Rename “{title}”</>}
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      onSubmit={async () => {
        setBusy(true);
        const problem = await onRename(value);
        setBusy(false);
        if (problem) setError(problem);
        else onClose();
      }}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          Rename
        </button>
      }
    >
      <label className="field">
        <span>Title</span>
        <input autoFocus value={value} maxLength={300} onFocus={(e) => e.target.select()} onChange={(e) => setValue(e.target.value)} required />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}
