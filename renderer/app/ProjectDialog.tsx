import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import type { ProjectInfo, RecentProject } from '../../shared/api/contract';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';
import { FolderBrowser } from './FolderBrowser';

interface Props {
  client: ApiClient;
  canPickFolder: boolean;
  initialMode: 'open' | 'create';
  onOpened: (project: ProjectInfo) => void;
  onClose?: () => void;
}

/** Open a project folder, create one, or pick a recent one. */
export function ProjectDialog({ client, canPickFolder, initialMode, onOpened, onClose }: Props) {
  const [mode, setMode] = useState(initialMode);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [sample, setSample] = useState(false);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Where the host has no system folder picker (the web host), the app's own folder chooser.
  const [browsing, setBrowsing] = useState(false);

  useEffect(() => {
    client.listRecentProjects({}).then(setRecent, () => setRecent([]));
  }, [client]);

  const attempt = async (work: () => Promise<ProjectInfo>) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await work());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const browse = async () => {
    if (!canPickFolder) {
      setBrowsing(true);
      return;
    }
    const picked = await client.pickFolder({ purpose: mode });
    if (picked.path) setPath(picked.path);
  };

  /** A folder chosen in the app's chooser: a project opens at once; any other folder goes into the field. */
  const chosen = (folder: string) => {
    setBrowsing(false);
    if (mode === 'open') {
      setPath(folder);
      void attempt(() => client.openProject({ path: folder }));
    } else {
      // The new project goes into a new folder inside the chosen one, named by the person.
      setPath(`${folder}${folder.endsWith('/') || folder.endsWith('\\') ? '' : folder.includes('\\') ? '\\' : '/'}`);
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[name="path"]')?.focus());
    }
  };

  return (
    <Dialog title={mode === 'open' ? 'Open a project' : 'Create a project'} {...(onClose ? { onClose } : {})} busy={busy}>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'open'} onClick={() => setMode('open')}>
          Open
        </button>
        <button type="button" role="tab" aria-selected={mode === 'create'} onClick={() => setMode('create')}>
          Create
        </button>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(() => (mode === 'open' ? client.openProject({ path }) : client.createProject({ path, name, sample })));
        }}
      >
        <label className="field">
          <span>{mode === 'open' ? 'Project folder' : 'New project folder'}</span>
          <div className="path-row">
            <input
              name="path"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={mode === 'open' ? '/home/me/Policies' : '/home/me/New Policies'}
              autoFocus
              required
            />
            <button type="button" onClick={() => void browse()} aria-expanded={canPickFolder ? undefined : browsing}>
              Browse…
            </button>
          </div>
        </label>
        {browsing ? <FolderBrowser client={client} start={path.trim() || null} purpose={mode} onChoose={chosen} onClose={() => setBrowsing(false)} /> : null}
        {mode === 'create' ? (
          <>
            <label className="field">
              <span>Project name</span>
              <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Policies" required />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} /> Start from the sample
              policies
            </label>
          </>
        ) : null}
        <FieldError message={error} />
        <div className="dialog-actions">
          {onClose ? (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'open' ? 'Open' : 'Create'}
          </button>
        </div>
      </form>
      {recent.length > 0 ? (
        <section className="recent">
          <h3>Recent projects</h3>
          <ul>
            {recent.map((entry) => (
              <li key={entry.path}>
                <button type="button" onClick={() => void attempt(() => client.openProject({ path: entry.path }))}>
                  <strong>{entry.name}</strong>
                  <span className="muted">{entry.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
