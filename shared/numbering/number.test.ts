import { describe, expect, it } from 'vitest';
import type { NumberingStyle } from '../model/document';
import { sectionEnd } from '../model/sections';
import { bareNumber, numberSections, type HeadingRef } from './number';
import { seeded } from '../../shared/testing/seeded-random';

/** Headings h0, h1, … at the given levels. */
function headings(levels: readonly number[]): HeadingRef[] {
  return levels.map((level, i) => ({ id: `h${i}`, level }));
}

function labels(levels: readonly number[], style: NumberingStyle): string[] {
  return numberSections(headings(levels), style).map((n) => n.label);
}

function references(levels: readonly number[], style: NumberingStyle): string[] {
  return numberSections(headings(levels), style).map((n) => n.reference);
}

// Four levels deep, back up to the top, and a second branch: enough to see every separator and every reset.
const OUTLINE = [1, 2, 3, 4, 4, 3, 2, 1, 2, 3];

describe('numberSections, every style to four levels', () => {
  it('decimal: 1., 1.1, 1.1.1, 1.1.1.1', () => {
    expect(labels(OUTLINE, 'decimal')).toEqual(['1.', '1.1', '1.1.1', '1.1.1.1', '1.1.1.2', '1.1.2', '1.2', '2.', '2.1', '2.1.1']);
    expect(references(OUTLINE, 'decimal')).toEqual(['1', '1.1', '1.1.1', '1.1.1.1', '1.1.1.2', '1.1.2', '1.2', '2', '2.1', '2.1.1']);
  });

  it('letter-decimal: A., 1., 1.1, 1.1.1; references A.1.1', () => {
    expect(labels(OUTLINE, 'letter-decimal')).toEqual(['A.', '1.', '1.1', '1.1.1', '1.1.2', '1.2', '2.', 'B.', '1.', '1.1']);
    expect(references(OUTLINE, 'letter-decimal')).toEqual([
      'A',
      'A.1',
      'A.1.1',
      'A.1.1.1',
      'A.1.1.2',
      'A.1.2',
      'A.2',
      'B',
      'B.1',
      'B.1.1',
    ]);
  });

  it('article-section: Article I, Section 1.01, (a), (i); references Section 1.01(a)(i)', () => {
    expect(labels(OUTLINE, 'article-section')).toEqual([
      'Article I',
      'Section 1.01',
      '(a)',
      '(i)',
      '(ii)',
      '(b)',
      'Section 1.02',
      'Article II',
      'Section 2.01',
      '(a)',
    ]);
    expect(references(OUTLINE, 'article-section')).toEqual([
      'Article I',
      'Section 1.01',
      'Section 1.01(a)',
      'Section 1.01(a)(i)',
      'Section 1.01(a)(ii)',
      'Section 1.01(b)',
      'Section 1.02',
      'Article II',
      'Section 2.01',
      'Section 2.01(a)',
    ]);
  });

  it('article-section goes on below four levels: (A) then (1)', () => {
    expect(labels([1, 2, 3, 4, 5, 6], 'article-section')).toEqual(['Article I', 'Section 1.01', '(a)', '(i)', '(A)', '(1)']);
    expect(references([1, 2, 3, 4, 5, 6], 'article-section').at(-1)).toBe('Section 1.01(a)(i)(A)(1)');
  });

  it('section-sign: § 1, § 1.1, § 1.1.1, § 1.1.1.1', () => {
    expect(labels(OUTLINE, 'section-sign')).toEqual(['§ 1', '§ 1.1', '§ 1.1.1', '§ 1.1.1.1', '§ 1.1.1.2', '§ 1.1.2', '§ 1.2', '§ 2', '§ 2.1', '§ 2.1.1']);
    expect(references(OUTLINE, 'section-sign')).toEqual(labels(OUTLINE, 'section-sign'));
  });

  it('keeps ids, depths and paths in step with the headings', () => {
    const numbers = numberSections(headings(OUTLINE), 'decimal');
    expect(numbers.map((n) => n.id)).toEqual(OUTLINE.map((_, i) => `h${i}`));
    expect(numbers.map((n) => n.depth)).toEqual(OUTLINE);
    expect(numbers[4]?.path).toEqual([1, 1, 1, 2]);
  });

  it('numbers nothing for no headings', () => {
    expect(numberSections([], 'decimal')).toEqual([]);
  });

  it('accepts any iterable, not only arrays', () => {
    function* gen(): Generator<HeadingRef> {
      yield { id: 'a', level: 1 };
      yield { id: 'b', level: 2 };
    }
    expect(numberSections(gen(), 'decimal').map((n) => n.label)).toEqual(['1.', '1.1']);
  });
});

