import { z } from 'zod';
import { DEVICE_NAME_PROBLEM, isWindowsDeviceName } from './file-names';
import {
  CLAUSE_SOURCES,
  CLAUSE_USE_STATES,
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  FORMAT_VERSION,
  MANIFEST_FORMAT_VERSION,
  MARKS,
  READABLE_FORMAT_VERSIONS,
  MAX_HEADING_LEVEL,
  MAX_LIST_INDENT,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  NOTE_ID_PATTERN,
  NUMBERING_STYLES,
  SECTION_ID_PATTERN,
  VARIABLE_NAME_PATTERN,
  hasNoForbiddenCharacters,
  notePlaceholder,
  placeholder,
  referencePlaceholder,
} from './vocabulary';
import { MAX_LINK_LENGTH, safeLink } from './link';
import {
  BlockChangeSchema,
  CommentIdSchema,
  CommentThreadSchema,
  FormatChangeSchema,
  LevelChangeSchema,
  SuggestionMarkSchema,
} from './review-schema';
import { isIsoDay } from './dates';
import { forEachRunList } from './block-runs';

/**
 * The stored document model's schemas, which validate every document read from disk or received through the API. The
 * model's constants and checks live in vocabulary.ts, which needs no zod: the renderer's start-up bundle carries none.
 */
export * from './vocabulary';
export * from './review-schema';

/** A file's `format` field: the one version of its format this version of Policywright reads, said so when it differs. */
export function formatField<V extends number>(version: V, kind = '') {
  return z.literal(version, { message: `must be ${version}, the ${kind ? `${kind} ` : ''}format this version of Policywright reads` });
}

/** Section ids are short, opaque and stable: they survive edits, moves and renumbering. */
export const SectionIdSchema = z
  .string()
  .regex(SECTION_ID_PATTERN, 'must look like "s-" followed by 6 to 24 lowercase letters or digits');

/** Links may only point where a browser or mail client can safely go: the one link check, in link.ts. */
export const LinkHrefSchema = z
  .string()
  .max(MAX_LINK_LENGTH)
  .refine((href) => safeLink(href) !== null, 'must be an http, https or mailto address');

/** A footnote's id: see NOTE_ID_PATTERN. */
export const NoteIdSchema = z.string().regex(NOTE_ID_PATTERN, 'must look like "n-" followed by 6 to 24 lowercase letters or digits');

/** A project variable's name, as written in a placeholder: `{{company_name}}`. */
export const VariableNameSchema = z
  .string()
  .regex(VARIABLE_NAME_PATTERN, 'must be lowercase letters, digits and underscores, starting with a letter');

/**
 * A run of text, or a variable: `{ "text": "{{company_name}}", "variable": "company_name" }`. A variable run keeps its
 * placeholder as its text, so every reader of runs that only looks at `text` (comparison, search) still sees a word
 * there; what a reader is shown (the value, or `[company_name]` when it has none) comes from one function,
 * shared/model/variables.ts resolveRuns.
 */
export const RunSchema = z
  .object({
    text: z.string().refine(hasNoForbiddenCharacters, 'contains a control character'),
    marks: z.array(z.enum(MARKS)).optional(),
    link: LinkHrefSchema.optional(),
    variable: VariableNameSchema.optional(),
    /**
     * A cross-reference to the section with this id: shown as that section's number as it is now (with its title when
     * `refTitle`), in the document's numbering style. Its text is referencePlaceholder(ref); a reference whose section
     * is gone is kept and flagged, never dropped.
     */
    ref: SectionIdSchema.optional(),
    refTitle: z.literal(true).optional(),
    /** The mark of the footnote with this id (a note of the document's `notes`); its text is notePlaceholder(note). */
    note: NoteIdSchema.optional(),
    /** Suggested: this text inserted, or deleted, or its marks changed from `formatted.was`. */
    ins: SuggestionMarkSchema.optional(),
    del: SuggestionMarkSchema.optional(),
    formatted: FormatChangeSchema.optional(),
    /** The comment threads this text is the subject of. */
    comments: z.array(CommentIdSchema).min(1).optional(),
  })
  .strict()
  .refine((run) => !(run.ins && run.del && run.ins.id === run.del.id), {
    message: 'cannot be inserted and deleted by the same suggestion',
    path: ['del'],
  })
  .refine((run) => run.variable === undefined || run.text === placeholder(run.variable), {
    message: 'of a variable must be its placeholder, as in "{{company_name}}"',
    path: ['text'],
  })
  .refine((run) => run.ref === undefined || run.text === referencePlaceholder(run.ref), {
    message: 'of a cross-reference must be its placeholder, as in "{{ref:s-abc123}}"',
    path: ['text'],
  })
  .refine((run) => run.ref === undefined || (run.variable === undefined && run.link === undefined), {
    message: 'cannot be a cross-reference and also a variable or a link',
    path: ['ref'],
  })
  .refine((run) => run.refTitle === undefined || run.ref !== undefined, {
    message: 'can show a title only as a cross-reference',
    path: ['refTitle'],
  })
  .refine((run) => run.note === undefined || run.text === notePlaceholder(run.note), {
    message: 'of a footnote mark must be its placeholder, as in "{{note:n-abc123}}"',
    path: ['text'],
  })
  .refine((run) => run.note === undefined || (run.variable === undefined && run.link === undefined && run.ref === undefined), {
    message: 'cannot be a footnote mark and also a variable, a link or a cross-reference',
    path: ['note'],
  })
  .refine((run) => !(run.marks?.includes('superscript') && run.marks.includes('subscript')), {
    message: 'cannot be superscript and subscript at once',
    path: ['marks'],
  });
