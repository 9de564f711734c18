import type { ProjectClient } from '../../shared/api/client';
import type { JournalEntry } from '../../shared/api/contract';
import { browserJournal, type JournalPlace } from './browser-journal';

// Edits are kept this long after the first change at the latest, and then again each time as long as typing goes on.
const JOURNAL_EVERY_MS = 1000;
// Taking an entry of a long policy is a few milliseconds of work: done in a pause between keys, or after this long.
const IDLE_TIMEOUT_MS = 1000;
/**
 * An entry is the whole document written out, sent to the app and sealed for the tab's journal: a few milliseconds for
 * a 100,000-word policy, a few hundred for a 1,000,000-word one, where an entry a second took a third of the main
 * thread from the typist (keys waited behind it up to two seconds). The next entry waits this many times what the last
 * one cost the main thread (never less than JOURNAL_EVERY_MS, never more than MAX_SPACING_MS): the journal keeps to
 * about a twentieth of the time, and what a crash can lose stays within a few seconds of typing.
 */
const COST_SHARE = 20;
const MAX_SPACING_MS = 8000;

/** A window's own id: each window keeps its own entries, so another window never mistakes them for a crash's. */
export function newWindowId(): string {
  return crypto.randomUUID();
}

/**
 * Keeps a window's unsaved edits of one document, in the app's journal and in the tab's own (browser-journal.ts), a
 * second or two behind the typing — including during typing that never pauses, when the autosave is still waiting.
 * Writes go one after another, so a `clear` after a save is never overtaken by an older write.
 */
export class EditJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idle: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly place: JournalPlace;
  /** How long after a change the next entry is taken (see COST_SHARE). */
  private spacing = JOURNAL_EVERY_MS;
  /** What sealing the last entry for the tab's journal cost this thread, in milliseconds. */
  private sealing = 0;

  constructor(
    private readonly client: ProjectClient,
    private readonly documentId: string,
    readonly window: string,
    /** The document's text as its file would hold it, and the stamp of the file the edits are based on. */
    private readonly take: () => { text: string; base: string | null },
  ) {
    this.place = { projectPath: client.projectPath, documentId, window };
  }

  changed(): void {
    if (this.timer || this.idle !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.idle = whenIdle(() => {
        this.idle = null;
        void this.keepNow();
      });
    }, this.spacing);
  }

  /** The wait before the next entry, from the main-thread time the last one took. */
  get nextSpacing(): number {
    return this.spacing;
  }

  /**
   * Keeps the edits now; resolves once both journals have them or failed. `leaving`: the window is moving away from
   * the document, so its edits are to be offered when the document is opened again.
   */
  keepNow(leaving = false): Promise<void> {
    this.cancel();
    const started = performance.now();
    const { text, base } = this.take();
    const entry: JournalEntry = { base, takenAt: new Date().toISOString(), text };
    const taking = performance.now() - started;
    return this.then(() => {
      // What starting both writes costs here (the request's body is written out at once) counts with the taking.
      const sending = performance.now();
      const writes = Promise.all([
        browserJournal.put(this.place, entry),
        this.client.writeJournal({ documentId: this.documentId, window: this.window, entry, leaving }).catch(() => undefined),
      ]);
      // The tab's journal seals the entry a moment later, on this thread too (a hundred milliseconds or more for a long
      // policy): until this entry's is known, the last one's stands in for it, entries being much the same size.
      const cost = taking + (performance.now() - sending) + this.sealing;
      this.spacing = Math.min(MAX_SPACING_MS, Math.max(JOURNAL_EVERY_MS, cost * COST_SHARE));
      return writes.then(([sealing]) => {
        this.sealing = Number.isFinite(sealing) ? sealing : 0;
      });
    });
  }

  /** The edits are on disk: this window's entries go. */
  clear(): Promise<void> {
    this.cancel();
    return this.then(() =>
      Promise.all([
        browserJournal.delete(this.place),
        this.client.clearJournal({ documentId: this.documentId, window: this.window }).catch(() => undefined),
      ]).then(() => undefined),
    );
  }

  /** Nothing is kept before `step` is done (the look for edits left by a crash). */
  after(step: Promise<void>): void {
    void this.then(() => step);
  }

  stop(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.idle !== null) cancelWhenIdle(this.idle);
    this.idle = null;
  }

  private then(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }
}

function whenIdle(callback: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(callback, 0);
}

function cancelWhenIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
