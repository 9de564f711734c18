import { useState } from 'react';

interface Props {
  initial: string;
  onSubmit: (href: string) => string | null;
  onCancel: () => void;
}

/** Asks for a link's address in place, instead of a browser prompt the Electron window cannot show. */
export function LinkPrompt({ initial, onSubmit, onCancel }: Props) {
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="link-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        setError(onSubmit(href));
      }}
    >
      <label>
        <span>Link address</span>
        <input
          autoFocus
          value={href}
          onChange={(e) => setHref(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onCancel();
          }}
          placeholder="https://… or mailto:…"
        />
      </label>
      <button type="submit">Apply</button>
      <button type="button" onClick={() => setError(onSubmit(''))}>
        Remove link
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </form>
  );
}
