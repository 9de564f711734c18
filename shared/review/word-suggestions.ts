import diffSequences from '@jest/diff-sequences';
import type { Mark, Run, SuggestionMark } from '../model/document';
import { mergeRuns } from '../format/normalize';

/**
 * The word-level difference of one block's two texts written as suggestions: the base's runs, with words the edited
 * text drops marked `del`, words it adds inserted as `ins` runs, and words whose bold/italic/underline changed marked
 * `formatted` (with the marks they had). Accepting everything gives the edited runs, rejecting everything the base's.
 */

interface Token {
  readonly text: string;
  /** What must agree for two tokens to be the same words: text, link, variable. Marks may differ (a format change). */
  readonly key: string;
  readonly run: Run;
}

const TOKEN = /[\p{L}\p{N}]+|\s+|[\s\S]/gu;

function tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  for (const run of runs) {
    if (run.variable !== undefined) {
      out.push({ text: run.text, key: `\u0001${run.variable}`, run });
      continue;
    }
    for (const text of run.text.match(TOKEN) ?? []) out.push({ text, key: `${text}\u0001${run.link ?? ''}`, run });
  }
  return out;
}

/** A run's text replaced by `text`, its review fields as given. */
function piece(run: Run, text: string): Run {
  return { ...run, text };
}

/** The edited run's text and formatting, with no review fields of its own: the reviewer's text is plain. */
export function plainRun(run: Run): Run {
  const { ins: _i, del: _d, formatted: _f, comments: _c, ...rest } = run;
  return rest;
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  const x = new Set(a ?? []);
  const y = new Set(b ?? []);
  return x.size === y.size && [...x].every((m) => y.has(m));
}

/** Whether a base run is out of the text being compared: already suggested for deletion, it stays as it is. */
const alreadyDeleted = (run: Run): boolean => run.del !== undefined;

/**
 * The runs of `base` (which may already carry suggestions and comments) with the difference to `edited` written as
 * suggestions by `mark`'s author. `newId` names each change: one id per replaced stretch, one per format change.
 * Runs of base already suggested for deletion are not compared and stay where they stand.
 */
export function suggestRuns(base: readonly Run[], edited: readonly Run[], mark: Omit<SuggestionMark, 'id'>, newId: () => string): Run[] {
  const a = tokens(base);
  const b = tokens(edited.map(plainRun));
  // Deleted-already tokens are skipped by the comparison; `live` maps comparison positions back to tokens of `a`.
  const live: number[] = [];
  a.forEach((token, index) => {
    if (!alreadyDeleted(token.run)) live.push(index);
  });
  const out: Run[] = [];
  let ai = 0; // next token of a to emit
  let bi = 0;
  let li = 0;
  const emitDeletedAlready = (upTo: number) => {
    while (ai < upTo) {
      const token = a[ai] as Token;
      out.push(piece(token.run, token.text));
      ai++;
    }
  };
  const gap = (liEnd: number, biEnd: number) => {
    if (li === liEnd && bi === biEnd) return;
    const id = newId();
    const del: SuggestionMark = { id, ...mark };
    for (; li < liEnd; li++) {
      const index = live[li] as number;
      emitDeletedAlready(index);
      const token = a[index] as Token;
      out.push({ ...piece(token.run, token.text), del });
      ai = index + 1;
    }
    for (; bi < biEnd; bi++) {
      const token = b[bi] as Token;
      out.push({ ...piece(token.run, token.text), ins: del });
    }
  };
  let formatId: { id: string; marks: string } | null = null;
  diffSequences(
    live.length,
    b.length,
    (x, y) => (a[live[x] as number] as Token).key === (b[y] as Token).key,
    (count, aStart, bStart) => {
      gap(aStart, bStart);
      formatId = null;
      for (let k = 0; k < count; k++, li++, bi++) {
        const index = live[li] as number;
        emitDeletedAlready(index);
        const old = a[index] as Token;
        const now = b[bi] as Token;
        ai = index + 1;
        if (sameMarks(old.run.marks, now.run.marks)) {
          out.push(piece(old.run, old.text));
          formatId = null;
          continue;
        }
        const marksKey = `${(old.run.marks ?? []).join()}>${(now.run.marks ?? []).join()}`;
        if (!formatId || formatId.marks !== marksKey) formatId = { id: newId(), marks: marksKey };
        const was = old.run.formatted?.was ?? [...(old.run.marks ?? [])];
        const { marks: _old, ...rest } = old.run;
        const run: Run = { ...rest, text: old.text, formatted: { id: formatId.id, ...mark, was } };
        if (now.run.marks && now.run.marks.length > 0) run.marks = [...now.run.marks];
        out.push(run);
      }
    },
  );
  gap(live.length, b.length);
  emitDeletedAlready(a.length);
  return mergeRuns(out);
}
