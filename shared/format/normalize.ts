import type { Run } from '../model/document';

/** Adjacent runs with the same marks and link become one; empty runs go. What the editor splits, storage rejoins. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameFormatting(last, run)) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out;
}

function sameFormatting(a: Run, b: Run): boolean {
  // A variable, a cross-reference or a footnote's mark is one unit: never joined to the text beside it, nor to another.
  if (a.link !== b.link || a.variable !== undefined || b.variable !== undefined || a.ref !== undefined || b.ref !== undefined) return false;
  if (a.note !== undefined || b.note !== undefined) return false;
  // Compared as sets: a repeated mark must not make ["bold", "bold"] look like ["bold", "italic"].
  const am = new Set(a.marks ?? []);
  const bm = new Set(b.marks ?? []);
  return am.size === bm.size && [...am].every((mark) => bm.has(mark)) && sameReview(a, b);
}

/** Text of two suggestions, or about two sets of comments, stays apart: each is accepted or answered on its own. */
function sameReview(a: Run, b: Run): boolean {
  if (!a.ins && !b.ins && !a.del && !b.del && !a.formatted && !b.formatted && !a.comments && !b.comments) return true;
  return (
    JSON.stringify([a.ins, a.del, a.formatted, a.comments ?? []]) === JSON.stringify([b.ins, b.del, b.formatted, b.comments ?? []])
  );
}
