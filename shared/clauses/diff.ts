import diffSequences from '@jest/diff-sequences';

export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/**
 * The difference between two wordings, word by word (spaces and paragraph breaks kept with the words), for a person
 * deciding whether to take a clause's new version. Clause texts are a few hundred words, so a plain sequence diff is
 * quick enough on the main thread.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], list: readonly string[], from: number, to: number) => {
    if (from >= to) return;
    const text = list.slice(from, to).join('');
    const last = parts[parts.length - 1];
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  let ai = 0;
  let bi = 0;
  diffSequences(a.length, b.length, (i, j) => a[i] === b[j], (n, aStart, bStart) => {
    push('removed', a, ai, aStart);
    push('added', b, bi, bStart);
    push('same', a, aStart, aStart + n);
    ai = aStart + n;
    bi = bStart + n;
  });
  push('removed', a, ai, a.length);
  push('added', b, bi, b.length);
  return parts;
}

/** Words with the space after each, so joining the tokens gives back the text exactly. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
