import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export type SaveStatus =
  | { state: 'saved' | 'unsaved' | 'saving' }
  | { state: 'error'; message: string }
  /** Another writer changed or removed the file: saving waits for the person to choose (see ConflictBanner). */
  | { state: 'conflict'; message: string };

const AUTOSAVE_DELAY_MS = 1200;
// Typing that never pauses is still saved this often: a crash loses at most this much, and the journal has it too.
const AUTOSAVE_MAX_WAIT_MS = 30_000;
const AUTOSAVE_RETRY_MAX_MS = 60_000;

/** A save refused because the file is no longer the one this window based its edits on. */
export function isConflict(error: unknown): error is Error & { code: 'conflict' | 'missing' } {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'conflict' || code === 'missing';
}

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

/**
 * Saves a second or so after the last change (and at least every half minute of unbroken typing), on demand
 * (Ctrl+S), and before the page goes away. A change made while a save is in flight is never lost: it marks the
 * document unsaved again and schedules the next save. A save refused by a conflict pauses saving until resume().
 */
export function useAutosave(save: () => Promise<void>, onClean?: () => void) {
  const statusStore = useMemo(() => new SaveStatusStore(), []);
  const setStatus = useCallback((next: SaveStatus | ((current: SaveStatus) => SaveStatus)) => statusStore.set(next), [statusStore]);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  // Saves begun so far: a question about the file asked before one began is answered about a file that has moved on.
  const savesBegun = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // When the first change since the last save was made: the maximum wait counts from there.
  const dirtySince = useRef<number | null>(null);
  // Saves that failed in a row: the next try waits longer each time (a full disk, a stopped host), up to a minute.
  const failures = useRef(0);
  const paused = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;
  const cleanRef = useRef(onClean);
  cleanRef.current = onClean;
  // Saving and scheduling call each other (a change made during a save schedules the next one).
  const scheduleRef = useRef<() => void>(() => undefined);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Every caller that waited on the save in flight would otherwise start its own, all on the same base.
    while (inFlight.current) await inFlight.current;
    if (savedVersion.current === version.current || paused.current) return;
    const target = version.current;
    savesBegun.current += 1;
    setStatus({ state: 'saving' });
    const attempt = saveRef
      .current()
      .then(() => {
        savedVersion.current = target;
        failures.current = 0;
        if (version.current === target) {
          dirtySince.current = null;
          cleanRef.current?.();
        }
        setStatus(version.current === target ? { state: 'saved' } : { state: 'unsaved' });
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (isConflict(error)) paused.current = true;
        failures.current += 1;
        setStatus(isConflict(error) ? { state: 'conflict', message } : { state: 'error', message });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    await attempt;
    if (version.current !== savedVersion.current && !timer.current && !paused.current) scheduleRef.current();
  }, [setStatus]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (paused.current) return;
    const now = Date.now();
    dirtySince.current ??= now;
    const delay =
      failures.current > 0
        ? Math.min(AUTOSAVE_RETRY_MAX_MS, AUTOSAVE_DELAY_MS * 2 ** failures.current)
        : Math.min(AUTOSAVE_DELAY_MS, Math.max(0, dirtySince.current + AUTOSAVE_MAX_WAIT_MS - now));
    timer.current = setTimeout(() => void saveNow(), delay);
  }, [saveNow]);
  scheduleRef.current = schedule;

  const markDirty = useCallback(() => {
    version.current += 1;
    setStatus((s) => (s.state === 'unsaved' || s.state === 'conflict' ? s : { state: 'unsaved' }));
    schedule();
  }, [setStatus, schedule]);

  const isDirty = useCallback(() => version.current !== savedVersion.current, []);

  /** Saving goes on after the person chose how to settle a conflict; the next save is made at once. */
  const resume = useCallback(async () => {
    paused.current = false;
    await saveNow();
  }, [saveNow]);

  /** Saving waits: the file is no longer the one these edits were based on, and the person must choose. */
  const pause = useCallback((message: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    paused.current = true;
    setStatus({ state: 'conflict', message });
  }, [setStatus]);

  /** Nothing left to save: the editor is about to show the file as it is on disk (the edits were kept as a copy). */
  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    savedVersion.current = version.current;
    dirtySince.current = null;
    paused.current = true;
    setStatus({ state: 'saved' });
    cleanRef.current?.();
  }, [setStatus]);

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

  return useMemo(
    () => ({
      statusStore,
      markDirty,
      saveNow,
      isDirty,
      resume,
      pause,
      discard,
      version: () => version.current,
      /** Which save is the last begun, and whether it is still on its way: the status says 'unsaved' once typing resumes. */
      saves: () => ({ begun: savesBegun.current, inFlight: inFlight.current !== null }),
    }),
    [statusStore, markDirty, saveNow, isDirty, resume, pause, discard],
  );
}
