import { useState } from 'react';
import { checkIdentity, initialsOf, type Identity } from '../../shared/model/identity';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  /** What the person said last time, or the system's name as a first guess. */
  initial: Identity | null;
  suggestedName: string;
  /** True on first use: the dialog says why it asks. */
  firstUse: boolean;
  /** Keeps the identity; resolves to a sentence when it could not be kept. */
  onSave: (identity: Identity) => Promise<string | null>;
  onClose: () => void;
}

/** Who the person is: asked once, on their first comment, suggestion or version, and changed with "Your name…". */
export function IdentityDialog({ initial, suggestedName, firstUse, onSave, onClose }: Props) {
  const [name, setName] = useState(initial?.name ?? suggestedName);
  const [initials, setInitials] = useState(initial?.initials ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const checked = checkIdentity({ name, initials, email });
    if ('problem' in checked) {
      setError(checked.problem);
      return;
    }
    setBusy(true);
    const problem = await onSave(checked.identity);
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <Dialog
      title="Your name"
      onClose={onClose}
      busy={busy}
      cancel="Cancel"
      onSubmit={() => void submit()}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      }
    >
      <div className="identity-form">
        <p className="muted">
          {firstUse ? 'Your comments, suggestions and versions carry your name. It is asked once and kept in this app’s settings.' : 'Your comments, suggestions and versions carry this name from now on.'}
        </p>
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} maxLength={120} autoComplete="name" onFocus={(e) => e.target.select()} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="field">
          <span>Initials (optional)</span>
          <input value={initials} maxLength={12} placeholder={initialsOf(name)} onChange={(e) => setInitials(e.target.value)} />
        </label>
        <label className="field">
          <span>Email (optional)</span>
          <input type="email" value={email} maxLength={254} autoComplete="email" onChange={(e) => setEmail(e.target.value)} />
        </label>
        <FieldError message={error} />
      </div>
    </Dialog>
  );
}
