import { useEffect, useRef } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { DocumentCheck } from '../../shared/api/contract';

// Often enough that a `git pull` or another window's save shows within a moment; a check is a `stat` when nothing changed.
const CHECK_EVERY_MS = 2000;

interface Watch {
  client: ProjectClient;
  documentId: string;
  /** The stamp of the file as this window last read or wrote it. */
  stamp: () => string | null;
  /** Whether a check's answer may be stale (a save of ours is on its way) or is not wanted (a conflict is showing). */
  quiet: () => boolean;
  onOutsideChange: (check: DocumentCheck) => void;
}

/**
 * Notices when the document's file is changed or removed by someone else — another program, a `git pull`, another
 * window — by asking main every few seconds while the window is visible, and at once when it gets the focus back.
 * Polling rather than a file watcher: it works the same on network drives and through the web host.
 */
export function useDiskWatch(watch: Watch): void {
  const current = useRef(watch);
  current.current = watch;
  useEffect(() => {
    let stopped = false;
    let busy = false;
    const check = async () => {
      const { client, documentId, stamp, quiet, onOutsideChange } = current.current;
      const known = stamp();
      if (busy || stopped || known === null || quiet() || document.visibilityState !== 'visible') return;
      busy = true;
      try {
        const answer = await client.checkDocument({ documentId, stamp: known });
        // A save of ours may have landed while we asked: only a stamp that is still not ours is someone else's.
        if (!stopped && answer.state !== 'unchanged' && answer.stamp !== stamp() && !quiet()) onOutsideChange(answer);
      } catch {
        // The host is away or the project is gone: the next save says so in words; checking again is harmless.
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, []);
}
