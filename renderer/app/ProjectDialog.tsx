import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import type { ProjectInfo, RecentProject, SyncResult } from '../../shared/api/contract';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';
import { FolderBrowser } from './FolderBrowser';
import { NO_LOGIN, ServerLoginFields } from './ServerLoginFields';

const SUBMIT: Record<ProjectDialogMode, string> = { open: 'Open', create: 'Create', clone: 'Clone', connect: 'Connect and sync' };

export type ProjectDialogMode = 'open' | 'create' | 'clone' | 'connect';

const TITLES: Record<ProjectDialogMode, string> = {
  open: 'Open a project',
  create: 'Create a project',
  clone: 'Clone from a git server',
  connect: 'Connect to a git server',
};

interface Props {
  client: ApiClient;
  canPickFolder: boolean;
  initialMode: ProjectDialogMode;
  onOpened: (project: ProjectInfo) => void;
  onClose?: () => void;
  /** The open project, which "Connect to a git server" connects; none: that tab is not offered. */
  project?: ProjectInfo | null;
  /** The open project was connected and synced once (or the sync says why not, in the result). */
  onConnected?: (result: SyncResult) => void;
}

/** Open a project folder, create one, clone one from a git server, connect the open one to a server, or pick a recent one. */
export function ProjectDialog({ client, canPickFolder, initialMode, onOpened, onClose, project = null, onConnected }: Props) {
  const [mode, setMode] = useState<ProjectDialogMode>(initialMode === 'connect' && !project ? 'clone' : initialMode);
  const [login, setLogin] = useState(NO_LOGIN);
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

  const attempt = async (work: () => Promise<ProjectInfo | SyncResult>) => {
    setBusy(true);
    setError(null);
    try {
      const done = await work();
      if ('status' in done) onConnected?.(done);
      else onOpened(done);
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
    const picked = await client.pickFolder({ purpose: mode === 'open' ? 'open' : 'create' });
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
    <Dialog title={TITLES[mode]} {...(onClose ? { onClose } : {})} busy={busy}>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'open'} onClick={() => setMode('open')}>
          Open
        </button>
        <button type="button" role="tab" aria-selected={mode === 'create'} onClick={() => setMode('create')}>
          Create
        </button>
        <button type="button" role="tab" aria-selected={mode === 'clone'} onClick={() => setMode('clone')} title="Clone from a git server…">
          Clone
        </button>
        {project ? (
          <button type="button" role="tab" aria-selected={mode === 'connect'} onClick={() => setMode('connect')} title="Connect to a git server…">
            Connect
          </button>
        ) : null}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(() => {
            switch (mode) {
              case 'open':
                return client.openProject({ path });
              case 'create':
                return client.createProject({ path, name, sample });
              case 'clone':
                return client.cloneProject({ ...login, path });
              case 'connect':
                return client.connectProject({ ...login, project: (project as ProjectInfo).path });
            }
          });
        }}
      >
        {mode === 'clone' || mode === 'connect' ? <ServerLoginFields login={login} onChange={setLogin} autoFocus /> : null}
        {mode === 'connect' ? (
          <p className="muted">
            “{project?.name}” is sent to the server (or merged with what the repository already holds), and then syncs with it.
          </p>
        ) : (
          <label className="field">
            <span>{mode === 'open' ? 'Project folder' : mode === 'clone' ? 'New folder for the project' : 'New project folder'}</span>
            <div className="path-row">
              <input
                name="path"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                placeholder={mode === 'open' ? '/home/me/Policies' : '/home/me/New Policies'}
                autoFocus={mode === 'open' || mode === 'create'}
                required
              />
              <button type="button" onClick={() => void browse()} aria-expanded={canPickFolder ? undefined : browsing}>
                Browse…
              </button>
            </div>
          </label>
        )}
        {browsing ? (
          <FolderBrowser
            client={client}
            start={path.trim() || null}
            purpose={mode === 'open' ? 'open' : 'create'}
            making={mode === 'clone' ? 'the cloned project' : 'the new project'}
            onChoose={chosen}
            onClose={() => setBrowsing(false)}
          />
        ) : null}
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
            {SUBMIT[mode]}
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
