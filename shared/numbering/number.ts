import type { NumberingStyle } from '../model/document';
import { STYLE_FORMATS } from './styles';

export interface HeadingRef {
  readonly id: string;
  readonly level: number;
  /** A heading that takes no number (the model's `unnumbered`): it opens a section but does not count. */
  readonly unnumbered?: boolean;
}

export interface SectionNumber {
  readonly id: string;
  /** Depth in the section tree, from 1. A heading never sits deeper than one below the heading before it. */
  readonly depth: number;
  readonly path: readonly number[];
  /** "1.2", "Article II", or '' for a heading that takes no number. */
  readonly label: string;
  /** How a reference names it: "Section 1.2"; '' for a heading that takes no number (a reference shows its title). */
  readonly reference: string;
}

/**
 * Numbers the sections of a document from its headings, in order. Numbers are always computed, never stored: this is
 * the one place they come from. A heading that jumps levels (a level-3 heading right under a level-1) is treated as
 * the next level down, so a slip in the stored levels never produces a "1.0.1".
 */
export function numberSections(headings: Iterable<HeadingRef>, style: NumberingStyle): SectionNumber[] {
  const format = STYLE_FORMATS[style];
  const counters: number[] = [];
  // The stored level of the heading open at each depth. A heading closes every open section of its level or deeper
  // (as sections.ts reads them), so two level-3 headings right under a level-1 are siblings, 1.1 and 1.2, never 1.1.1.
  const open: number[] = [];
  const result: SectionNumber[] = [];
  for (const heading of headings) {
    while (open.length > 0 && (open[open.length - 1] ?? 0) >= heading.level) open.pop();
    open.push(heading.level);
    const depth = open.length;
    if (heading.unnumbered) {
      // As a Word heading without numbering: it counts for nothing, so the numbered headings around it (and below it)
      // go on as if it were not there, and an export to Word numbers them the same.
      result.push({ id: heading.id, depth, path: counters.slice(0, depth), label: '', reference: '' });
      continue;
    }
    counters.length = depth;
    for (let i = 0; i < depth - 1; i++) counters[i] ??= 0;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    const path = counters.slice();
    result.push({ id: heading.id, depth, path, label: format.label(path), reference: format.reference(path) });
  }
  return result;
}

/** The label without its closing full stop: "1." becomes "1", "Article II" stays. */
export function bareNumber(label: string): string {
  return label.endsWith('.') ? label.slice(0, -1) : label;
}