describe('renumbering', () => {
  it('shifts the numbers after an inserted section and keeps every id on its heading', () => {
    const before = [
      { id: 'intro', level: 1 },
      { id: 'scope', level: 2 },
      { id: 'terms', level: 1 },
      { id: 'fees', level: 2 },
      { id: 'taxes', level: 2 },
    ];
    const after = [...before.slice(0, 3), { id: 'new', level: 2 }, ...before.slice(3)];
    const byId = (list: HeadingRef[]) => Object.fromEntries(numberSections(list, 'decimal').map((n) => [n.id, n.label]));
    expect(byId(before)).toEqual({ intro: '1.', scope: '1.1', terms: '2.', fees: '2.1', taxes: '2.2' });
    expect(byId(after)).toEqual({ intro: '1.', scope: '1.1', terms: '2.', new: '2.1', fees: '2.2', taxes: '2.3' });
  });

  it('closes the gap after a deleted section, including its subsections', () => {
    const list = [
      { id: 'a', level: 1 },
      { id: 'b', level: 1 },
      { id: 'b1', level: 2 },
      { id: 'c', level: 1 },
      { id: 'c1', level: 2 },
    ];
    const withoutB = list.filter((h) => !h.id.startsWith('b'));
    expect(numberSections(list, 'article-section').map((n) => n.label)).toEqual([
      'Article I',
      'Article II',
      'Section 2.01',
      'Article III',
      'Section 3.01',
    ]);
    expect(numberSections(withoutB, 'article-section').map((n) => [n.id, n.label])).toEqual([
      ['a', 'Article I'],
      ['c', 'Article II'],
      ['c1', 'Section 2.01'],
    ]);
  });

  it('gives the same answer computed twice on the same list (no state kept between calls)', () => {
    const list = headings([1, 2, 2, 1, 3]);
    expect(numberSections(list, 'letter-decimal')).toEqual(numberSections(list, 'letter-decimal'));
  });
});

describe('level jumps', () => {
  it.each<[number[], string[]]>([
    [[1, 3], ['1.', '1.1']],
    [[1, 4], ['1.', '1.1']],
    [[1, 6, 6], ['1.', '1.1', '1.2']],
    [[1, 3, 3], ['1.', '1.1', '1.2']],
    [[1, 2, 4], ['1.', '1.1', '1.1.1']],
    [[1, 3, 4], ['1.', '1.1', '1.1.1']],
    [[1, 3, 2], ['1.', '1.1', '1.2']],
    [[1, 3, 2, 3], ['1.', '1.1', '1.2', '1.2.1']],
    [[3], ['1.']],
    [[2, 2], ['1.', '2.']],
    [[2, 3, 2], ['1.', '1.1', '2.']],
    [[2, 1, 2], ['1.', '2.', '2.1']],
    [[1, 4, 1, 4], ['1.', '1.1', '2.', '2.1']],
  ])('levels %j are numbered %j', (levels, expected) => {
    const got = labels(levels, 'decimal');
    expect(got).toEqual(expected);
    for (const label of got) expect(label).not.toMatch(/(^|\.)0(\.|$)/);
  });

  it('never writes a 0 anywhere, for any level sequence', () => {
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      const levels = Array.from({ length: 1 + Math.floor(random() * 15) }, () => 1 + Math.floor(random() * 6));
      for (const n of numberSections(headings(levels), 'decimal')) {
        expect(n.path.every((p) => p >= 1)).toBe(true);
        expect(n.depth).toBe(n.path.length);
      }
    }
  });

  it('agrees with the section structure: a heading is numbered under another exactly when it lies inside its section', () => {
    const random = seeded(42);
    for (let round = 0; round < 300; round++) {
      const levels = Array.from({ length: 1 + Math.floor(random() * 12) }, () => 1 + Math.floor(random() * 4));
      const numbers = numberSections(headings(levels), 'decimal');
      for (let i = 0; i < levels.length; i++) {
        const end = sectionEnd(levels, i);
        for (let j = i + 1; j < levels.length; j++) {
          const inside = j < end;
          const pi = numbers[i]?.path ?? [];
          const pj = numbers[j]?.path ?? [];
          const numberedUnder = pj.length > pi.length && pi.every((p, k) => pj[k] === p);
          if (numberedUnder !== inside) {
            throw new Error(`levels ${JSON.stringify(levels)}: heading ${j} (${pj.join('.')}) vs heading ${i} (${pi.join('.')})`);
          }
        }
      }
    }
  });
});

