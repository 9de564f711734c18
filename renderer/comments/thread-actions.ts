import type { CommentThread } from '../../shared/model/document';

/** What a person can do to a thread from the review list (CommentsFeature does it). */
export interface ThreadActions {
  /** The person's name, null until they gave it: only their own comments can be edited. */
  me(): string | null;
  reply(id: string, text: string): Promise<void>;
  resolve(id: string): void;
  reopen(id: string): void;
  edit(id: string, text: string, replyId?: string): void;
  askDelete(thread: CommentThread): void;
}

/** A long quote or suggestion cut for the list. */
export function clip(text: string, length = 160): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
