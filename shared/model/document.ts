import { z } from 'zod';

/**
 * The stored document model. It is deliberately editor-neutral: a flat list of blocks in reading order, where a
 * heading opens a section that runs until the next heading of the same or a higher level. Sections are derived from
 * the headings, never stored as a tree, and numbers are derived from the sections, never stored at all.
 */
export const FORMAT_VERSION = 1;

export const MAX_HEADING_LEVEL = 6;
export const MAX_LIST_INDENT = 5;

export const MARKS = ['bold', 'italic', 'underline'] as const;
export type Mark = (typeof MARKS)[number];

export const NUMBERING_STYLES = ['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** Section ids are short, opaque and stable: they survive edits, moves and renumbering. */
export const SectionIdSchema = z
  .string()
  .regex(/^s-[a-z0-9]{6,24}$/, 'must look like "s-" followed by 6 to 24 lowercase letters or digits');

/** Links may only point where a browser or mail client can safely go. */
export const LinkHrefSchema = z
  .string()
  .max(2048)
  .refine(isSafeHref, 'must be an http, https or mailto address');

export function isSafeHref(href: string): boolean {
  // Parse rather than match the string: "java\tscript:" and friends must not slip through.
  // The URL parser quietly drops or escapes control characters, but the stored string would still carry them.
  if (FORBIDDEN_CHARACTERS.test(href) || !URL.canParse(href)) return false;
  const protocol = new URL(href).protocol;
  return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
}

// XML 1.0 forbids these; a document carrying them cannot be exported to DOCX, so they never enter the model.
// eslint-disable-next-line no-control-regex -- the point of this pattern is to match control characters
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Removes what XML 1.0 forbids, for text arriving from outside (paste, import). */
export function stripForbiddenCharacters(text: string): string {
  return FORBIDDEN_CHARACTERS.test(text) ? text.replace(new RegExp(FORBIDDEN_CHARACTERS.source, 'g'), '') : text;
}

/** Text that may be exported: no character that XML 1.0 forbids. */
export function hasNoForbiddenCharacters(text: string): boolean {
  return !FORBIDDEN_CHARACTERS.test(text);
}

/** A project variable's name, as written in a placeholder: `{{company_name}}`. */
export const VariableNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lowercase letters, digits and underscores, starting with a letter');

/** How a variable is written in clause text and stored in a variable run's `text`. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

/**
 * A run of text, or a variable: `{ "text": "{{company_name}}", "variable": "company_name" }`. A variable run keeps its
 * placeholder as its text, so every reader of runs that only looks at `text` (comparison, search) still sees a word
 * there; what a reader is shown (the value, or `[company_name]` when it has none) comes from one function,
 * shared/clauses/variables.ts resolveRuns.
 */
export const RunSchema = z
  .object({
    text: z.string().refine(hasNoForbiddenCharacters, 'contains a control character'),
    marks: z.array(z.enum(MARKS)).optional(),
    link: LinkHrefSchema.optional(),
    variable: VariableNameSchema.optional(),
  })
  .strict()
  .refine((run) => run.variable === undefined || run.text === placeholder(run.variable), {
    message: 'of a variable must be its placeholder, as in "{{company_name}}"',
    path: ['text'],
  });
export type Run = z.infer<typeof RunSchema>;

const runs = z.array(RunSchema);

/** Clause ids are slugs, which are also their file names in a library folder. */
export const ClauseIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits and dashes');

export const CLAUSE_SOURCES = ['project', 'team'] as const;
export type ClauseSource = (typeof CLAUSE_SOURCES)[number];

/**
 * Where a block's text came from a library clause. Every block of one insertion carries the same `use` id, so the
 * blocks of a clause stay one unit through edits and moves. `locked`: an approved clause, not editable in place;
 * `linked`: a draft clause, editable and still tracked; `unlinked`: the person unlinked it to edit, from `version`.
 */
export const CLAUSE_USE_STATES = ['locked', 'linked', 'unlinked'] as const;
export type ClauseUseState = (typeof CLAUSE_USE_STATES)[number];
export const ClauseUseSchema = z
  .object({
    use: z.string().regex(/^u-[a-z0-9]{6,24}$/, 'must look like "u-" followed by 6 to 24 lowercase letters or digits'),
    id: ClauseIdSchema,
    source: z.enum(CLAUSE_SOURCES),
    version: z.number().int().min(1),
    state: z.enum(CLAUSE_USE_STATES),
  })
  .strict();
export type ClauseUse = z.infer<typeof ClauseUseSchema>;
const clause = ClauseUseSchema.optional();

export const HeadingSchema = z
  .object({
    kind: z.literal('heading'),
    id: SectionIdSchema,
    level: z.number().int().min(1).max(MAX_HEADING_LEVEL),
    clause,
    runs,
  })
  .strict();

export const ParagraphSchema = z.object({ kind: z.literal('paragraph'), clause, runs }).strict();

export const ListItemSchema = z
  .object({
    kind: z.literal('list-item'),
    list: z.enum(['bullet', 'number']),
    indent: z.number().int().min(0).max(MAX_LIST_INDENT),
    clause,
    runs,
  })
  .strict();

export const BlockSchema = z.discriminatedUnion('kind', [HeadingSchema, ParagraphSchema, ListItemSchema]);
export type Heading = z.infer<typeof HeadingSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type ListItem = z.infer<typeof ListItemSchema>;
export type Block = z.infer<typeof BlockSchema>;

/** A calendar date without a time zone, as lawyers write it on a policy. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Date.parse alone lets "2026-02-30" through (it rolls over to March), so the date must read back unchanged.
  .refine((d) => {
    const time = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === d;
  }, 'is not a real calendar date');

export const PolicyDocumentSchema = z
  .object({
    format: z.literal(FORMAT_VERSION, { message: `must be ${FORMAT_VERSION}, the format this version of Policywright reads` }),
    title: z.string().min(1, 'must not be empty').max(300).refine(hasNoForbiddenCharacters, 'contains a control character'),
    effectiveDate: IsoDateSchema.nullable(),
    lastUpdated: IsoDateSchema.nullable(),
    versionLabel: z.string().max(100).refine(hasNoForbiddenCharacters, 'contains a control character'),
    owner: z.string().max(200).refine(hasNoForbiddenCharacters, 'contains a control character'),
    numbering: z.enum(NUMBERING_STYLES),
    blocks: z.array(BlockSchema),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.blocks.forEach((block, index) => {
      if (block.kind !== 'heading') return;
      const first = seen.get(block.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['blocks', index, 'id'],
          message: `repeats the id of blocks[${first}]; every section needs its own id`,
        });
      } else {
        seen.set(block.id, index);
      }
    });
  });
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** Documents are named inside a project by a slug that is also their file name: never by an absolute path. */
export const DocumentIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits and dashes');
export type DocumentId = z.infer<typeof DocumentIdSchema>;

export const ProjectManifestSchema = z
  .object({
    format: z.literal(FORMAT_VERSION, { message: `must be ${FORMAT_VERSION}, the format this version of Policywright reads` }),
    name: z.string().min(1, 'must not be empty').max(200),
    documents: z.array(DocumentIdSchema),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.documents.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['documents', index], message: `lists "${id}" twice` });
      seen.add(id);
    });
  });
export type ProjectManifest = z.infer<typeof ProjectManifestSchema>;
