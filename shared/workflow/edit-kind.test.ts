import { describe, expect, it } from 'vitest';
import type { Block } from '../model/document';
import { bold, h, li, p, publishedPolicy } from '../testing/builders';
import { classifyEdit, wordsOf } from './edit-kind';

const SUGGESTED = { id: 'c-abcdef', by: 'Ann', at: '2026-03-01T10:00:00Z' };
const base = (...blocks: Block[]) => publishedPolicy([h(1, 's-intro00001', 'Introduction'), ...blocks]);
const kind = (before: Block[], after: Block[]) => classifyEdit(base(...before), base(...after));

describe('classifying an edit as editorial or substantive', () => {
  it('calls case, punctuation, spacing, apostrophes and marks editorial', () => {
    expect(kind([p('We keep data for 12 months.')], [p('we keep  data, for 12 months')])).toBe('editorial');
    expect(kind([p('We don’t sell data.')], [p("We don't sell data!")])).toBe('editorial');
    expect(kind([p('We keep data.')], [p('We keep ', bold('data'), '.')])).toBe('editorial');
    expect(kind([p('opt-out')], [p('opt out')])).toBe('editorial');
  });

  it('calls list and numbering style, dates, owner and version label editorial', () => {
    expect(kind([li('Email', 'bullet')], [li('Email', 'number')])).toBe('editorial');
    expect(kind([li('Email')], [p('Email')])).toBe('editorial');
    const before = base(p('Text.'));
    expect(classifyEdit(before, { ...before, numbering: 'article-section', effectiveDate: '2026-09-01', lastUpdated: '2026-09-01', owner: 'Privacy', versionLabel: '2.0' })).toBe('editorial');
  });

  it('calls a changed, added, removed or moved word substantive, a corrected typo included', () => {
    expect(kind([p('We keep data for 12 months.')], [p('We keep data for 24 months.')])).toBe('substantive');
    expect(kind([p('We do now share data.')], [p('We do not share data.')])).toBe('substantive');
    expect(kind([p('We share data.')], [p('We never share data.')])).toBe('substantive');
    expect(kind([p('First.'), p('Second.')], [p('Second.'), p('First.')])).toBe('substantive');
    expect(kind([p('A fee of $10.')], [p('A fee of €10.')])).toBe('substantive');
    expect(kind([p('Up to 10%')], [p('Up to 10')])).toBe('substantive');
  });

  it('calls a new link address, a heading level and a title substantive', () => {
    expect(kind([p({ text: 'contact us', link: 'https://a.example' })], [p({ text: 'contact us', link: 'https://b.example' })])).toBe('substantive');
    expect(kind([h(2, 's-sub000001', 'Scope')], [h(1, 's-sub000001', 'Scope')])).toBe('substantive');
    const before = base(p('Text.'));
    expect(classifyEdit(before, { ...before, title: 'Cookie Policy' })).toBe('substantive');
  });

  it('calls adding or settling a suggestion substantive', () => {
    expect(kind([p('We keep data.')], [p('We keep ', { text: 'all ', ins: SUGGESTED }, 'data.')])).toBe('substantive');
    expect(kind([p('We keep data.')], [p('We keep ', { text: 'data', del: SUGGESTED }, '.')])).toBe('substantive');
    expect(kind([p('We keep data.')], [{ ...p('We keep data.'), change: { ...SUGGESTED, kind: 'delete' } } satisfies Block])).toBe('substantive');
  });

  it('reads words across scripts, diacritics and compatibility forms', () => {
    expect(wordsOf('Données à caractère personnel — § 4')).toEqual(['données', 'à', 'caractère', 'personnel', '§', '4']);
    expect(wordsOf('ﬁle')).toEqual(['file']);
    expect(wordsOf('...  ')).toEqual([]);
  });
});
