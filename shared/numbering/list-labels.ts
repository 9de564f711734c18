import { toLetters, toRoman } from './counters';

/**
 * The labels of list items, the one home of them: the editor shows them, and the HTML, DOCX and Markdown exporters
 * derive their list markup from the same levels, so a nested list reads alike everywhere.
 */

export type ListKind = 'bullet' | 'number';

/** How a level writes its counter. The names are CSS's list-style types, which HTML's <ol type> letters map onto. */
export type CounterFormat = 'decimal' | 'lower-alpha' | 'lower-roman';

export interface NumberLevel {
  readonly format: CounterFormat;
  /** What follows the counter: "1." or "a)". */
  readonly separator: '.' | ')';
}

/** Depths a list may nest to (indent 0–5), as the editor offers them and Word's list definitions hold them. */
export const LIST_DEPTHS = 6;

// Nested numbered lists go 1. → a) → i. and round again. The third level ends in a full stop, as Word's default
// multilevel list writes roman numerals, so the editor, the HTML and the DOCX show "i." alike.
const NUMBER_CYCLE: readonly NumberLevel[] = [
  { format: 'decimal', separator: '.' },
  { format: 'lower-alpha', separator: ')' },
  { format: 'lower-roman', separator: '.' },
];

// Bullets alternate a dot and a dash, so a nested bullet list shows where each level starts.
const BULLET_CYCLE = ['•', '–'] as const;

const clampDepth = (depth: number): number => Math.min(Math.max(0, Math.trunc(depth)), LIST_DEPTHS - 1);

/** The numbered level at a depth (0 is the outermost). */
export function numberLevel(depth: number): NumberLevel {
  return NUMBER_CYCLE[clampDepth(depth) % NUMBER_CYCLE.length] as NumberLevel;
}

/** A counter written in a level's format: 3 → "3", "c" or "iii". */
export function counterText(format: CounterFormat, n: number): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'lower-alpha':
      return toLetters(n).toLowerCase();
    case 'lower-roman':
      return toRoman(n).toLowerCase();
  }
}

/** The bullet at a depth. */
export function bulletLabel(depth: number): string {
  return BULLET_CYCLE[clampDepth(depth) % BULLET_CYCLE.length] as string;
}

/** What stands before a list item: "3.", "b)", "iv." for a numbered one (its ordinal counts from 1), "•" for a bullet. */
export function listLabel(kind: ListKind, depth: number, ordinal: number): string {
  if (kind === 'bullet') return bulletLabel(depth);
  const level = numberLevel(depth);
  return `${counterText(level.format, ordinal)}${level.separator}`;
}
