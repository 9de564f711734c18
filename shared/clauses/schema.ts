import { z } from 'zod';
import {
  ClauseIdSchema,
  IsoDateSchema,
  ListItemSchema,
  ParagraphSchema,
  hasNoForbiddenCharacters,
  type ClauseSource,
} from '../model/document';

/**
 * A clause: approved wording kept in a library folder, one file per clause (`clauses/<id>.clause.json`), with its
 * earlier versions kept in the same file under `history`. Its body is paragraphs and list items; when it is inserted
 * as a section, its title becomes the section's heading.
 */
export const CLAUSE_FORMAT = 1;
export const CLAUSE_FILE_SUFFIX = '.clause.json';

export const CLAUSE_STATUSES = ['draft', 'approved', 'deprecated'] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const TAG_KINDS = ['topic', 'jurisdiction'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

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

export const ClauseSchema = z
  .object({
    format: z.literal(CLAUSE_FORMAT, { message: `must be ${CLAUSE_FORMAT}, the clause format this version of Policywright reads` }),
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

/** A clause as the app lists it: where it comes from, and which placeholders have no variable in the project. */
export interface LibraryClause extends Clause {
  source: ClauseSource;
  /** The file, relative to its library folder. */
  file: string;
  undefinedVariables: string[];
}

/** A library file that could not be read: listed with its name and the reason, never silently skipped. */
export interface BrokenClause {
  source: ClauseSource;
  file: string;
  problem: string;
}

export interface ClauseLibrary {
  clauses: LibraryClause[];
  broken: BrokenClause[];
  /** The team library folder from the app's settings, if one is attached, and why it cannot be read, if it cannot. */
  team: { path: string; problem?: string } | null;
}

export function clauseKey(source: ClauseSource, id: string): string {
  return `${source}:${id}`;
}

export const SOURCE_NAMES: Record<ClauseSource, string> = { project: 'Project library', team: 'Team library' };
