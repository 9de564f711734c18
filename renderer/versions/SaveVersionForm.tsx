import { useId, useState } from 'react';
import type { VersionKind } from '../../shared/api/contract';
import { FieldError } from '../common/FieldError';

interface Props {
  userName: string;
  /** The author given is kept as the person's name (they had not given it yet): the form says so. */
  keepsName?: boolean;
  busy: boolean;
  onSave: (input: { name: string; note: string; kind: VersionKind; author: string }) => void;
  onCancel: () => void;
}

/** Name, note, kind and author of a version about to be saved. */
export function SaveVersionForm({ userName, keepsName = false, busy, onSave, onCancel }: Props) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<VersionKind>('editorial');
  const [author, setAuthor] = useState(userName);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setProblem('Give the version a name, such as “2026-02 GDPR update”.');
    if (author.trim() === '') return setProblem('Say who is saving this version.');
    setProblem(null);
    onSave({ name: name.trim(), note: note.trim(), kind, author: author.trim() });
  };

  return (
    <form className="save-version" onSubmit={submit} aria-label="Save a version">
      <label htmlFor={`${id}-name`}>Version name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="2026-02 GDPR update" autoFocus maxLength={120} />
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} placeholder="What changed, and why" />
      <fieldset className="version-kind">
        <legend>Kind of change</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'editorial'} onChange={() => setKind('editorial')} /> Editorial — wording,
          no change in meaning
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'substantive'} onChange={() => setKind('substantive')} /> Substantive —
          changes rights or obligations
        </label>
      </fieldset>
      <label htmlFor={`${id}-author`}>Author</label>
      <input
        id={`${id}-author`}
        value={author}
        onChange={(e) => setAuthor(e.target.value)}
        maxLength={120}
        aria-describedby={keepsName ? `${id}-keeps` : undefined}
      />
      {keepsName ? (
        <p id={`${id}-keeps`} className="panel-note muted">
          Kept as your name for your comments and suggestions too (File → Your Name… changes it).
        </p>
      ) : null}
      <FieldError message={problem} />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save version
        </button>
      </div>
    </form>
  );
}
