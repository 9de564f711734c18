/**
 * Numbers typed by hand at the start of a paragraph: "1.", "1.1.", "2.3.1", "A.", "IV.", "(a)", "(iv)", "Article IV",
 * "Section 2 —", "Section 1.01", "§ 3", "Clause 4", "Subsection 2.", "Paragraph 3". A marker says nothing yet about whether its paragraph is a heading: that is
 * decided in structure.ts, from the whole document.
 */

/**
 * The families of typed numbers. A family is a "kind" of heading number; structure.ts ranks the kinds by where they
 * first appear to find the levels, the way a reader of an outline does.
 */
export type MarkerKind =
  | 'decimal' // 1.  1.1  2.3.1   (depth = number of parts)
  | 'upper-letter' // A.  B.
  | 'upper-roman' // I.  IV.
  | 'article' // Article IV, ARTICLE 4
  | 'section' // Section 2, Section 1.01 (the path is written out, the level is fixed)
  | 'sign' // § 3, § 3.1 (depth = number of parts)
  | 'clause' // Clause 4, Clause 4.2 (depth = number of parts, as decimal)
  | 'subsection' // Subsection 2, Sub-section 2.1 (a level of its own below the sections, whatever it writes)
  | 'paragraph' // Paragraph 3, Para. 3 (a level of its own below the subsections)
  | 'paren-lower' // (a)
  | 'paren-roman' // (iv)
  | 'paren-upper' // (A)
  | 'paren-digit' // (1)
  | 'list-lower' // a)  a.   — list-item markers only, never a section number
  | 'list-roman' // i)  iv.
  | 'list-digit'; // 1)

