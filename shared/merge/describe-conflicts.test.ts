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
});
