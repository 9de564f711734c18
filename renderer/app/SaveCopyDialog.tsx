import { useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';
import { FolderBrowser } from './FolderBrowser';

interface Props {
  client: ApiClient;
  canPickFolder: boolean;
  onSave: (path: string) => Promise<void>;
  onClose: () => void;
}

/** Asks where a copy of a project that cannot be saved where it is should go. */
export function SaveCopyDialog({ client, canPickFolder, onSave, onClose }: Props) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);

  return (
    <Dialog
      title="Save a copy of the project"
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setBusy(true);
        setError(null);
        onSave(path).then(
          () => setBusy(false),
          (e: unknown) => {
            setBusy(false);
            setError(e instanceof Error ? e.message : String(e));
          },
        );
      }}
      cancel="Cancel"
      actions={
        <button type="submit" className="primary" disabled={busy}>
          Save copy
        </button>
      }
    >
      <label className="field">
        <span>Folder for the copy</span>
        <div className="path-row">
          <input name="path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/Policies (copy)" autoFocus required />
          <button
            type="button"
            aria-expanded={canPickFolder ? undefined : browsing}
            onClick={() =>
              canPickFolder ? void client.pickFolder({ purpose: 'create' }).then((picked) => picked.path && setPath(picked.path)) : setBrowsing(true)
            }
          >
            Browse…
          </button>
        </div>
      </label>
      {browsing ? (
        <FolderBrowser
          client={client}
          start={path.trim() || null}
          purpose="create"
          making="the copy"
          onChoose={(folder) => {
            setBrowsing(false);
            // The copy goes into a new folder inside the chosen one, named by the person.
            setPath(`${folder.replace(/[\\/]+$/, '')}${folder.includes('\\') ? '\\' : '/'}`);
            requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.dialog input[name="path"]')?.focus());
          }}
          onClose={() => setBrowsing(false)}
        />
      ) : null}
      <FieldError message={error} />
    </Dialog>
  );
}
