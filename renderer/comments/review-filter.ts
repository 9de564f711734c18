import type { CommentEntry, SuggestionEntry } from '../../shared/review/list';

/**
 * The review list's filters, as pure functions of the lists shared/review/list.ts makes: what the panel shows, and
 * which suggestions "Accept all" and "Reject all" reach (exactly those shown).
 */
export interface ReviewFilter {
  /** Open: suggestions (always open until decided) and unresolved threads; resolved: resolved threads only. */
  readonly status: 'open' | 'resolved' | 'all';
  /** Only what this person suggested, or started or replied to; null for everyone. */
  readonly author: string | null;
  /** Only what is in this section (its id); null for the whole document. Orphaned threads are in no section. */
  readonly section: string | null;
}

export const EVERYTHING_OPEN: ReviewFilter = { status: 'open', author: null, section: null };

export interface ReviewLists {
  readonly suggestions: readonly SuggestionEntry[];
  readonly comments: readonly CommentEntry[];
}

function threadAuthors(entry: CommentEntry): string[] {
  return [entry.thread.by, ...(entry.thread.replies ?? []).map((reply) => reply.by)];
}

export function filterReview(lists: ReviewLists, filter: ReviewFilter): ReviewLists {
  const inSection = (sectionId: string | null) => filter.section === null || sectionId === filter.section;
  const suggestions =
    filter.status === 'resolved' ? [] : lists.suggestions.filter((s) => inSection(s.sectionId) && (filter.author === null || s.by === filter.author));
  const comments = lists.comments.filter((c) => {
    const resolved = c.thread.resolved === true;
    if (filter.status === 'open' && resolved) return false;
    if (filter.status === 'resolved' && !resolved) return false;
    if (filter.author !== null && !threadAuthors(c).includes(filter.author)) return false;
    return inSection(c.sectionId);
  });
  return { suggestions, comments };
}

/** Everyone who suggested, commented or replied, in alphabetical order: the author filter's choices. */
export function reviewAuthors(lists: ReviewLists): string[] {
  const names = new Set<string>([...lists.suggestions.map((s) => s.by), ...lists.comments.flatMap(threadAuthors)]);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The sections anything is listed in, in document order, with their numbers: the section filter's choices. */
export function reviewSections(lists: ReviewLists): Array<{ id: string; number: string }> {
  const seen = new Map<string, { id: string; number: string; block: number }>();
  const note = (id: string | null, number: string | null, block: number | null) => {
    if (id === null || seen.has(id)) return;
    seen.set(id, { id, number: number ?? '', block: block ?? 0 });
  };
  for (const s of lists.suggestions) note(s.sectionId, s.sectionNumber, s.block);
  for (const c of lists.comments) note(c.sectionId, c.sectionNumber, c.block);
  return [...seen.values()].sort((a, b) => a.block - b.block).map(({ id, number }) => ({ id, number }));
}

/** The ids of the suggestions shown: what "Accept all" and "Reject all" decide, and nothing else. */
export function shownSuggestionIds(shown: ReviewLists): ReadonlySet<string> {
  return new Set(shown.suggestions.map((s) => s.id));
}
