import type { Heading, NumberingStyle, SuggestionMark } from '../model/document';
import { numberSections, type SectionNumber } from '../numbering/number';
import { standsWhenAccepted, stoodBeforeSuggestions } from '../review/suggestions';

/** A heading's number in the document an export shows, and, where it differs, its depth before the suggestions. */
export interface ReviewedNumber {
  readonly number: SectionNumber;
  /** The depth it had before the suggestions, and the suggestion that changed it, when it was at another or relevelled. */
  readonly was?: { readonly depth: number; readonly by: SuggestionMark };
}

/**
 * The headings' numbers with their open suggestions accepted, which is how Word and LibreOffice number them once the
 * changes are accepted: a deleted heading, or the old place of a moved one, takes no number and shifts none. Those
 * headings, which exist only before the suggestions, get their number in that document. A heading whose depth is not
 * the same in both (a level suggested, or a heading above it inserted or deleted) says what it was and whose
 * suggestion changed it, so the export can keep its old form as a tracked formatting change.
 */
export function reviewedNumbers(headings: readonly Heading[], style: NumberingStyle): ReviewedNumber[] {
  if (!anyChanged(headings)) {
    // A loop, not map with an arrow: a closure made per export is optimised anew after each collection.
    const numbers = numberSections(headings, style);
    const out: ReviewedNumber[] = [];
    for (let i = 0; i < numbers.length; i++) out.push({ number: numbers[i] as SectionNumber });
    return out;
  }

  const after = numberSections(headings.filter(standsWhenAccepted), style);
  const before = numberSections(
    headings.filter(stoodBeforeSuggestions).map((heading) => ({ id: heading.id, unnumbered: heading.unnumbered, level: heading.relevel ? Math.max(1, heading.relevel.was) : heading.level })),
    style,
  );
  const out: ReviewedNumber[] = [];
  let a = 0;
  let b = 0;
  // The latest block change before a heading: what shifted its depth when no level change of its own did.
  let lastChange: SuggestionMark | undefined;
  for (const heading of headings) {
    const now = standsWhenAccepted(heading) ? after[a++] : undefined;
    const then = stoodBeforeSuggestions(heading) ? before[b++] : undefined;
    const number = now ?? then;
    if (!number) throw new Error(`no section number for heading ${heading.id}`);
    const by = heading.relevel ?? (now && then && now.depth !== then.depth ? lastChange : undefined);
    out.push(now && then && by ? { number, was: { depth: then.depth, by } } : { number });
    if (heading.change) lastChange = heading.change;
  }
  return out;
}

function anyChanged(headings: readonly Heading[]): boolean {
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i] as Heading;
    if (heading.change !== undefined || heading.relevel !== undefined) return true;
  }
  return false;
}
