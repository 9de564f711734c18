import { describe, expect, it } from 'vitest';
import { h, p } from '../testing/builders';
import { describeConflicts } from './describe-conflicts';

describe('conflicts in words', () => {
  it('names a section by the title both started from, and shows only the paragraphs that differ', () => {
    const base = [h(1, 's-retain001', 'Retention'), p('Same.'), p('Kept for a year.')];
    const mine = [h(1, 's-retain001', 'Retention (mine)'), p('Same.'), p('Kept for two years.')];
    const theirs = [h(1, 's-retain001', 'Retention'), p('Same.'), p('Kept for six months.')];
    expect(describeConflicts([{ kind: 'both-edited', key: 's-retain001', base, mine, theirs }])).toEqual([
      { where: 'Section “Retention”', mine: 'Retention (mine) Kept for two years.', theirs: 'Retention Kept for six months.' },
    ]);
  });

  it('says deleted for a side that removed the section, and shortens long text', () => {
    const long = 'word '.repeat(100);
    const [summary] = describeConflicts([{ kind: 'deleted-by-them', key: 's-gone00001', base: [h(1, 's-gone00001', 'Gone')], mine: [h(1, 's-gone00001', 'Gone'), p(long)], theirs: null }]);
    expect(summary?.theirs).toBe('deleted');
    expect(summary?.mine.length).toBeLessThanOrEqual(160);
    expect(summary?.mine.endsWith('…')).toBe(true);
  });

  it('names a detail and a whole file', () => {
    expect(describeConflicts([{ kind: 'detail', field: 'owner', base: 'Legal', mine: 'Privacy', theirs: 'Security' }])).toEqual([
      { where: 'The owner', mine: 'Privacy', theirs: 'Security' },
    ]);
    expect(describeConflicts([{ kind: 'whole-file', base: 'a', mine: null, theirs: 'b' }])).toEqual([{ where: 'The whole file', mine: 'deleted', theirs: 'changed' }]);
  });

  it('reads a cross-reference as the number its section has on each side, never its placeholder', () => {
    const ref = { text: '{{ref:s-rights0001}}', ref: 's-rights0001' };
    const base = [h(1, 's-retain001', 'Retention'), p('See ', ref, '.')];
    const mine = [h(1, 's-retain001', 'Retention'), p('As ', ref, ' says.')];
    const theirs = [h(1, 's-retain001', 'Retention'), p('Under ', ref, '.')];
    const [summary] = describeConflicts([{ kind: 'both-edited', key: 's-retain001', base, mine, theirs }], {
      mine: new Map([['s-rights0001', { number: '4', title: 'Your Rights' }]]),
      theirs: new Map([['s-rights0001', { number: '5', title: 'Your Rights' }]]),
    });
    expect(summary).toEqual({ where: 'Section “Retention”', mine: 'As 4 says.', theirs: 'Under 5.' });
  });
});
