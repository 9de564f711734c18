import type { ProjectClient } from '../../shared/api/client';
import type { JournalEntry, JournalKept, JournalPatch } from '../../shared/api/contract';
import { browserJournal, type JournalPlace } from './browser-journal';
import type { StoredEdition } from './stored-text';

// Edits are kept this long after the first change at the latest, and then again each time as long as typing goes on.
const JOURNAL_EVERY_MS = 1000;
/** The longest the first entry waits for the check of the file (see checkingFile). */
const CHECK_WAIT_MS = 2000;
/** How long the app may take to answer a journal write before the tab keeps the entry itself (see write). */
const APP_ANSWER_MS = 2000;
/** What a write comes back as first when the app has not answered within APP_ANSWER_MS. */
const LATE = Symbol('late');
/** What a write the app did not answer (its host stopped, say) comes back as. */
const UNREACHABLE = Symbol('unreachable');
// Taking an entry of a long policy is a few milliseconds of work: done in a pause between keys, or after this long.
const IDLE_TIMEOUT_MS = 1000;
/**
 * Taking an entry cost a few hundred milliseconds of a 1,000,000-word policy when every entry was its whole text; now
 * only the first one is (and one after the app lost track, see keep), but the rule stands for what an entry still
 * costs: the next entry waits this many times what the last one cost the main thread (never less than
 * JOURNAL_EVERY_MS, never more than MAX_SPACING_MS), so the journal keeps to about a twentieth of the time, and what a
 * crash can lose stays within a few seconds of typing.
 */
const COST_SHARE = 20;
const MAX_SPACING_MS = 8000;

/** A window's own id: each window keeps its own entries, so another window never mistakes them for a crash's. */
export function newWindowId(): string {
  return crypto.randomUUID();
}

/** What an entry is taken from: the document as its file would hold it, and the stamp of the file it is based on. */
export interface JournalSource {
  edition: StoredEdition;
  base: string | null;
}

/**
 * Keeps a window's unsaved edits of one document, in the app's journal — or, when the app cannot be reached (its web
 * host stopped), in the tab's own (browser-journal.ts) — a second or two behind the typing, including during typing
 * that never pauses, when the autosave is still waiting. After the first entry, the app is sent only what changed
 * since the entry it kept last. Writes go one after another, so a `clear` after a save is never overtaken by an
 * older write.
 */
