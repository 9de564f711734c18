import { z } from 'zod';
import { ClauseIdSchema, IsoDateSchema, ListItemSchema, ParagraphSchema, formatField, hasNoForbiddenCharacters } from '../model/document';
import { CLAUSE_FORMAT, CLAUSE_STATUSES } from './library';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).refine(hasNoForbiddenCharacters, 'contains a control character');

const TagSchema = text(60);
export const ClauseTagsSchema = z
  .object({ topic: z.array(TagSchema).max(20), jurisdiction: z.array(TagSchema).max(20) })
  .strict();
export type ClauseTags = z.infer<typeof ClauseTagsSchema>;

/** A clause's body never carries a clause use of its own: that is recorded where the clause is inserted. */
const ClauseBlockSchema = z.discriminatedUnion('kind', [ParagraphSchema.omit({ clause: true }), ListItemSchema.omit({ clause: true })]);
export type ClauseBlock = z.infer<typeof ClauseBlockSchema>;
const body = z.array(ClauseBlockSchema).min(1, 'must hold at least one paragraph');

/** The wording of one version: what drift compares and what "Update" writes. */
export const ClauseVersionSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(CLAUSE_STATUSES),
    title: text(300),
    updated: IsoDateSchema,
    blocks: body,
  })
  .strict();
export type ClauseVersion = z.infer<typeof ClauseVersionSchema>;

/**
 * A clause: approved wording kept in a library folder, one file per clause (`clauses/<id>.clause.json`), with its
 * earlier versions kept in the same file under `history`. Its body is paragraphs and list items; when it is inserted
 * as a section, its title becomes the section's heading.
 */
export const ClauseSchema = z
  .object({
    format: formatField(CLAUSE_FORMAT, 'clause'),
    id: ClauseIdSchema,
    title: text(300),
    status: z.enum(CLAUSE_STATUSES),
    version: z.number().int().min(1),
    updated: IsoDateSchema,
    tags: ClauseTagsSchema,
    blocks: body,
    /** Earlier versions, oldest first. */
    history: z.array(ClauseVersionSchema),
  })
  .strict()
  .superRefine((clause, ctx) => {
    let previous = 0;
    clause.history.forEach((entry, index) => {
      if (entry.version <= previous || entry.version >= clause.version) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', index, 'version'],
          message: `must be above ${previous} and below the current version ${clause.version}`,
        });
      }
      previous = entry.version;
    });
  });
export type Clause = z.infer<typeof ClauseSchema>;

/** What a person edits; the version, the date and the history are worked out on saving (see versioning.ts). */
export const ClauseEditSchema = z
  .object({
    id: ClauseIdSchema,
    title: text(300),
    status: z.enum(CLAUSE_STATUSES),
    tags: ClauseTagsSchema,
    blocks: body,
  })
  .strict();
export type ClauseEdit = z.infer<typeof ClauseEditSchema>;
