import { describe, expect, it } from 'vitest';
import type { Run } from '../model/document';
import { h, p, policy } from '../testing/builders';
import type { Heading } from '../model/document';
import { sectionSubtree, suggestionsMatching } from './select';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
const gone = { id: 'c-gone0001', by: 'Ben', at: '2026-12-04T12:00:00Z' };

// Section "Old" is suggested for deletion, so "Scope" is numbered 2 and "Scope"'s subsection 2.1.
const doc = policy([
  h(1, 's-intro0001', 'Intro'),
  p({ text: 'Hello', ins: ana } as Run),
  { ...(h(1, 's-old000001', 'Old') as Heading), change: { ...gone, kind: 'delete' as const }, runs: [{ text: 'Old', del: gone }] },
  h(1, 's-scope0001', 'Scope'),
  h(2, 's-sub000001', 'Sub'),
  p({ text: 'there', ins: ben } as Run),
  h(1, 's-last000001', 'Last'),
]);

describe('choosing suggestions to settle', () => {
  it('takes a section with its subsections, numbered as if everything were accepted', () => {
    expect(sectionSubtree(doc, '2')).toEqual(new Set(['s-scope0001', 's-sub000001']));
    expect(sectionSubtree(doc, '2.1.')).toEqual(new Set(['s-sub000001']));
    expect(sectionSubtree(doc, '4')).toBeNull();
  });

  it('filters by author (any case) and by section', () => {
    expect(suggestionsMatching(doc, {}).map((s) => s.id)).toEqual(['c-ana0001', 'c-gone0001', 'c-ben0001']);
    expect(suggestionsMatching(doc, { author: 'ben' }).map((s) => s.id)).toEqual(['c-gone0001', 'c-ben0001']);
    // The deleted heading belongs to the section before it, as it will once accepted.
    expect(suggestionsMatching(doc, { section: '1' }).map((s) => s.id)).toEqual(['c-ana0001', 'c-gone0001']);
    expect(suggestionsMatching(doc, { section: '2', author: 'Ana' })).toEqual([]);
    expect(suggestionsMatching(doc, { section: '9' })).toEqual([]);
  });
});