describe('long runs of siblings', () => {
  it('letters go past Z to AA', () => {
    const got = labels(Array<number>(28).fill(1), 'letter-decimal');
    expect(got[25]).toBe('Z.');
    expect(got[26]).toBe('AA.');
    expect(got[27]).toBe('AB.');
  });

  it('article numbers are roman: 4 → IV, 9 → IX, 14 → XIV, 40 → XL', () => {
    const got = labels(Array<number>(40).fill(1), 'article-section');
    expect(got[3]).toBe('Article IV');
    expect(got[8]).toBe('Article IX');
    expect(got[13]).toBe('Article XIV');
    expect(got[39]).toBe('Article XL');
  });

  it('sections past nine keep two digits and past 99 grow', () => {
    const got = labels([1, ...Array<number>(100).fill(2)], 'article-section');
    expect(got[9]).toBe('Section 1.09');
    expect(got[10]).toBe('Section 1.10');
    expect(got[100]).toBe('Section 1.100');
  });

  it('sub-clause letters go past (z) to (aa)', () => {
    const got = references([1, 2, ...Array<number>(27).fill(3)], 'article-section');
    expect(got[27]).toBe('Section 1.01(z)');
    expect(got[28]).toBe('Section 1.01(aa)');
  });
});

describe('bareNumber', () => {
  it.each([
    ['1.', '1'],
    ['A.', 'A'],
    ['1.2', '1.2'],
    ['Article II', 'Article II'],
    ['Section 1.01', 'Section 1.01'],
    ['(a)', '(a)'],
    ['§ 1.1', '§ 1.1'],
  ])('%j → %j', (label, number) => expect(bareNumber(label)).toBe(number));
});


describe('numberSections with headings that take no number', () => {
  const mixed = (levels: readonly number[], unnumbered: readonly number[], style: NumberingStyle) =>
    numberSections(levels.map((level, i) => ({ id: `h${i}`, level, unnumbered: unnumbered.includes(i) })), style);

  it('a summary before "A." leaves the letters as typed (letter-decimal)', () => {
    const numbers = mixed([1, 1, 2, 1, 1], [0, 4], 'letter-decimal');
    expect(numbers.map((n) => n.label)).toEqual(['', 'A.', '1.', 'B.', '']);
    expect(numbers.map((n) => n.reference)).toEqual(['', 'A', 'A.1', 'B', '']);
  });

  it('numbered headings after an unnumbered one go on from the last number, as Word does (decimal)', () => {
    expect(mixed([1, 2, 1, 2, 1], [2], 'decimal').map((n) => n.label)).toEqual(['1.', '1.1', '', '1.2', '2.']);
  });

  it('an unnumbered heading still opens a section: depth and tree are kept', () => {
    const numbers = mixed([1, 1, 2, 2], [1], 'decimal');
    expect(numbers.map((n) => n.depth)).toEqual([1, 1, 2, 2]);
  });

  it('gives every style an empty label and reference for it', () => {
    for (const style of ['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const) {
      const [first, second] = mixed([1, 1], [0], style);
      expect([first?.label, first?.reference]).toEqual(['', '']);
      expect(second?.label).toBe(labels([1], style)[0]);
    }
  });
});
