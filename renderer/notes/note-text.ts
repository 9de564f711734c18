import type { Run } from '../../shared/model/document';
import { mergeRuns } from '../../shared/format/normalize';
import { stripForbiddenCharacters } from '../../shared/model/vocabulary';

/** A note's words as its text box at the foot of the page shows them: the runs' texts, placeholders as written. */
export function noteText(runs: readonly Run[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/** A variable or a cross-reference is one unit: it is kept whole or goes whole, never cut. */
function isUnit(run: Run): boolean {
  return run.variable !== undefined || run.ref !== undefined;
}

/**
 * A note's runs after its text box was edited from `noteText(runs)` to `next`: the one changed stretch (between the
 * common start and the common end) is replaced, so the formatting of every word not touched is kept (an imported
 * note's italic case name survives a typo fixed beside it). New letters take the marks and link of the letter
 * before them, as typing does (of the one after at the very start); a variable or a cross-reference the change cuts
 * into goes whole. `caret`: where the text box's caret is after the edit, when known.
 */
export function editRunsAsText(runs: readonly Run[], typed: string, caret?: number): Run[] {
  const next = stripForbiddenCharacters(typed);
  const old = noteText(runs);
  if (old === next) return runs.map((run) => ({ ...run }));
  const most = Math.min(old.length, next.length);
  // The caret after an edit ends what was typed: the text after it is unchanged. It tells "Jones| Ltd" from
  // "Jones |Ltd", which the texts alone cannot (a space typed after a space).
  const kept = caret !== undefined && caret <= next.length && next === typed && old.endsWith(next.slice(caret)) ? next.length - caret : undefined;
  let tail = 0;
  if (kept !== undefined && kept <= most) tail = kept;
  else while (tail < most && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  let start = 0;
  while (start < most - tail && old[start] === next[start]) start++;
  const cutEnd = old.length - tail;
  const inserted = next.slice(start, next.length - tail);
  const before: Run[] = [];
  const after: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length;
    at = to;
    if (isUnit(run)) {
      if (to <= start || (from < start && cutEnd === start && to > start)) before.push({ ...run });
      else if (from >= cutEnd) after.push({ ...run });
      continue;
    }
    if (from < start) before.push({ ...run, text: run.text.slice(0, Math.min(to, start) - from) });
    if (to > cutEnd) after.push({ ...run, text: run.text.slice(Math.max(from, cutEnd) - from) });
  }
  const piece = inserted ? [{ ...formattingOf(lastPlain(before) ?? firstPlain(after)), text: inserted }] : [];
  return mergeRuns([...before, ...piece, ...after]);
}

function lastPlain(runs: readonly Run[]): Run | undefined {
  const last = runs[runs.length - 1];
  return last && !isUnit(last) ? last : undefined;
}

function firstPlain(runs: readonly Run[]): Run | undefined {
  const first = runs[0];
  return first && !isUnit(first) ? first : undefined;
}

/** What new letters inherit: marks and link, never a suggestion or a comment of the text beside them. */
function formattingOf(run: Run | undefined): Omit<Run, 'text'> {
  if (!run) return {};
  return { ...(run.marks ? { marks: [...run.marks] } : {}), ...(run.link ? { link: run.link } : {}) };
}
