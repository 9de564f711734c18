import { useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/api/contract';

interface Props {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onCreate: (title: string) => Promise<string | null>;
  creating: boolean;
  setCreating: (value: boolean) => void;
  onImport: () => void;
  onDropFiles: (files: File[]) => void;
  importing: string | null;
}

export function DocumentList({ documents, currentId, onOpen, onCreate, creating, setCreating, onImport, onDropFiles, importing }: Props) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  return (
    <nav
      className={`documents${dropping ? ' dropping' : ''}`}
      aria-label="Documents"
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes('Files')) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDropping(false);
        onDropFiles([...event.dataTransfer.files]);
      }}
    >
      <div className="panel-title-row">
        <h2 className="panel-title">Documents</h2>
        <span className="panel-actions">
          <button type="button" className="small" onClick={onImport} title="Import a Word, HTML, Markdown or text file">
            Import…
          </button>
          <button ref={newButton} type="button" className="small" onClick={() => setCreating(true)} title="New document">
            + New
          </button>
        </span>
      </div>
      {importing ? (
        <p className="muted importing" role="status">
          <progress aria-label="Importing" /> Importing {importing}…
        </p>
      ) : null}
      <ul>
        {documents.map((doc) => (
          <li key={doc.id}>
            <button
              type="button"
              className={`document-link${doc.id === currentId ? ' current' : ''}${doc.problem ? ' broken' : ''}`}
              aria-current={doc.id === currentId ? 'page' : undefined}
              title={doc.problem ?? doc.title}
              onClick={() => onOpen(doc.id)}
            >
              {doc.problem ? '⚠ ' : ''}
              {doc.title}
            </button>
          </li>
        ))}
      </ul>
      {creating ? (
        <form
          className="new-document"
          // Esc leaves the form as it does a dialog, and the focus goes back to "+ New".
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setCreating(false);
            newButton.current?.focus();
          }}
          onSubmit={async (event) => {
            event.preventDefault();
            const problem = await onCreate(title);
            setError(problem);
            if (!problem) setTitle('');
          }}
        >
          <label className="field">
            <span>New document title</span>
            <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Cookie Policy" required />
          </label>
          {error ? <p className="field-error">{error}</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Create
            </button>
          </div>
        </form>
      ) : null}
    </nav>
  );
}
