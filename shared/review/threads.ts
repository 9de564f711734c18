import type { CommentReply, CommentThread, PolicyDocument, Run } from '../model/document';
import { wordStamp } from '../model/dates';
import { newCommentId } from '../model/ids';
import { allRuns, mapRunLists } from '../model/block-runs';

/**
 * What a person does to comment threads, as pure functions over the document's list of them: each returns a new
 * list (the old one is never changed), so the editor can keep the list as a detail of the document and save it.
 */

/** Who writes a comment or reply, as the app knows them (its identity). */
export interface Commenter {
  readonly name: string;
  readonly initials?: string;
}

/** A new thread; `section` makes it about a whole section rather than the text that will carry its id. */
export function newThread(by: Commenter, text: string, options: { section?: string; now?: Date; id?: string } = {}): CommentThread {
  return {
    id: options.id ?? newCommentId(),
    by: by.name,
    ...(by.initials ? { initials: by.initials } : {}),
    at: wordStamp(options.now ?? new Date()),
    text: text.trim(),
    ...(options.section ? { section: options.section } : {}),
  };
}

function change(threads: readonly CommentThread[], id: string, edit: (thread: CommentThread) => CommentThread): CommentThread[] {
  return threads.map((thread) => (thread.id === id ? edit(thread) : thread));
}

export function addReply(threads: readonly CommentThread[], id: string, by: Commenter, text: string, now = new Date()): CommentThread[] {
  const reply: CommentReply = { id: newCommentId(), by: by.name, ...(by.initials ? { initials: by.initials } : {}), at: wordStamp(now), text: text.trim() };
  return change(threads, id, (thread) => ({ ...thread, replies: [...(thread.replies ?? []), reply] }));
}

export function resolveThread(threads: readonly CommentThread[], id: string): CommentThread[] {
  return change(threads, id, (thread) => ({ ...thread, resolved: true }));
}

export function reopenThread(threads: readonly CommentThread[], id: string): CommentThread[] {
  return change(threads, id, ({ resolved: _resolved, ...thread }) => thread);
}

/**
 * Changes the words of a thread's first comment, or of one of its replies (`replyId`); only its author may, so a
 * comment or reply by someone else is left as it is.
 */
export function editComment(threads: readonly CommentThread[], id: string, by: Commenter, text: string, replyId?: string): CommentThread[] {
  const words = text.trim();
  return change(threads, id, (thread) => {
    if (replyId === undefined) return thread.by === by.name ? { ...thread, text: words } : thread;
    return { ...thread, replies: (thread.replies ?? []).map((reply) => (reply.id === replyId && reply.by === by.name ? { ...reply, text: words } : reply)) };
  });
}

export function deleteThread(threads: readonly CommentThread[], id: string): CommentThread[] {
  return threads.filter((thread) => thread.id !== id);
}

/**
 * The document with every run's comment ids that name no thread dropped (a thread deleted and its text's mark
 * brought back by an undo, or text pasted from another document): the stored model refuses such ids. Runs in tables'
 * cells and captions and in footnotes' text are cleaned alike. The same object when there is nothing to drop, which
 * is the usual case, found in one pass over the runs.
 */
export function keepKnownComments<D extends Pick<PolicyDocument, 'blocks' | 'comments'> & { notes?: PolicyDocument['notes'] }>(doc: D): D {
  const known = new Set((doc.comments ?? []).map((thread) => thread.id));
  const unknown = (run: Run) => run.comments?.some((id) => !known.has(id)) ?? false;
  const clean = (runs: Run[]): Run[] => {
    if (!runs.some(unknown)) return runs;
    return runs.map((run) => {
      if (!unknown(run)) return run;
      const { comments, ...rest } = run;
      const kept = (comments ?? []).filter((id) => known.has(id));
      return kept.length > 0 ? { ...rest, comments: kept } : rest;
    });
  };
  const notes = doc.notes;
  if (!doc.blocks.some((block) => allRuns(block).some(unknown)) && !(notes ?? []).some((note) => note.runs.some(unknown))) return doc;
  const next: D = { ...doc, blocks: doc.blocks.map((block) => mapRunLists(block, clean)) };
  if (notes) next.notes = notes.map((note) => {
    const runs = clean(note.runs);
    return runs === note.runs ? note : { ...note, runs };
  });
  return next;
}
