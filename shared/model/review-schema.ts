import { z } from 'zod';
import {
  BLOCK_CHANGE_KINDS,
  COMMENT_ID_PATTERN,
  MARKS,
  MAX_AUTHOR_LENGTH,
  MAX_COMMENT_LENGTH,
  SECTION_ID_PATTERN,
  SUGGESTION_ID_PATTERN,
  hasNoForbiddenCharacters,
} from './vocabulary';

/**
 * Suggestions (tracked changes) and comments as the stored document holds them. A suggestion is written where it
 * acts, on the runs and blocks it changes, each carrying who made it and when: a line of the file says by itself what
 * is proposed there, and accepting or rejecting never needs a table kept in step. Comments are threads kept after the
 * blocks; the text they are about carries their ids, so they travel with it through edits and moves.
 */

export const SuggestionIdSchema = z.string().regex(SUGGESTION_ID_PATTERN, 'must look like "c-" followed by 6 to 24 lowercase letters or digits');
export const CommentIdSchema = z.string().regex(COMMENT_ID_PATTERN, 'must look like "k-" followed by 6 to 24 lowercase letters or digits');

const author = z.string().min(1, 'must not be empty').max(MAX_AUTHOR_LENGTH).refine(hasNoForbiddenCharacters, 'contains a control character');

/** A moment in UTC, to the second or finer: when a suggestion or comment was made. */
export const MomentSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/, 'must be a UTC time written YYYY-MM-DDTHH:MM:SSZ')
  .refine((text) => !Number.isNaN(Date.parse(text)), 'is not a real time');

/** Who proposed a change and when; `id` groups every run and block of one change. */
export const SuggestionMarkSchema = z.object({ id: SuggestionIdSchema, by: author, at: MomentSchema }).strict();
export type SuggestionMark = z.infer<typeof SuggestionMarkSchema>;

/** A formatting suggestion on a run: the marks it had before (`was`), its present marks being the suggested ones. */
export const FormatChangeSchema = SuggestionMarkSchema.extend({ was: z.array(z.enum(MARKS)) }).strict();
export type FormatChange = z.infer<typeof FormatChangeSchema>;

/** A whole-block suggestion: see BLOCK_CHANGE_KINDS. */
export const BlockChangeSchema = SuggestionMarkSchema.extend({ kind: z.enum(BLOCK_CHANGE_KINDS) }).strict();
export type BlockChange = z.infer<typeof BlockChangeSchema>;

/** A promotion or demotion suggested: the heading level, or list indent, the block had before (`was`). */
export const LevelChangeSchema = SuggestionMarkSchema.extend({ was: z.number().int().min(0).max(6) }).strict();
export type LevelChange = z.infer<typeof LevelChangeSchema>;

const commentText = z.string().min(1, 'must not be empty').max(MAX_COMMENT_LENGTH).refine(hasNoForbiddenCharacters, 'contains a control character');
const initials = z.string().min(1).max(12).refine(hasNoForbiddenCharacters, 'contains a control character').optional();

export const CommentReplySchema = z.object({ id: CommentIdSchema, by: author, initials, at: MomentSchema, text: commentText }).strict();
export type CommentReply = z.infer<typeof CommentReplySchema>;

/**
 * A comment thread. It is about the runs that carry its id, or, with `section` and no such runs, a whole section.
 * When its text is deleted the thread stays, shown as orphaned; it is removed only by a person.
 */
export const CommentThreadSchema = z
  .object({
    id: CommentIdSchema,
    by: author,
    initials,
    at: MomentSchema,
    text: commentText,
    section: z.string().regex(SECTION_ID_PATTERN).optional(),
    resolved: z.literal(true).optional(),
    replies: z.array(CommentReplySchema).optional(),
  })
  .strict();
export type CommentThread = z.infer<typeof CommentThreadSchema>;
