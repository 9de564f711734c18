import { describe, expect, it } from 'vitest';
import type { Run } from '../model/document';
import { mergeRuns } from './normalize';

describe('mergeRuns', () => {
  it.each<[string, Run[], Run[]]>([
    ['joins plain runs', [{ text: 'a' }, { text: 'b' }, { text: 'c' }], [{ text: 'abc' }]],
    [
      'keeps a cross-reference apart from the text beside it and from the next reference',
      [{ text: 'See ' }, { text: '{{ref:s-aaaaaa}}', ref: 's-aaaaaa' }, { text: '{{ref:s-aaaaaa}}', ref: 's-aaaaaa' }, { text: '.' }],
      [{ text: 'See ' }, { text: '{{ref:s-aaaaaa}}', ref: 's-aaaaaa' }, { text: '{{ref:s-aaaaaa}}', ref: 's-aaaaaa' }, { text: '.' }],
    ],
    [
      "keeps a footnote's mark apart from the text beside it and from the next mark",
      [{ text: 'Data' }, { text: '{{note:n-aaaaaa}}', note: 'n-aaaaaa' }, { text: '{{note:n-bbbbbb}}', note: 'n-bbbbbb' }, { text: '.' }],
      [{ text: 'Data' }, { text: '{{note:n-aaaaaa}}', note: 'n-aaaaaa' }, { text: '{{note:n-bbbbbb}}', note: 'n-bbbbbb' }, { text: '.' }],
    ],
    ['joins runs with the same marks', [{ text: 'a', marks: ['bold'] }, { text: 'b', marks: ['bold'] }], [{ text: 'ab', marks: ['bold'] }]],
    [
      'treats marks as a set, whatever their order',
      [{ text: 'a', marks: ['bold', 'italic'] }, { text: 'b', marks: ['italic', 'bold'] }],
      [{ text: 'ab', marks: ['bold', 'italic'] }],
    ],
    ['treats no marks and empty marks alike', [{ text: 'a' }, { text: 'b', marks: [] }], [{ text: 'ab' }]],
    [
      'keeps different marks apart',
      [{ text: 'a', marks: ['bold'] }, { text: 'b', marks: ['italic'] }, { text: 'c' }],
      [{ text: 'a', marks: ['bold'] }, { text: 'b', marks: ['italic'] }, { text: 'c' }],
    ],
    [
      'keeps a repeated mark apart from two different marks',
      [{ text: 'a', marks: ['bold', 'bold'] }, { text: 'b', marks: ['bold', 'italic'] }],
      [{ text: 'a', marks: ['bold', 'bold'] }, { text: 'b', marks: ['bold', 'italic'] }],
    ],
    ['treats a repeated mark as the mark once', [{ text: 'a', marks: ['bold', 'bold'] }, { text: 'b', marks: ['bold'] }], [{ text: 'ab', marks: ['bold', 'bold'] }]],
    [
      'joins runs with the same link',
      [{ text: 'a', link: 'https://x.example' }, { text: 'b', link: 'https://x.example' }],
      [{ text: 'ab', link: 'https://x.example' }],
    ],
    [
      'keeps different links apart, and a link apart from no link',
      [{ text: 'a', link: 'https://x.example' }, { text: 'b', link: 'https://y.example' }, { text: 'c' }],
      [{ text: 'a', link: 'https://x.example' }, { text: 'b', link: 'https://y.example' }, { text: 'c' }],
    ],
    ['drops empty runs', [{ text: '' }, { text: 'a', marks: ['bold'] }, { text: '', marks: ['italic'] }], [{ text: 'a', marks: ['bold'] }]],
    [
      'joins across a dropped empty run',
      [{ text: 'a', marks: ['bold'] }, { text: '' }, { text: 'b', marks: ['bold'] }],
      [{ text: 'ab', marks: ['bold'] }],
    ],
    ['gives nothing for only empty runs', [{ text: '' }, { text: '' }], []],
    ['gives nothing for nothing', [], []],
  ])('%s', (_what, input, output) => {
    expect(mergeRuns(input)).toEqual(output);
  });

  it('does not change its input', () => {
    const input: Run[] = [{ text: 'a', marks: ['bold'] }, { text: 'b', marks: ['bold'] }];
    const copy = structuredClone(input);
    mergeRuns(input);
    expect(input).toEqual(copy);
  });

  it('keeps the text, in order', () => {
    const input: Run[] = [{ text: 'Who ' }, { text: '' }, { text: 'We', marks: ['bold'] }, { text: ' Are' }, { text: '.' }];
    expect(mergeRuns(input).map((r) => r.text).join('')).toBe('Who We Are.');
    expect(mergeRuns(input)).toHaveLength(3);
  });
});
