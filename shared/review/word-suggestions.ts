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

/** The comment ids of both runs, the base's first. */
function commentsOf(a: Run, b: Run | undefined): string[] | undefined {
  const ids = [...new Set([...(a.comments ?? []), ...(b?.comments ?? [])])];
  return ids.length > 0 ? ids : undefined;
}

/**
 * The runs of `base` (which may already carry suggestions and comments) with the difference to `edited` written as
 * suggestions. `edited` may carry suggestions of its own (a returned DOCX with tracked changes): it is compared with
 * all its text shown, and each of its changes keeps its author, time and id (its deletions fall on the base's text,
 * its insertions are inserted as they are); what differs besides is suggested by `mark`'s author. `newId` names
 * each such change: one id per replaced stretch, one per format change. Runs of base already suggested for deletion
 * are not compared and stay where they stand. Comments of both sides are kept on their text.
 */
export function suggestRuns(base: readonly Run[], edited: readonly Run[], mark: Omit<SuggestionMark, 'id'>, newId: () => string): Run[] {
  const a = tokens(base);
  const b = tokens(edited);
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
    let own: SuggestionMark | undefined;
    const reviewer = () => (own ??= { id: newId(), ...mark });
    for (; li < liEnd; li++) {
      const index = live[li] as number;
      emitDeletedAlready(index);
      const token = a[index] as Token;
      out.push({ ...piece(token.run, token.text), del: reviewer() });
      ai = index + 1;
    }
    for (; bi < biEnd; bi++) {
      const token = b[bi] as Token;
      // text the edited side both added and deleted was never in the base: nothing to suggest
      if (token.run.del) continue;
      const run: Run = { ...piece(plainRun(token.run), token.text), ins: token.run.ins ?? reviewer() };
      if (token.run.comments) run.comments = [...token.run.comments];
      out.push(run);
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
        const comments = commentsOf(old.run, now.run);
        const kept: Run = { ...piece(old.run, old.text) };
        if (comments) kept.comments = comments;
        if (now.run.del) {
          // deleted on the edited side by a tracked change: that change, on the base's text
          out.push({ ...kept, del: now.run.del });
          formatId = null;
          continue;
        }
        if (sameMarks(old.run.marks, now.run.marks)) {
          out.push(kept);
          formatId = null;
          continue;
        }
        const marksKey = `${(old.run.marks ?? []).join()}>${(now.run.marks ?? []).join()}`;
        const by = now.run.formatted ? { id: now.run.formatted.id, by: now.run.formatted.by, at: now.run.formatted.at } : undefined;
        if (!by && (!formatId || formatId.marks !== marksKey)) formatId = { id: newId(), marks: marksKey };
        const was = old.run.formatted?.was ?? [...(old.run.marks ?? [])];
        const { marks: _old, ...rest } = kept;
        const run: Run = { ...rest, formatted: by ? { ...by, was } : { id: (formatId as { id: string }).id, ...mark, was } };
        if (now.run.marks && now.run.marks.length > 0) run.marks = [...now.run.marks];
        out.push(run);
      }
    },
  );
  gap(live.length, b.length);
  emitDeletedAlready(a.length);
  return mergeRuns(out);
}
