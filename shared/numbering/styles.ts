import type { NumberingStyle } from '../model/document';
import { toLetters, toRoman, twoDigits } from './counters';

/**
 * How one numbering style writes a section's position. `path` holds the section's ordinal at each depth, from the top
 * (so 2.3.1 is [2, 3, 1]).
 * - label: what the document shows before the heading ("1.", "A.", "Article II", "(a)").
 * - reference: what a cross-reference would say, unambiguous within the document ("A.1", "Section 2.01(a)").
 */
export interface StyleFormat {
  label(path: readonly number[]): string;
  reference(path: readonly number[]): string;
}

const at = (path: readonly number[], index: number): number => path[index] ?? 0;

const decimal: StyleFormat = {
  label: (path) => (path.length === 1 ? `${at(path, 0)}.` : path.join('.')),
  reference: (path) => path.join('.'),
};

const letterDecimal: StyleFormat = {
  label(path) {
    if (path.length === 1) return `${toLetters(at(path, 0))}.`;
    const below = path.slice(1);
    return below.length === 1 ? `${at(below, 0)}.` : below.join('.');
  },
  reference: (path) => [toLetters(at(path, 0)), ...path.slice(1)].join('.'),
};

// Below "Section 1.01" a contract descends through (a), (i), (A), (1), as US agreements usually do.
const subClause = [
  (n: number) => `(${toLetters(n).toLowerCase()})`,
  (n: number) => `(${toRoman(n).toLowerCase()})`,
  (n: number) => `(${toLetters(n)})`,
  (n: number) => `(${n})`,
];

const articleSection: StyleFormat = {
  label(path) {
    if (path.length === 1) return `Article ${toRoman(at(path, 0))}`;
    if (path.length === 2) return `Section ${at(path, 0)}.${twoDigits(at(path, 1))}`;
    const depth = path.length - 3;
    const write = subClause[Math.min(depth, subClause.length - 1)] ?? String;
    return write(at(path, path.length - 1));
  },
  reference(path) {
    if (path.length === 1) return `Article ${toRoman(at(path, 0))}`;
    let ref = `Section ${at(path, 0)}.${twoDigits(at(path, 1))}`;
    for (let i = 2; i < path.length; i++) {
      const write = subClause[Math.min(i - 2, subClause.length - 1)] ?? String;
      ref += write(at(path, i));
    }
    return ref;
  },
};

const sectionSign: StyleFormat = {
  label: (path) => `§ ${path.join('.')}`,
  reference: (path) => `§ ${path.join('.')}`,
};

export const STYLE_FORMATS: Readonly<Record<NumberingStyle, StyleFormat>> = {
  decimal,
  'letter-decimal': letterDecimal,
  'article-section': articleSection,
  'section-sign': sectionSign,
};

export const STYLE_NAMES: Readonly<Record<NumberingStyle, string>> = {
  decimal: 'Decimal (1, 1.1, 1.1.1)',
  'letter-decimal': 'Letters, then decimal (A., 1., 1.1)',
  'article-section': 'Article / Section (Article I, Section 1.01)',
  'section-sign': 'Section sign (§ 1, § 1.1)',
};
