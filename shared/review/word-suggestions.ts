import diffSequences from '@jest/diff-sequences';
import type { Mark, Run, SuggestionMark } from '../model/document';
import { mergeRuns } from '../format/normalize';
import { variableText, type VariableValues } from '../model/variables';
import { safeLink } from '../model/link';

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
  /** For a variable compared by the text it shows: which of the base's variable runs this word is part of. */
  readonly group?: number;
}

const TOKEN = /[\p{L}\p{N}]+|\s+|[\s\S]/gu;

/**
 * The runs' tokens. A variable is one token, unless `shown` gives the text it shows (a file from outside holds that
 * text, not the variable): then it is compared word by word as that text, each word knowing its variable (`group`).
 */
function tokens(runs: readonly Run[], shown?: (name: string) => string | undefined): Token[] {
  const out: Token[] = [];
  let group = 0;
  for (const run of runs) {
    // A cross-reference is one token, the same wherever its section is now numbered.
    if (run.ref !== undefined) {
      out.push({ text: run.text, key: `\u0002${run.ref}\u0001${run.refTitle ? 'title' : ''}`, run });
      continue;
    }
    // A footnote's mark is one token, the same note by its id (suggestDifference pairs the two sides' notes first);
    // its placeholder is never split into words.
    if (run.note !== undefined) {
      out.push({ text: run.text, key: `\u0003${run.note}`, run });
      continue;
    }
    if (run.variable !== undefined) {
      const text = run.del ? undefined : shown?.(run.variable);
      if (text === undefined) {
        out.push({ text: run.text, key: `\u0001${run.variable}`, run });
        continue;
      }
      group++;
      for (const word of text.match(TOKEN) ?? []) out.push({ text: word, key: `${word}\u0001${linkKey(run.link)}`, run, group });
      continue;
    }
    const link = linkKey(run.link);
    for (const text of run.text.match(TOKEN) ?? []) out.push({ text, key: `${text}\u0001${link}`, run });
  }
  return out;
}

/** A link as it compares: written alike however it was spelled ("https://a.example" and "https://a.example/"). */
function linkKey(link: string | undefined): string {
  return link === undefined ? '' : (safeLink(link) ?? link);
}

/**
 * Pieces of the base's variables, compared as the text they show, made whole again: a variable all of whose words
 * stand stays itself; one whose words changed in any way is deleted whole, and the words of it that stand are
 * inserted as text, so accepting gives the edited text and rejecting the variable.
 */
function wholeVariables(out: Run[], pieces: ReadonlyMap<Run, { group: number; base: Token; now?: Token }>, mark: Omit<SuggestionMark, 'id'>, newId: () => string): Run[] {
  if (pieces.size === 0) return out;
  const changed = new Map<number, SuggestionMark | null>();
  for (const [piece, info] of pieces) if (piece.del || piece.formatted) changed.set(info.group, piece.del ?? changed.get(info.group) ?? null);
  // words inserted between a variable's own words change it too
  const span = new Map<number, { first: number; last: number; count: number }>();
  out.forEach((piece, index) => {
    const group = pieces.get(piece)?.group;
    if (group === undefined) return;
    const seen = span.get(group);
    span.set(group, seen ? { ...seen, last: index, count: seen.count + 1 } : { first: index, last: index, count: 1 });
  });
  for (const [group, { first, last, count }] of span) if (last - first + 1 !== count && !changed.has(group)) changed.set(group, null);
  const done = new Set<number>();
  const result: Run[] = [];
  for (const piece of out) {
    const info = pieces.get(piece);
    if (!info) {
      result.push(piece);
      continue;
    }
    const first = !done.has(info.group);
    done.add(info.group);
    if (!changed.has(info.group)) {
      if (first) result.push({ ...info.base.run, ...(piece.comments ? { comments: piece.comments } : {}) });
      continue;
    }
    let del = changed.get(info.group) ?? null;
    if (!del) {
      del = { id: newId(), ...mark };
      changed.set(info.group, del);
    }
    if (first) result.push({ ...info.base.run, del });
    if (info.now && !piece.del) result.push({ ...plainRun(info.now.run), text: info.now.text, ins: del });
  }
  return result;
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
export function suggestRuns(
  base: readonly Run[],
  edited: readonly Run[],
  mark: Omit<SuggestionMark, 'id'>,
  newId: () => string,
  values?: VariableValues,
): Run[] {
  // A variable the edited side does not hold as a variable is compared as the text it shows there (values given).
  const editedVariables = new Set(edited.flatMap((run) => (run.variable === undefined ? [] : [run.variable])));
  const a = tokens(base, values ? (name) => (editedVariables.has(name) ? undefined : variableText(values, name)) : undefined);
  const b = tokens(edited);
  const pieces = new Map<Run, { group: number; base: Token; now?: Token }>();
  const push = (run: Run, base: Token, now?: Token) => {
    out.push(run);
    if (base.group !== undefined) pieces.set(run, { group: base.group, base, ...(now ? { now } : {}) });
  };
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
      push({ ...piece(token.run, token.text), del: reviewer() }, token);
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
          push({ ...kept, del: now.run.del }, old, now);
          formatId = null;
          continue;
        }
        if (sameMarks(old.run.marks, now.run.marks)) {
          push(kept, old, now);
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
        push(run, old, now);
      }
    },
  );
  gap(live.length, b.length);
  emitDeletedAlready(a.length);
  return mergeRuns(wholeVariables(out, pieces, mark, newId));
}
