import { useState } from 'react';
import { Dialog } from '../common/Dialog';

interface Props {
  initial: string;
  onSubmit: (href: string) => string | null;
  onCancel: () => void;
}

/** Asks for a link's address in a dialog of the page's own, instead of a browser prompt the Electron window cannot show. */
export function LinkPrompt({ initial, onSubmit, onCancel }: Props) {
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title="Link"
      className="link-prompt"
      onClose={onCancel}
      onSubmit={() => setError(onSubmit(href))}
      cancel="Cancel"
      actions={
        <>
          <button type="button" onClick={() => setError(onSubmit(''))}>
            Remove link
          </button>
          <button type="submit" className="primary">
            Apply
          </button>
        </>
      }
    >
      <label className="field">
        <span>Link address</span>
        <input autoFocus value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://… or mailto:…" />
      </label>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </Dialog>
  );
}
