import type { WordNumbering } from './numbering';

/**
 * The numbers Word draws on its list paragraphs, which mammoth's HTML lost: each paragraph's number at its level and
 * the levels above ([6, 2] for "b." under "6."), counted as Word counts — lists that share a definition continue one
 * another, a list whose w:lvlOverride sets a start begins there at its first paragraph, and a level starts again after
 * a level above it is used (or after the level its w:lvlRestart names, or never when that is 0).
 */
export class ListNumbers {
  /** The counters of each abstract definition, by level (undefined: not counting yet, the next one is its start). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly started = new Set<string>();

  constructor(private readonly numbering: WordNumbering) {}

  /**
   * Counts a numbered paragraph and gives its path, outermost first; undefined when a level on the way is not
   * numbered (a bullet, "none"), or the list is unknown.
   */
  next(numId: string, ilvl: string): number[] | undefined {
    const counting = this.numbering.counting(numId);
    const level = Number.parseInt(ilvl, 10);
    if (!counting || !Number.isInteger(level) || level < 0 || level > 8) return undefined;
    let counters = this.counters.get(counting.key);
    if (!counters) {
      counters = [];
      this.counters.set(counting.key, counters);
    }
    const startOf = (index: number) => counting.overrides.get(String(index)) ?? counting.levels(String(index))?.start ?? 1;
    if (!this.started.has(numId)) {
      this.started.add(numId);
      // a list that sets its own start begins again there
      for (const index of counting.overrides.keys()) counters[Number(index)] = undefined;
    }
    const current = counters[level];
    counters[level] = current === undefined ? startOf(level) : current + 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) {
      const restart = counting.levels(String(deeper))?.restart;
      if (restart === undefined ? true : restart !== 0 && level < restart) counters[deeper] = undefined;
    }
    const path: number[] = [];
    for (let index = 0; index <= level; index++) {
      const format = counting.levels(String(index))?.format;
      if (format === 'bullet' || format === 'none') return undefined;
      path.push(counters[index] ?? startOf(index));
    }
    return path;
  }
}
