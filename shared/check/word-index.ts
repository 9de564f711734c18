/** A keyword ready to look up: its words, and the phrase they must make when there are several. */
export interface Keyword {
  readonly words: readonly string[];
  readonly phrase: string | null;
}

const WORDS = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lower case, typographic apostrophes as typed ones, hyphens and dashes as spaces: "opt out" matches "Opt-out". */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'").replace(/[-‐‑–—]/gu, ' ');
}

export function prepareKeyword(keyword: string): Keyword {
  const phrase = normalise(keyword).trim();
  const words = phrase.match(WORDS) ?? [];
  return { words, phrase: words.length > 1 ? phrase : null };
}

/**
 * Which of a list of texts (a document's sections) hold which words, built once: a keyword is then a binary search
 * of the document's sorted words and the sections of those starting with it, not a scan of every section's text,
 * so a hundred requirements on a 100,000-word policy cost a few milliseconds.
 */
export class WordIndex {
  private readonly texts: string[];
  private readonly sorted: string[];
  /** Each word's texts, ascending. */
  private readonly textsOf = new Map<string, number[]>();
  /** Each word prefix asked for, with the texts that hold a word starting with it. */
  private readonly prefixes = new Map<string, ReadonlySet<number>>();

  constructor(texts: readonly string[]) {
    this.texts = texts.map(normalise);
    this.texts.forEach((text, i) => {
      for (const word of text.match(WORDS) ?? []) {
        const holders = this.textsOf.get(word);
        if (!holders) this.textsOf.set(word, [i]);
        else if (holders[holders.length - 1] !== i) holders.push(i);
      }
    });
    this.sorted = [...this.textsOf.keys()].sort();
  }

  /** The first text, below `before`, that holds every keyword of the group (each phrase in order), or -1. */
  firstHolding(group: readonly Keyword[], before = Infinity): number {
    const sets = group.flatMap((keyword) => keyword.words.map((word) => this.withPrefix(word)));
    if (sets.length === 0) return -1;
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    let first = -1;
    for (const i of smallest) {
      if (i >= before || (first !== -1 && i >= first)) continue;
      if (sets.every((set) => set.has(i)) && group.every((keyword) => this.hasPhrase(i, keyword))) first = i;
    }
    return first;
  }

  private withPrefix(prefix: string): ReadonlySet<number> {
    const known = this.prefixes.get(prefix);
    if (known) return known;
    const holders = new Set<number>();
    for (let at = lowerBound(this.sorted, prefix); at < this.sorted.length && (this.sorted[at] as string).startsWith(prefix); at++) {
      for (const i of this.textsOf.get(this.sorted[at] as string) ?? []) holders.add(i);
    }
    this.prefixes.set(prefix, holders);
    return holders;
  }

  private hasPhrase(i: number, keyword: Keyword): boolean {
    if (keyword.phrase === null) return true;
    const text = this.texts[i] ?? '';
    for (let at = text.indexOf(keyword.phrase); at !== -1; at = text.indexOf(keyword.phrase, at + 1)) {
      if (at === 0 || !LETTER_OR_DIGIT.test(text.charAt(at - 1))) return true;
    }
    return false;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
