import { describe, expect, it } from 'vitest';
import type { CommentEntry, SuggestionEntry } from '../../shared/review/list';
import { EVERYTHING_OPEN, filterReview, reviewAuthors, reviewSections, shownSuggestionIds, type ReviewLists } from './review-filter';

const at = '2026-12-05T10:00:00Z';
const suggestion = (id: string, by: string, sectionId: string | null, block: number): SuggestionEntry => ({
  id,
  by,
  at,
  kinds: ['insert'],
  inserted: 'x',
  deleted: '',
  sectionId,
  sectionNumber: sectionId === 's-two0000000' ? '2' : '1',
  block,
});
const comment = (id: string, by: string, sectionId: string | null, block: number | null, extra: Partial<CommentEntry['thread']> = {}): CommentEntry => ({
  thread: { id, by, at, text: 'Why?', ...extra },
  sectionId,
  sectionNumber: sectionId === null ? null : sectionId === 's-two0000000' ? '2' : '1',
  quote: '',
  orphaned: sectionId === null,
  block,
});

const lists: ReviewLists = {
  suggestions: [suggestion('c-one000', 'Ada', 's-one0000000', 1), suggestion('c-two000', 'Bea', 's-two0000000', 3)],
  comments: [
    comment('k-one000', 'Ada', 's-one0000000', 1),
    comment('k-two000', 'Bea', 's-two0000000', 3, { resolved: true, replies: [{ id: 'k-rep000', by: 'Cy', at, text: 'Done.' }] }),
    comment('k-orphan', 'Cy', null, null),
  ],
};
const ids = (shown: ReviewLists) => [...shown.suggestions.map((s) => s.id), ...shown.comments.map((c) => c.thread.id)];

describe('the review list filters', () => {
  it('show what is open by default: every suggestion and the unresolved threads, orphaned ones included', () => {
    expect(ids(filterReview(lists, EVERYTHING_OPEN))).toEqual(['c-one000', 'c-two000', 'k-one000', 'k-orphan']);
  });

  it('show only resolved threads when asked, and everything with "all"', () => {
    expect(ids(filterReview(lists, { ...EVERYTHING_OPEN, status: 'resolved' }))).toEqual(['k-two000']);
    expect(ids(filterReview(lists, { ...EVERYTHING_OPEN, status: 'all' }))).toHaveLength(5);
  });

  it('find a person by what they suggested, started or replied to', () => {
    expect(ids(filterReview(lists, { status: 'all', author: 'Bea', section: null }))).toEqual(['c-two000', 'k-two000']);
    expect(ids(filterReview(lists, { status: 'all', author: 'Cy', section: null }))).toEqual(['k-two000', 'k-orphan']);
  });

  it('keep to a section, where an orphaned thread is not', () => {
    expect(ids(filterReview(lists, { status: 'all', author: null, section: 's-two0000000' }))).toEqual(['c-two000', 'k-two000']);
  });

  it('give "Accept all" only the suggestions shown', () => {
    expect([...shownSuggestionIds(filterReview(lists, { ...EVERYTHING_OPEN, author: 'Ada' }))]).toEqual(['c-one000']);
    expect(shownSuggestionIds(filterReview(lists, { ...EVERYTHING_OPEN, status: 'resolved' })).size).toBe(0);
  });

  it('offer every author and every section listed, in order', () => {
    expect(reviewAuthors(lists)).toEqual(['Ada', 'Bea', 'Cy']);
    expect(reviewSections(lists)).toEqual([
      { id: 's-one0000000', number: '1' },
      { id: 's-two0000000', number: '2' },
    ]);
  });
});