export interface Marker {
  kind: MarkerKind;
  /** The numbers as written: [2, 3, 1] for "2.3.1", [4] for "Article IV" or "(d)". */
  path: number[];
  /** Characters of the paragraph's text taken by the marker and the separator after it ("1. ", "Section 2 — "). */
  length: number;
  /** The raw marker text, for messages and for putting it back when a paragraph stays body text. */
  text: string;
  /** "(i)" and "I." can be a roman one or the ninth letter: the other reading, resolved from the neighbours. */
  alternative?: { kind: MarkerKind; path: number[] };
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** "iv" → 4; NaN for anything that is not a well-formed roman numeral below 4000. */
export function romanValue(text: string): number {
  const s = text.toLowerCase();
  if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(s) || s === '') return NaN;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN_VALUES[s.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[s.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** "a" → 1, "z" → 26, "aa" → 27 (bijective base 26, as counters.ts writes them). */
export function letterValue(text: string): number {
  let n = 0;
  for (const ch of text.toLowerCase()) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n;
}

// What may follow a marker: white space, or the dash, colon or full stop that "Section 2 — Title" puts after it.
const SEPARATOR = '(?:\\s*[—–:]\\s*|\\s+[-]\\s+|\\.\\s+|\\s+|$)';

interface Form {
  pattern: RegExp;
  read(m: RegExpExecArray): Pick<Marker, 'kind' | 'path' | 'alternative'> | null;
}

const FORMS: readonly Form[] = [
  {
    // Article IV · ARTICLE 4 · Art. 4
    pattern: new RegExp(`^(?:article|art\\.)\\s+([ivxlcdm]+|\\d{1,3})\\b\\.?${SEPARATOR}`, 'i'),
    read(m) {
      const n = /^\d/.test(m[1] ?? '') ? Number(m[1]) : romanValue(m[1] ?? '');
      return Number.isFinite(n) && n > 0 ? { kind: 'article', path: [n] } : null;
    },
  },
  {
    // Section 2 · Section 1.01 · SECTION 2.3.
    pattern: new RegExp(`^(?:section|sect\\.|sec\\.)\\s+(\\d{1,3}(?:\\.\\d{1,3}){0,4})\\.?${SEPARATOR}`, 'i'),
    read: (m) => ({ kind: 'section', path: parts(m[1]) }),
  },
  {
    // Clause 4 · Clause 4.2 · CLAUSE 4 —
    pattern: new RegExp(`^(?:clause|cl\\.)\\s+(\\d{1,3}(?:\\.\\d{1,3}){0,4})\\.?${SEPARATOR}`, 'i'),
    read: (m) => ({ kind: 'clause', path: parts(m[1]) }),
  },
  {
    // Subsection 2 · Sub-section 2.1 · Paragraph 3 · Para. 3: the number's last part counts at its one level
    pattern: new RegExp(`^(sub-?section|subsec\\.|paragraph|para\\.)\\s+(\\d{1,3}(?:\\.\\d{1,3}){0,4})\\.?${SEPARATOR}`, 'i'),
    read: (m) => ({ kind: /^sub/i.test(m[1] ?? '') ? 'subsection' : 'paragraph', path: parts(m[2]).slice(-1) }),
  },
  {
    // § 3 · §3.1 · §§ is a range, not a heading
    pattern: new RegExp(`^§(?!§)\\s*(\\d{1,3}(?:\\.\\d{1,3}){0,5})\\.?${SEPARATOR}`),
    read: (m) => ({ kind: 'sign', path: parts(m[1]) }),
  },
  {
    // 1.  1.1  1.1.  2.3.1 — a single number needs its full stop ("1 Introduction" is too easily a count)
    pattern: /^(\d{1,3}(?:\.\d{1,3}){1,5})\.?(?:\s+|$)|^(\d{1,3})\.(?:\s+|$)/,
    read: (m) => ({ kind: 'decimal', path: parts(m[1] ?? m[2]) }),
  },
  {
    // (a) (iv) (A) (1)
    pattern: /^\(([a-z]{1,2}|[A-Z]{1,2}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6}|\d{1,2})\)(?:\s+|$)/,
    read: (m) => paren(m[1] ?? ''),
  },
  {
    // A.  IV.  — capitals with a full stop, followed by a capitalised word (so "I. e." and initials stay text)
    pattern: /^([A-Z]|[IVXLCDM]{1,6})\.\s+(?=[\p{Lu}\p{N}"“'‘(])/u,
    read(m) {
      const s = m[1] ?? '';
      const roman = romanValue(s);
      const letter = s.length === 1 ? letterValue(s) : NaN;
      if (Number.isFinite(roman) && Number.isFinite(letter)) {
        return { kind: 'upper-roman', path: [roman], alternative: { kind: 'upper-letter', path: [letter] } };
      }
      if (Number.isFinite(roman)) return { kind: 'upper-roman', path: [roman] };
      if (Number.isFinite(letter)) return { kind: 'upper-letter', path: [letter] };
      return null;
    },
  },
  {
    // a)  a.  i)  iv.  1)
    pattern: /^([a-z]|[ivx]{1,5}|\d{1,2})[.)](?:\s+|$)/,
    read(m) {
      const s = m[1] ?? '';
      if (/^\d/.test(s)) {
        // "1." is a decimal form above; only "1)" arrives here
        return { kind: 'list-digit', path: [Number(s)] };
      }
      const roman = romanValue(s);
      const letter = s.length === 1 ? letterValue(s) : NaN;
      if (Number.isFinite(roman) && Number.isFinite(letter)) {
        return { kind: 'list-roman', path: [roman], alternative: { kind: 'list-lower', path: [letter] } };
      }
      if (Number.isFinite(roman)) return { kind: 'list-roman', path: [roman] };
      return Number.isFinite(letter) ? { kind: 'list-lower', path: [letter] } : null;
    },
  },
];

function parts(text: string | undefined): number[] {
  return (text ?? '').split('.').map(Number);
}

function paren(s: string): Pick<Marker, 'kind' | 'path' | 'alternative'> | null {
  if (/^\d+$/.test(s)) return { kind: 'paren-digit', path: [Number(s)] };
  const lower = s === s.toLowerCase();
  const roman = romanValue(s);
  const letter = /^([a-zA-Z])\1?$/.test(s) ? letterValueDoubled(s) : NaN;
  const romanKind: MarkerKind = lower ? 'paren-roman' : 'paren-upper';
  const letterKind: MarkerKind = lower ? 'paren-lower' : 'paren-upper';
  if (!lower) {
    // (A), (B) … and (I), (II): upper case is one family either way, counted as letters unless only roman fits
    if (Number.isFinite(letter)) return { kind: 'paren-upper', path: [letter] };
    return Number.isFinite(roman) ? { kind: 'paren-upper', path: [roman] } : null;
  }
  if (Number.isFinite(roman) && Number.isFinite(letter)) {
    return { kind: romanKind, path: [roman], alternative: { kind: letterKind, path: [letter] } };
  }
  if (Number.isFinite(roman)) return { kind: romanKind, path: [roman] };
  return Number.isFinite(letter) ? { kind: letterKind, path: [letter] } : null;
}

/** "(aa)" is the 27th, as counters.ts writes letters past z. */
function letterValueDoubled(s: string): number {
  return s.length === 2 ? 26 + letterValue(s.charAt(0)) : letterValue(s);
}

/** The typed number at the start of `text`, if there is one. */
export function readMarker(text: string): Marker | null {
  for (const form of FORMS) {
    const m = form.pattern.exec(text);
    if (!m) continue;
    const read = form.read(m);
    if (!read || read.path.some((n) => !Number.isFinite(n) || n < 0)) continue;
    return { ...read, length: m[0].length, text: m[0].trim() };
  }
  return null;
}

/** A bullet typed by hand: "- ", "• ", "* ", "– ", "◦ ", "▪ ", "· ". Returns the length to remove. */
export function readTypedBullet(text: string): number {
  const m = /^(?:[-*•–◦▪▫●○■□·‣⁃➢➤►✓✔]|o(?=\s))\s+(?=\S)/u.exec(text);
  return m ? m[0].length : 0;
}

/** Kinds that can number a section. The list-* kinds only ever number list items. */
export function isSectionKind(kind: MarkerKind): boolean {
  return !kind.startsWith('list-');
}
