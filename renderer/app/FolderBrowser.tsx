import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import type { FolderListing } from '../../shared/api/contract';

interface Props {
  client: ApiClient;
  /** Where to start: the folder typed so far, else the person's home folder. */
  start: string | null;
  purpose: 'open' | 'create';
  /** What is made in the chosen folder, for the hint: "the new project", "the copy". */
  making?: string;
  /** The person chose this folder (for a project to open, or to make the new project in). */
  onChoose: (path: string) => void;
  onClose: () => void;
}

/**
 * The web host's folder chooser (Electron shows the system's own): the machine's folders, home first, up and down
 * through them, with Policywright projects marked. It lists folders only, through the API; never a file.
 */
export function FolderBrowser({ client, start, purpose, making = 'the new project', onChoose, onClose }: Props) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const go = (path: string | null, focus = true) => {
    setError(null);
    moved.current = focus;
    client.listFolder({ path, hidden }).then(
      (next) => {
        setListing(next);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        // A typed path that is not a folder: start from home instead, with the reason shown.
        if (path !== null && listing === null) go(null);
      },
    );
  };

  // The new folder's first entry takes the focus once it is drawn, so the keyboard goes on down the tree.
  const box = useRef<HTMLElement>(null);
  const moved = useRef(false);
  useLayoutEffect(() => {
    if (!listing || !moved.current) return;
    moved.current = false;
    (box.current?.querySelector<HTMLElement>('.folder-entry') ?? box.current?.querySelector<HTMLElement>('.folder-up'))?.focus();
  }, [listing]);

  useEffect(() => {
    // The focus stays where it is (Browse…, or the checkbox just toggled).
    go(listing?.path ?? start, false);
    // Runs when opened and when hidden folders are shown or hidden; `go` is new at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hidden]);

  const chooseLabel = purpose === 'open' ? (listing?.isProject ? 'Open this project' : 'Choose this folder') : 'Choose this folder';
  return (
    <section className="folder-browser" aria-label="Choose a folder" ref={box}>
      <div className="folder-bar">
        <button type="button" className="folder-up" disabled={!listing?.parent} onClick={() => go(listing?.parent ?? null)} aria-label="Up to the folder above">
          ↑ Up
        </button>
        <span className="folder-path" title={listing?.path}>
          {listing?.path ?? '…'}
        </span>
        {listing?.isProject ? <span className="project-badge">Policywright project</span> : null}
      </div>
      <ul className="folder-list" aria-label={`Folders in ${listing?.path ?? 'the folder'}`}>
        {listing?.folders.map((folder) => (
          <li key={folder.path}>
            <button type="button" className="folder-entry" onClick={() => go(folder.path)}>
              <span aria-hidden="true">{folder.isProject ? '§' : '▸'}</span> {folder.name}
              {folder.isProject ? <span className="project-badge">Policywright project</span> : null}
            </button>
          </li>
        ))}
        {listing && listing.folders.length === 0 ? <li className="muted">No folders here.</li> : null}
      </ul>
      {purpose === 'create' ? (
        <p className="muted folder-hint">Choose the folder to put {making} in, then type the name of its own new folder after the path.</p>
      ) : null}
      {listing?.truncated ? <p className="muted">Only the first {listing.folders.length} folders are listed; type the path for the others.</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="folder-actions">
        <label className="checkbox">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} /> Show hidden folders
        </label>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={!listing} onClick={() => listing && onChoose(listing.path)}>
          {chooseLabel}
        </button>
      </div>
    </section>
  );
}
