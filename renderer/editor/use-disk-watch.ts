import { useEffect, useRef } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { DocumentCheck } from '../../shared/api/contract';

// Often enough that a `git pull` or another window's save shows within a moment; a check is a `stat` when nothing changed.
const CHECK_EVERY_MS = 2000;

interface Watch {
  client: ProjectClient;
  documentId: string;
  /** This window's id: each check also tells main the window is alive, so its journal is never taken for a crash's. */
  window: string;
  /** The stamp of the file as this window last read or wrote it. */
  stamp: () => string | null;
  /** Whether a check's answer is not wanted (a conflict is showing). */
  quiet: () => boolean;
  /** This window's saves: how many were begun, and whether one is on its way. */
  saves: () => { begun: number; inFlight: boolean };
  onOutsideChange: (check: DocumentCheck) => void;
}

/**
 * Notices when the document's file is changed or removed by someone else — another program, a `git pull`, another
 * window — by asking main every few seconds, and at once when the window gets the focus back.
 * Polling rather than a file watcher: it works the same on network drives and through the web host.
 */
export function useDiskWatch(watch: Watch): void {
  const current = useRef(watch);
  current.current = watch;
  useEffect(() => {
    let stopped = false;
    let busy = false;
    const check = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        const change = await askAboutTheFile(current.current);
        if (change && !stopped) current.current.onOutsideChange(change);
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

/**
 * One question to main about the file: the change someone else made to it, or null. A save of ours begun while we
 * asked may have written the file before its answer came back to us, so the answer would speak of our own write: only
 * a file that differed with no save of ours in between is someone else's change. The next check asks again about the
 * stamp that save returned.
 */
export async function askAboutTheFile(watch: Omit<Watch, 'onOutsideChange'>): Promise<DocumentCheck | null> {
  const { client, documentId, window, stamp, quiet, saves } = watch;
  const known = stamp();
  const before = saves();
  // Hidden windows check too (browsers slow their timers down): they are alive, and their file may change.
  if (known === null || quiet() || before.inFlight) return null;
  try {
    const answer = await client.checkDocument({ documentId, stamp: known, window });
    const after = saves();
    const ours = after.begun !== before.begun || after.inFlight;
    return !ours && answer.state !== 'unchanged' && answer.stamp !== stamp() && !quiet() ? answer : null;
  } catch {
    // The host is away or the project is gone: the next save says so in words; checking again is harmless.
    return null;
  }
}
