import type { PolicyDocument } from '../../model/document';
import { newCommentId, newSuggestionId } from '../../model/ids';
import { applyReview, type ReviewIds } from './apply';
import { hasReview, markDocument } from './mark-document';
import { readComments } from './read-comments';

export interface ReviewOptions {
  /** Suggestion and comment ids: random by default (tests pass counters). */
  reviewIds?: ReviewIds;
  /** The time given to a change or comment whose date Word left out or wrote wrong; now by default. */
  importedAt?: string;
}

export interface Review {
  /** word/document.xml marked (mark-document.ts), read in place of the file's own. */
  readonly xml: string;
  /** The import's document with the review put back on its runs and blocks. */
  readonly apply: (doc: PolicyDocument) => PolicyDocument;
}

/**
 * The tracked changes and comments of a checked DOCX archive (`text` gives a part's text), or null when it has none
 * (the fast path: the document is read as it is). Never accepts a change: deleted text comes back as text suggested
 * for deletion.
 */
export function readReview(text: (name: string) => string | undefined, options: ReviewOptions): Review | null {
  const xml = text('word/document.xml');
  if (xml === undefined || !hasReview(xml)) return null;
  const marked = markDocument(xml);
  const comments = text('word/comments.xml');
  const wordComments = comments ? readComments(comments, text('word/commentsExtended.xml')) : [];
  const ids: ReviewIds = options.reviewIds ?? { suggestion: () => newSuggestionId(), comment: () => newCommentId() };
  const fallback = options.importedAt ?? `${new Date().toISOString().slice(0, 19)}Z`;
  return { xml: marked.xml, apply: (doc) => applyReview(doc, marked.states, wordComments, ids, fallback) };
}
