import type JSZip from 'jszip';
import type { PolicyDocument } from '../../model/document';
import { newCommentId, newSuggestionId } from '../../model/ids';
import { ImportError } from '../errors';
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
  /** The DOCX with its document.xml marked (mark-document.ts), for mammoth. */
  readonly bytes: Uint8Array;
  /** The import's document with the review put back on its runs and blocks. */
  readonly apply: (doc: PolicyDocument) => PolicyDocument;
}

/**
 * The tracked changes and comments of a checked DOCX archive, or null when it has none (the fast path: the bytes go
 * to mammoth untouched). Never accepts a change: deleted text comes back as text suggested for deletion.
 */
export async function readReview(zip: JSZip, file: string, options: ReviewOptions): Promise<Review | null> {
  const part = zip.file('word/document.xml');
  if (!part) return null;
  const xml = await part.async('string');
  if (!hasReview(xml)) return null;
  const marked = markDocument(xml);
  const comments = await textOf(zip, 'word/comments.xml');
  const extended = await textOf(zip, 'word/commentsExtended.xml');
  const wordComments = comments ? readComments(comments, extended) : [];
  let bytes: Uint8Array;
  try {
    // Stored, not deflated: the archive goes straight to mammoth, and inflating a stored entry costs nothing.
    zip.file('word/document.xml', marked.xml);
    bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  } catch {
    throw new ImportError(file, 'corrupt', 'could not be read as a Word document (its tracked changes could not be read)');
  }
  const ids: ReviewIds = options.reviewIds ?? { suggestion: () => newSuggestionId(), comment: () => newCommentId() };
  const fallback = options.importedAt ?? `${new Date().toISOString().slice(0, 19)}Z`;
  return { bytes, apply: (doc) => applyReview(doc, marked.states, wordComments, ids, fallback) };
}

async function textOf(zip: JSZip, name: string): Promise<string | undefined> {
  const entry = zip.file(name);
  return entry ? entry.async('string') : undefined;
}
