import { definedTermsInSteps, termsByFirstWord, type DefinedTerm } from '../../shared/check/terms';
import { runWhenIdle } from '../common/idle-steps';
import type { FeatureHost } from '../editor/editor-feature';

/** After the last change, how long before the terms are read again (only while someone is looking at them). */
const QUIET_MS = 1000;
/** A performance mark at the start of each reading: where a trace of the page (and the tests) sees when one ran. */
const TERMS_READ_MARK = 'policywright:terms-read';

/**
 * The document's defined terms, read off the typing path: a change only marks them stale (a flag per key), and they
 * are read again in an idle moment when the Terms panel is open or the pointer comes over the page. A hover between
 * a change and the next reading shows the terms as they were, which is what the person read a moment ago anyway.
 */
export class TermIndex {
  private terms: readonly DefinedTerm[] | null = null;
  private byTerm = new Map<string, DefinedTerm>();
  private firstWords = new Map<string, string[]>();
  private stale = true;
  private watchers = 0;
  private pointerOver = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Stops the reading under way, piece by piece in idle moments. */
  private reading: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly host: FeatureHost) {}

  /** Starts following the document's changes; returns the function that stops. */
  start(): () => void {
    // Per key: a flag, and while someone is looking, a timer restarted (a reading never comes between two keys).
    const stale = () => {
      this.stale = true;
      if (this.watchers > 0 || this.pointerOver) this.schedule(QUIET_MS);
    };
    const unregister = this.host.register({ changed: stale, blocksChanged: stale });
    return () => {
      unregister();
      this.cancel();
    };
  }

  /** The terms as last read (null before the first reading). */
  current(): readonly DefinedTerm[] | null {
    return this.terms;
  }

  lookup(term: string): DefinedTerm | undefined {
    return this.byTerm.get(term);
  }

  /** The terms by first word, as shared/check/terms.ts's termAt takes them. */
  firstWordMap(): ReadonlyMap<string, readonly string[]> {
    return this.firstWords;
  }

  /** Reads the terms again, in an idle moment after `delay` without changes, if they changed since. */
  refreshSoon(delay = 0): void {
    if (this.stale && this.timer === undefined && this.reading === undefined) this.schedule(delay);
  }

  /**
   * The pointer came over the page (or left it): the terms are read a second after it comes, and kept fresh while it
   * stays, as for the panel. A person who clicks into the page and types at once is never paused by a reading.
   */
  pointerIsOver(over: boolean): void {
    this.pointerOver = over;
    if (over) this.refreshSoon(QUIET_MS);
  }

  /** For a view of the terms: told after each reading, and the terms kept fresh while it watches. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    this.watchers++;
    this.refreshSoon();
    return () => {
      this.listeners.delete(listener);
      this.watchers--;
    };
  }

  private schedule(delay: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.read();
    }, delay);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.reading?.();
    this.reading = undefined;
  }

  /**
   * Reads the terms a few milliseconds at a time (a 1,000,000-word policy's are some 300 ms of work, which in one
   * piece stopped the typist). The blocks are taken as they stand when it starts; a change meanwhile marks them stale.
   */
  private read(): void {
    const blocks = this.host.tools.blocksInSteps;
    if (!blocks) return;
    this.stale = false;
    performance.mark(TERMS_READ_MARK);
    this.reading = runWhenIdle(
      (function* () {
        return yield* definedTermsInSteps(yield* blocks());
      })(),
      (terms) => {
        this.reading = undefined;
        this.terms = terms;
        this.byTerm = new Map(terms.map((t) => [t.term, t]));
        this.firstWords = termsByFirstWord(this.byTerm.keys());
        for (const listener of this.listeners) listener();
      },
    );
  }
}
