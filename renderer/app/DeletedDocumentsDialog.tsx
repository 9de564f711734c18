import { useEffect, useState } from 'react';
import type { DeletedDocument } from '../../shared/api/contract';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';

interface Props {
  list: () => Promise<DeletedDocument[]>;
  onRestore: (deletedId: string) => Promise<void>;
  onClose: () => void;
}

/** The documents in the project's trash folder, each with Restore. */
export function DeletedDocumentsDialog({ list, onRestore, onClose }: Props) {
  const [deleted, setDeleted] = useState<DeletedDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    list().then(setDeleted, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [list]);
  return (
    <Dialog title="Deleted documents" onClose={onClose} cancel="Close">
      {deleted === null ? (
        <p className="muted">Loading…</p>
      ) : deleted.length === 0 ? (
        <p className="muted">No deleted documents. Deleted documents are kept in the project’s trash folder until you restore them.</p>
      ) : (
        <ul className="deleted-documents">
          {deleted.map((doc) => (
            <li key={doc.id}>
              <span>
                <strong>{doc.title}</strong>
                <span className="muted"> — deleted {new Date(doc.deletedAt).toLocaleString()}</span>
              </span>
              <button
                type="button"
                aria-label={`Restore ${doc.title}`}
                onClick={async () => {
                  await onRestore(doc.id);
                  onClose();
                }}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError message={error} />
    </Dialog>
  );
}
