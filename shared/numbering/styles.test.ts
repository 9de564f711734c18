import { describe, expect, it } from 'vitest';
import { NUMBERING_STYLES } from '../model/document';
import { STYLE_FORMATS, STYLE_NAMES } from './styles';

describe('STYLE_FORMATS', () => {
  it('has a format and a name for every numbering style the model allows', () => {
    expect(Object.keys(STYLE_FORMATS).sort()).toEqual([...NUMBERING_STYLES].sort());
    expect(Object.keys(STYLE_NAMES).sort()).toEqual([...NUMBERING_STYLES].sort());
  });

  it.each<[string, number[], string, string]>([
    ['decimal', [1], '1.', '1'],
    ['decimal', [2, 3], '2.3', '2.3'],
    ['decimal', [2, 3, 1], '2.3.1', '2.3.1'],
    ['decimal', [2, 3, 1, 4], '2.3.1.4', '2.3.1.4'],
    ['decimal', [10, 12], '10.12', '10.12'],
    ['letter-decimal', [1], 'A.', 'A'],
    ['letter-decimal', [1, 1], '1.', 'A.1'],
    ['letter-decimal', [1, 1, 1], '1.1', 'A.1.1'],
    ['letter-decimal', [2, 3, 4, 5], '3.4.5', 'B.3.4.5'],
    ['letter-decimal', [27, 2], '2.', 'AA.2'],
    ['article-section', [1], 'Article I', 'Article I'],
    ['article-section', [4], 'Article IV', 'Article IV'],
    ['article-section', [1, 1], 'Section 1.01', 'Section 1.01'],
    ['article-section', [3, 12], 'Section 3.12', 'Section 3.12'],
    ['article-section', [1, 1, 1], '(a)', 'Section 1.01(a)'],
    ['article-section', [1, 1, 1, 1], '(i)', 'Section 1.01(a)(i)'],
    ['article-section', [2, 3, 2, 4], '(iv)', 'Section 2.03(b)(iv)'],
    ['article-section', [1, 1, 1, 1, 3], '(C)', 'Section 1.01(a)(i)(C)'],
    ['article-section', [1, 1, 1, 1, 1, 7], '(7)', 'Section 1.01(a)(i)(A)(7)'],
    ['article-section', [1, 1, 27], '(aa)', 'Section 1.01(aa)'],
    ['section-sign', [1], '§ 1', '§ 1'],
    ['section-sign', [1, 1], '§ 1.1', '§ 1.1'],
    ['section-sign', [1, 2, 3], '§ 1.2.3', '§ 1.2.3'],
    ['section-sign', [4, 3, 2, 1], '§ 4.3.2.1', '§ 4.3.2.1'],
  ])('%s %j → label %j, reference %j', (style, path, label, reference) => {
    const format = STYLE_FORMATS[style as keyof typeof STYLE_FORMATS];
    expect(format.label(path)).toBe(label);
    expect(format.reference(path)).toBe(reference);
  });
});
