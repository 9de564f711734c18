import type { SaveStatus } from '../editor/autosave';

type SaveState = SaveStatus['state'];

/** The window's saves, told to whoever listens (the sync control) without re-rendering the app on each one. */
export class SaveSignal {
  private last: SaveState = 'saved';
  private readonly listeners = new Set<(state: SaveState) => void>();

  get state(): SaveState {
    return this.last;
  }

  report(state: SaveState): void {
    const was = this.last;
    this.last = state;
    if (state !== was) for (const listener of this.listeners) listener(state);
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** About a minute after the last save: long enough that a person still working is not interrupted by every pause. */
export const SYNC_AFTER_SAVE_MS = 60_000;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) };

/**
 * Runs a sync a while after the last save, debounced: each save starts the wait again, and when the wait ends while
 * the person is typing (edits not yet saved), it waits once more rather than sync a file about to change.
 */
export class SyncAfterSave {
  private timer: unknown = null;

  constructor(
    private readonly sync: () => void,
    private readonly idle: () => boolean,
    private readonly delayMs = SYNC_AFTER_SAVE_MS,
    private readonly timers: Timers = browserTimers,
  ) {}

  saved(): void {
    this.cancel();
    this.timer = this.timers.set(() => this.due(), this.delayMs);
  }

  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  get waiting(): boolean {
    return this.timer !== null;
  }

  private due(): void {
    this.timer = null;
    if (this.idle()) this.sync();
    else this.saved();
  }
}
