import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export type SaveStatus = { state: 'saved' | 'unsaved' | 'saving' } | { state: 'error'; message: string };

const AUTOSAVE_DELAY_MS = 1200;

/**
 * Saves a second or so after the last change, on demand (Ctrl+S), and before the page goes away. A change made while
 * a save is in flight is never lost: it marks the document unsaved again and schedules the next save.
 */
/** The save status as a tiny store, read only by what shows it: a status change re-renders no editor. */
export class SaveStatusStore {
  private status: SaveStatus = { state: 'saved' };
  private readonly listeners = new Set<() => void>();

  get = (): SaveStatus => this.status;

  set(next: SaveStatus | ((current: SaveStatus) => SaveStatus)): void {
    const value = typeof next === 'function' ? next(this.status) : next;
    if (value === this.status) return;
    this.status = value;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useSaveStatus(store: SaveStatusStore): SaveStatus {
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useAutosave(save: () => Promise<void>) {
  const statusStore = useMemo(() => new SaveStatusStore(), []);
  const setStatus = useCallback((next: SaveStatus | ((current: SaveStatus) => SaveStatus)) => statusStore.set(next), [statusStore]);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    if (savedVersion.current === version.current) return;
    const target = version.current;
    setStatus({ state: 'saving' });
    const attempt = saveRef
      .current()
      .then(() => {
        savedVersion.current = target;
        setStatus(version.current === target ? { state: 'saved' } : { state: 'unsaved' });
      })
      .catch((error: unknown) => {
        setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    await attempt;
    if (version.current !== savedVersion.current && !timer.current) schedule();
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const markDirty = useCallback(() => {
    version.current += 1;
    setStatus((s) => (s.state === 'unsaved' ? s : { state: 'unsaved' }));
    schedule();
  }, [schedule]);

  const isDirty = useCallback(() => version.current !== savedVersion.current, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (version.current === savedVersion.current) return;
      void saveNow();
      event.preventDefault();
    };
    const hide = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('visibilitychange', hide);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('visibilitychange', hide);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [saveNow]);

  return useMemo(() => ({ statusStore, markDirty, saveNow, isDirty }), [statusStore, markDirty, saveNow, isDirty]);
}