export class EditJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idle: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly place: JournalPlace;
  /** How long after a change the next entry is taken (see COST_SHARE). */
  private spacing = JOURNAL_EVERY_MS;
  /** A check of the file under way (see checkingFile). */
  private checking: Promise<void> | null = null;
  /** The tab's journal holds an entry of this window's, kept while the app could not be reached. */
  private tabHolds = false;
  /** The entry the app kept last, by the tag it answered (or the file, by its stamp): what the next entry may patch. */
  private kept: { tag: string; edition: StoredEdition } | null = null;

  constructor(
    private readonly client: ProjectClient,
    private readonly documentId: string,
    readonly window: string,
    private readonly take: () => JournalSource,
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
   * Keeps the edits now; resolves once a journal has them or both failed. `leaving`: the window is moving away from
   * the document, so its edits are to be offered when the document is opened again.
   */
  keepNow(leaving = false): Promise<void> {
    this.cancel();
    const started = performance.now();
    const source = this.take();
    const takenAt = new Date().toISOString();
    const taking = performance.now() - started;
    // An entry of a window moving away is taken at once (the window may be closing): the check is waited for no more,
    // nor the idle moments an earlier entry's lines are being written in.
    if (leaving) {
      this.leavingEntries++;
      this.stopWaiting();
      this.hurry();
    }
    return this.then(async () => {
      try {
        if (this.checking) await this.checking;
        // The lines of the blocks not written yet (those of a long policy just opened, say: 90 ms for 47,000 blocks,
        // which a key pressed meanwhile waited for) are written in idle moments first; the entry then only joins them.
        // Not while an entry of a window moving away waits behind this one: that one is taken at once.
        if (this.leavingEntries === 0) {
          const writing = source.edition.writeOut();
          this.hurry = writing.now;
          try {
            await writing.done;
          } finally {
            this.hurry = () => {};
          }
        }
        const cost = taking + (await this.keep(source, takenAt, leaving));
        this.spacing = Math.min(MAX_SPACING_MS, Math.max(JOURNAL_EVERY_MS, cost * COST_SHARE));
      } finally {
        if (leaving) this.leavingEntries--;
      }
    });
  }

  /**
   * One entry: a patch of the app's last, else the whole text; when the app cannot be reached, the tab keeps the whole
   * text instead. Resolves with what it cost this thread, in milliseconds (writing the text out and sealing it for the
   * tab are the costly parts; the requests themselves are sent and written off this thread).
   */
  private async keep({ edition, base }: JournalSource, takenAt: string, leaving: boolean): Promise<number> {
    const last = this.kept;
    this.kept = null;
    let cost = 0;
    const timed = <T>(work: () => T): T => {
      const started = performance.now();
      try {
        return work();
      } finally {
        cost += performance.now() - started;
      }
    };
    if (last) {
      const reply = await timed(() => this.write({ base, takenAt, after: last.tag, ...edition.patchFrom(last.edition) }, leaving, edition));
      if (reply === UNREACHABLE) return cost + (await this.keepInTab({ base, takenAt, text: edition.text() }));
      // Not kept: the app no longer holds the entry the patch was made for (its host started again, say).
      if (reply.tag !== null) return this.keptBy(reply.tag, edition, cost);
    }
    const entry: JournalEntry = timed(() => ({ base, takenAt, text: edition.text() }));
    const reply = await timed(() => this.write(entry, leaving, edition));
    if (reply !== UNREACHABLE && reply.tag !== null) return this.keptBy(reply.tag, edition, cost);
    return cost + (await this.keepInTab(entry));
  }

  private keptBy(tag: string, edition: StoredEdition, cost: number): number {
    this.kept = { tag, edition };
    // What the tab kept while the app could not be reached is older than this: it goes, so it is never offered back.
    if (this.tabHolds) {
      this.tabHolds = false;
      void browserJournal.delete(this.place);
    }
    return cost;
  }

  /**
   * One request to the app. One that has not been answered after APP_ANSWER_MS (a host that hangs rather than stops)
   * counts as unreachable, so the tab keeps the entry and later entries are not held up behind it; should its answer
   * still come, the entry it kept is the one the next patch may change.
   */
  private write(entry: JournalEntry | JournalPatch, leaving: boolean, edition: StoredEdition): Promise<JournalKept | typeof UNREACHABLE> {
    const answer: Promise<JournalKept | typeof UNREACHABLE> = this.client
      .writeJournal({ documentId: this.documentId, window: this.window, entry, leaving })
      .then(
        (reply) => reply ?? UNREACHABLE,
        () => UNREACHABLE,
      );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), APP_ANSWER_MS)));
    return Promise.race([answer, late]).then((first) => {
      clearTimeout(timer);
      if (first !== LATE) return first;
      void answer.then((reply) => {
        if (reply !== UNREACHABLE && reply.tag !== null) this.kept ??= { tag: reply.tag, edition };
      });
      return UNREACHABLE;
    });
  }

  /** The tab's own journal, sealed on this thread: resolves with the milliseconds that took. */
  private async keepInTab(entry: JournalEntry): Promise<number> {
    this.tabHolds = true;
    const sealing = await browserJournal.put(this.place, entry).catch(() => 0);
    return Number.isFinite(sealing) ? sealing : 0;
  }

  /**
   * The document as the window read it is, byte for byte, the file with this stamp (file-check.ts): while the app
   * has kept no entry of the window's, the next one may be a patch of that file, which the app reads itself — so
   * even the first entry of a long policy is a few hundred characters.
   */
  startFrom(edition: StoredEdition, stamp: string): void {
    this.kept ??= { tag: stamp, edition };
  }

  /**
   * The check that may lead to startFrom is under way: the next entry waits for it, CHECK_WAIT_MS at most, so that a
   * long policy's first entry, taken a second after the first key, is not its whole text for want of a moment.
   */
  checkingFile(check: Promise<unknown>): void {
    this.stopWaiting();
    const waited = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CHECK_WAIT_MS);
      this.stopWaiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const checking = Promise.race([check, waited]).then(() => {
      if (this.checking === checking) this.checking = null;
    });
    this.checking = checking;
  }

  /** Ends the wait for the check of the file, if one is under way (see checkingFile). */
  private stopWaiting: () => void = () => {};

  /** Writes out at once the lines an entry under way is waiting for (see keepNow). */
  private hurry: () => void = () => {};

  /** Entries of a window moving away, asked for and not yet kept: the entries before them take theirs at once. */
  private leavingEntries = 0;

  /** The edits are on disk: this window's entries go. */
  clear(): Promise<void> {
    this.cancel();
    // The app's entry goes: the next entry is whole, or a patch of the file just saved (startFrom, after this).
    this.kept = null;
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