export type Run = z.infer<typeof RunSchema>;

const runs = z.array(RunSchema);

/** Clause ids are slugs, which are also their file names in a library folder. */
export const ClauseIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits and dashes')
  .refine((id) => !isWindowsDeviceName(id), DEVICE_NAME_PROBLEM);

/** Where a block's text came from a library clause: see CLAUSE_USE_STATES in vocabulary.ts. */
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
/** Suggested: this block inserted, deleted or moved (review-schema.ts), or its level changed from `relevel.was`. */
const change = BlockChangeSchema.optional();
const relevel = LevelChangeSchema.optional();

export const HeadingSchema = z
  .object({
    kind: z.literal('heading'),
    id: SectionIdSchema,
    level: z.number().int().min(1).max(MAX_HEADING_LEVEL),
    /**
     * A heading that takes no number ("Summary", "Contact us"): it opens a section like any other, but does not count,
     * so the numbered headings around it keep their numbers as if it were not there (as a Word heading without
     * numbering does). A reference to it shows its title.
     */
    unnumbered: z.literal(true).optional(),
    clause,
    change,
    relevel,
    runs,
  })
  .strict();

export const ParagraphSchema = z.object({ kind: z.literal('paragraph'), clause, change, runs }).strict();

export const ListItemSchema = z
  .object({
    kind: z.literal('list-item'),
    list: z.enum(['bullet', 'number']),
    indent: z.number().int().min(0).max(MAX_LIST_INDENT),
    clause,
    change,
    relevel,
    runs,
  })
  .strict();

/** One cell of a table: one paragraph of runs (a line break inside it is a "\n" in its text). */
export const TableCellSchema = z.object({ runs }).strict();
export const TableRowSchema = z.object({ cells: z.array(TableCellSchema).min(1).max(MAX_TABLE_COLUMNS) }).strict();

/**
 * A table: rows of cells, every row as wide as the first. `header`: the first row names the columns (a header row in
 * every export, repeated on each page in Word). `caption`: the table's title, shown above it. Its cells' runs are
 * runs like any block's: suggestions, comments, references, variables and notes work in them.
 */
export const TableSchema = z
  .object({
    kind: z.literal('table'),
    header: z.literal(true).optional(),
    caption: runs.optional(),
    clause,
    change,
    rows: z.array(TableRowSchema).min(1).max(MAX_TABLE_ROWS),
  })
  .strict()
  .superRefine((table, ctx) => {
    const width = table.rows[0]?.cells.length ?? 0;
    table.rows.forEach((row, index) => {
      if (row.cells.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'cells'],
          message: `has ${row.cells.length} cells where the first row has ${width}; every row of a table is as wide as the first`,
        });
      }
    });
  });

export const BlockSchema = z.discriminatedUnion('kind', [HeadingSchema, ParagraphSchema, ListItemSchema, TableSchema]);
export type Heading = z.infer<typeof HeadingSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type ListItem = z.infer<typeof ListItemSchema>;
export type TableCell = z.infer<typeof TableCellSchema>;
export type TableRow = z.infer<typeof TableRowSchema>;
export type Table = z.infer<typeof TableSchema>;
/** A block whose text is one list of runs: every kind but a table. */
export type TextBlock = Heading | Paragraph | ListItem;

/** A footnote: its text, one paragraph of runs, which may hold no footnote of its own. */
export const NoteSchema = z
  .object({ id: NoteIdSchema, runs })
  .strict()
  .refine((note) => note.runs.every((run) => run.note === undefined), { message: 'cannot hold a footnote of its own', path: ['runs'] });
export type Note = z.infer<typeof NoteSchema>;
export type Block = z.infer<typeof BlockSchema>;

/** A calendar date without a time zone, as lawyers write it on a policy. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isIsoDay, 'is not a real calendar date');

/** A document's `format`: this version's, or an older one it reads (READABLE_FORMAT_VERSIONS), read as this version's. */
const documentFormat = z
  .union(
    READABLE_FORMAT_VERSIONS.map((version) => z.literal(version)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>],
    { message: `must be ${READABLE_FORMAT_VERSIONS.slice(0, -1).join(', ')} or ${READABLE_FORMAT_VERSIONS.at(-1)}, the formats this version of Policywright reads` },
  )
  .transform((): typeof FORMAT_VERSION => FORMAT_VERSION);

