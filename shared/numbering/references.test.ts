import { describe, expect, it } from 'vitest';
import type { Block } from '../model/document';
import type { NUMBERING_STYLES } from '../model/vocabulary';
import { numberSections } from './number';
import { outlineOf } from './outline';
import { MISSING_REFERENCE_TEXT, numbersGiven, referenceTargets, referenceText } from './references';

const heading = (id: string, level: number, title: string): Block => ({ kind: 'heading', id, level, runs: [{ text: title }] });
const blocks: Block[] = [
  heading('s-aaaaaa', 1, 'Scope'),
  heading('s-bbbbbb', 2, 'Who'),
  heading('s-cccccc', 1, 'Security'),
  heading('s-dddddd', 2, 'Access'),
  heading('s-eeeeee', 3, 'Keys'),
];

describe('referenceTargets', () => {
  it('writes each section as a cross-reference does, in every numbering style', () => {
    const refs = (style: (typeof NUMBERING_STYLES)[number]) => [...referenceTargets(blocks, style).values()].map((t) => t.number);
    expect(refs('decimal')).toEqual(['1', '1.1', '2', '2.1', '2.1.1']);
    expect(refs('letter-decimal')).toEqual(['A', 'A.1', 'B', 'B.1', 'B.1.1']);
    expect(refs('article-section')).toEqual(['Article I', 'Section 1.01', 'Article II', 'Section 2.01', 'Section 2.01(a)']);
    expect(refs('section-sign')).toEqual(['§ 1', '§ 1.1', '§ 2', '§ 2.1', '§ 2.1.1']);
  });

  it('follows a section when the sections before it move', () => {
    const moved = [blocks[2], blocks[3], blocks[4], blocks[0], blocks[1]] as Block[];
    expect(referenceTargets(moved, 'decimal').get('s-eeeeee')?.number).toBe('1.1.1');
  });
});

describe('numbers worked out once', () => {
  const headingsOf = (list: Block[]) => list.flatMap((b) => (b.kind === 'heading' ? [{ id: b.id, level: b.level }] : []));
  const numbers = numberSections(headingsOf(blocks), 'decimal');

  it('are used where they are these headings\' numbers', () => {
    expect(numbersGiven(numbers, headingsOf(blocks))).toBe(numbers);
    const givenOnce = referenceTargets(blocks, 'decimal', undefined, numbers);
    expect(givenOnce).toEqual(referenceTargets(blocks, 'decimal'));
    expect(outlineOf({ blocks, numbering: 'decimal' }, undefined, numbers)).toEqual(outlineOf({ blocks, numbering: 'decimal' }));
  });

  it('are not used for other headings: a section moved, added or taken away is numbered again', () => {
    const moved = [blocks[2], blocks[3], blocks[4], blocks[0], blocks[1]] as Block[];
    expect(numbersGiven(numbers, headingsOf(moved))).toBeUndefined();
    expect(numbersGiven(numbers, headingsOf(blocks.slice(1)))).toBeUndefined();
    expect(referenceTargets(moved, 'decimal', undefined, numbers).get('s-eeeeee')?.number).toBe('1.1.1');
    expect(outlineOf({ blocks: moved, numbering: 'decimal' }, undefined, numbers).map((e) => e.number)).toEqual(['1', '1.1', '1.1.1', '2', '2.1']);
  });
});

describe('referenceText', () => {
  const targets = referenceTargets(blocks, 'decimal');
  it('shows the number, or the number and title', () => {
    expect(referenceText({ ref: 's-dddddd' }, targets)).toBe('2.1');
    expect(referenceText({ ref: 's-dddddd', refTitle: true }, targets)).toBe('2.1 (Access)');
  });
  it('flags a reference whose section is gone', () => {
    expect(referenceText({ ref: 's-gone00' }, targets)).toBe(MISSING_REFERENCE_TEXT);
  });
});
