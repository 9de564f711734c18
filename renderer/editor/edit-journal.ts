import type { ProjectClient } from '../../shared/api/client';
import type { JournalEntry } from '../../shared/api/contract';
import { browserJournal, journalKey } from './browser-journal';

// Edits are kept this long after the first change at the latest, and then again each time as long as typing goes on.
const JOURNAL_EVERY_MS = 1000;

/**
 * Keeps a window's unsaved edits of one document, in the app's journal and in the tab's own (browser-journal.ts), a
 * second or so behind the typing — including during typing that never pauses, when the autosave is still waiting.
 * Writes go one after another, so a `clear` after a save is never overtaken by an older write.
 */
export class EditJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly key: string;

  constructor(
    private readonly client: ProjectClient,
    private readonly documentId: string,
    /** The document's text as its file would hold it, and the stamp of the file the edits are based on. */
    private readonly take: () => { text: string; base: string | null },
  ) {
    this.key = journalKey(client.projectPath, documentId);
  }

  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.keepNow();
    }, JOURNAL_EVERY_MS);
  }

  /** Keeps the edits now (before the window moves away from them); resolves once both journals have them or failed. */
  keepNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { text, base } = this.take();
    const entry: JournalEntry = { base, takenAt: new Date().toISOString(), text };
    return this.then(() =>
      Promise.all([browserJournal.put(this.key, entry), this.client.writeJournal({ documentId: this.documentId, entry }).catch(() => undefined)]).then(() => undefined),
    );
  }

  /** The edits are on disk, or the person let them go. */
  clear(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.then(() =>
      Promise.all([browserJournal.delete(this.key), this.client.clearJournal({ documentId: this.documentId }).catch(() => undefined)]).then(() => undefined),
    );
  }

  /** Nothing is kept before `step` is done (the look for edits left by a crash, which a first entry would replace). */
  after(step: Promise<void>): void {
    void this.then(() => step);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private then(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }
}