export const PolicyDocumentSchema = z
  .object({
    format: documentFormat,
    title: z.string().min(1, 'must not be empty').max(300).refine(hasNoForbiddenCharacters, 'contains a control character'),
    effectiveDate: IsoDateSchema.nullable(),
    lastUpdated: IsoDateSchema.nullable(),
    versionLabel: z.string().max(100).refine(hasNoForbiddenCharacters, 'contains a control character'),
    owner: z.string().max(200).refine(hasNoForbiddenCharacters, 'contains a control character'),
    numbering: z.enum(NUMBERING_STYLES),
    /** Absent in files written before documents had a language, and for English. */
    language: z.enum(Object.keys(DOCUMENT_LANGUAGES) as [DocumentLanguage, ...DocumentLanguage[]]).optional(),
    blocks: z.array(BlockSchema),
    /** Comment threads, in the order they were made; absent when there are none. */
    comments: z.array(CommentThreadSchema).optional(),
    /** Footnotes, each marked by exactly one `note` run of the blocks; absent when there are none. */
    notes: z.array(NoteSchema).optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.blocks.forEach((block, index) => {
      if (block.kind !== 'heading') return;
      const first = seen.get(block.id);
      if (first !== undefined && isMovePair(doc.blocks[first], block)) return;
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
    checkComments(doc, ctx);
    checkNotes(doc, ctx);
  });
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** A moved heading stands at its old place and its new one, with one id: the only way one id may appear twice. */
function isMovePair(first: Block | undefined, second: Block): boolean {
  const a = first?.change;
  const b = second.change;
  if (!a || !b || a.id !== b.id) return false;
  return (a.kind === 'move-from' && b.kind === 'move-to') || (a.kind === 'move-to' && b.kind === 'move-from');
}

/** Every comment id a run names must be a thread of the document; thread and reply ids are unique. */
function checkComments(doc: { blocks: Block[]; comments?: z.infer<typeof CommentThreadSchema>[] }, ctx: z.RefinementCtx): void {
  const threads = new Set<string>();
  const ids = new Set<string>();
  (doc.comments ?? []).forEach((thread, index) => {
    for (const id of [thread.id, ...(thread.replies ?? []).map((reply) => reply.id)]) {
      if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['comments', index], message: `repeats the comment id "${id}"` });
      ids.add(id);
    }
    threads.add(thread.id);
  });
  doc.blocks.forEach((block, blockIndex) => {
    forEachRunList(block, (list, path) => {
      list.forEach((run, runIndex) => {
        for (const id of run.comments ?? []) {
          if (!threads.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['blocks', blockIndex, ...path, runIndex, 'comments'],
              message: `names the comment "${id}", which the document's comments do not hold`,
            });
          }
        }
      });
    });
  });
}

/** Every note is marked exactly once in the blocks (a moved block's two places count once), and every mark names a note. */
function checkNotes(doc: { blocks: Block[]; notes?: Note[] }, ctx: z.RefinementCtx): void {
  const notes = new Map<string, number>();
  (doc.notes ?? []).forEach((note, index) => {
    if (notes.has(note.id)) ctx.addIssue({ code: 'custom', path: ['notes', index, 'id'], message: `repeats the footnote id "${note.id}"` });
    notes.set(note.id, 0);
  });
  doc.blocks.forEach((block, blockIndex) => {
    if (block.change?.kind === 'move-from') return;
    forEachRunList(block, (list, path) => {
      list.forEach((run, runIndex) => {
        if (run.note === undefined) return;
        const seen = notes.get(run.note);
        const where = ['blocks', blockIndex, ...path, runIndex, 'note'];
        if (seen === undefined) {
          ctx.addIssue({ code: 'custom', path: where, message: `marks the footnote "${run.note}", which the document's notes do not hold` });
        } else if (seen > 0) {
          ctx.addIssue({ code: 'custom', path: where, message: `marks the footnote "${run.note}" a second time; a footnote has one mark` });
        }
        notes.set(run.note, (seen ?? 0) + 1);
      });
    });
  });
  (doc.notes ?? []).forEach((note, index) => {
    if (notes.get(note.id) === 0) {
      ctx.addIssue({ code: 'custom', path: ['notes', index], message: `is the footnote "${note.id}", which no text marks` });
    }
  });
}

/** Documents are named inside a project by a slug that is also their file name: never by an absolute path. */
const DocumentSlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits and dashes');
export const DocumentIdSchema = DocumentSlugSchema.refine((id) => !isWindowsDeviceName(id), DEVICE_NAME_PROBLEM);
export type DocumentId = z.infer<typeof DocumentIdSchema>;

export const ProjectManifestSchema = z
  .object({
    format: formatField(MANIFEST_FORMAT_VERSION),
    name: z.string().min(1, 'must not be empty').max(200),
    // A listed device name (made on Linux) is reported on that document alone, so the rest of the project opens.
    documents: z.array(DocumentSlugSchema),
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
