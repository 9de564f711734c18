import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { SyncResult, SyncState } from '../../shared/api/contract';
import { SyncConflictsDialog } from './SyncConflictsDialog';
import { syncLabel, syncReport } from './sync-label';
import { SyncAfterSave, type SaveSignal } from './sync-schedule';

interface Props {
  /** Bound to the project the window shows: mounted again (by key) for another project. */
  client: ProjectClient;
  saves: SaveSignal;
  /** Saves the open document now, so a sync the person asked for takes their last words too. */
  flush: () => Promise<void>;
  /** A sync brought colleagues' changes: the project's list of documents may have changed. */
  onReceived: (projectPath: string) => Promise<void>;
  /** Opens "Connect to a git server" for a project that is not shared yet. */
  onConnect?: () => void;
}

/**
 * The header's sync button with its status; nothing for a project that is not shared. A click syncs (and, when
 * colleagues' changes met the person's at the same place, opens the conflicts); a sync also runs about a minute
 * after a save, never while typing. Sync runs in main: typing goes on meanwhile.
 */
export function SyncControl({ client, saves, flush, onReceived, onConnect }: Props) {
  const [status, setStatus] = useState<SyncState | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [edited, setEdited] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const messageId = useId();
  const running = useRef(false);

  const refresh = useCallback(async () => {
    try {
      setStatus(await client.syncStatus({}));
    } catch {
      // The host is away: the status stays as it was, and the next sync says why in words.
    }
  }, [client]);
  useEffect(() => void refresh(), [refresh]);

  const finished = useCallback(
    (result: SyncResult, manual: boolean) => {
      setMessage(syncReport(result));
      if (result.status === 'needs-attention' && manual) setResolving(true);
      if (result.status !== 'up-to-date') void onReceived(client.projectPath).catch(() => undefined);
    },
    [client, onReceived],
  );

  const sync = useCallback(
    async (manual: boolean) => {
      if (running.current) return;
      running.current = true;
      setSyncing(true);
      setMessage(manual ? 'Syncing…' : null);
      try {
        if (manual) await flush();
        const result = await client.syncNow({});
        setEdited(false);
        finished(result, manual);
      } catch (problem) {
        setMessage((problem as Error).message);
      } finally {
        running.current = false;
        setSyncing(false);
        await refresh();
      }
    },
    [client, flush, finished, refresh],
  );

  const shared = status !== null && status.state !== 'not-shared';
  const schedule = useMemo(() => new SyncAfterSave(() => void sync(false), () => saves.state === 'saved'), [sync, saves]);
  useEffect(() => {
    const stop = saves.subscribe((state) => {
      if (state !== 'saved' || !shared) return;
      setEdited(true);
      schedule.saved();
    });
    return () => {
      stop();
      schedule.cancel();
    };
  }, [saves, schedule, shared]);

  // Needs attention: conflicts to resolve when a merge is open, otherwise a failure (credentials) a new try may fix.
  const openConflictsOrSync = async () => {
    const open = await client.listSyncConflicts({}).catch(() => []);
    if (open.some((file) => !file.resolved)) setResolving(true);
    else await sync(true);
  };

  if (!shared) {
    return status !== null && onConnect ? (
      <button type="button" className="sync-connect" onClick={onConnect} title="Share this project through the team’s git server">
        Connect to a git server…
      </button>
    ) : null;
  }
  const label = syncing ? 'Syncing…' : syncLabel(status, edited);
  const needsAttention = status.state === 'needs-attention';
  const why = 'message' in status ? status.message : null;
  return (
    <div className="sync-control" data-state={status.state}>
      <button
        type="button"
        className={`sync-button ${status.state}`}
        disabled={syncing}
        aria-describedby={messageId}
        title={message ?? why ?? 'Send your saved edits to the team’s server and receive theirs'}
        onClick={() => void (needsAttention ? openConflictsOrSync() : sync(true))}
      >
        <span aria-hidden="true">⇅ </span>
        <span className="visually-hidden">Sync: </span>
        {label}
      </button>
      <span id={messageId} className="visually-hidden" role="status" aria-live="polite" data-testid="sync-message">
        {message ?? why ?? ''}
      </span>
      {resolving ? (
        <SyncConflictsDialog
          client={client}
          onDone={(result) => {
            setResolving(false);
            finished(result, false);
            void refresh();
          }}
          onClose={() => {
            setResolving(false);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
