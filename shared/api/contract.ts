import { z } from 'zod';
import { CLAUSE_SOURCES, DocumentIdSchema, PolicyDocumentSchema, hasNoForbiddenCharacters, type PolicyDocument } from '../model/document';
import { ClauseEditSchema } from '../clauses/schema';
import type { ClauseLibrary, LibraryClause } from '../clauses/library';
import type { VariableValues } from '../clauses/variables';
import { VariablesSchema } from '../clauses/variables-schema';
import type { OutdatedUse } from '../clauses/drift';
import type { UnfilledVariable } from '../clauses/unfilled';
import type { Comparison } from '../compare/types';
import type { BRIDGE_METHODS } from './methods';

/**
 * The one contract between the renderer and the main process. Each method names the schema its input must pass and
 * the type of its result. Both hosts (Electron IPC and the web host's POST /api/<method>) serve exactly these methods
 * through the same dispatcher; the renderer calls them through one typed client and never learns which host it has.
 */

export interface DocumentSummary {
  id: string;
  title: string;
  /** Set when the file could not be read: which file, and what is wrong where. The file is left untouched. */
  problem?: string;
}

export interface ProjectInfo {
  name: string;
  /** Shown to the person (it is their folder); documents inside it are only ever named by id. */
  path: string;
  documents: DocumentSummary[];
}

export interface RecentProject {
  name: string;
  path: string;
  openedAt: string;
}

export interface Startup {
  project: ProjectInfo | null;
  recent: RecentProject[];
  /** Whether the host can show the system's folder picker; elsewhere the renderer asks for a path. */
  canPickFolder: boolean;
  version: string;
  /** Who is at the keyboard, as the system knows them: the default author of a saved version. */
  userName: string;
  /**
   * The project's first document that could be read when the project was opened (see startup.ts), read along
   * with the rest so the window can show it without a second round trip; null when there is none, or it no longer reads.
   */
  opening: { documentId: string; document: PolicyDocument } | null;
}

export const EXPORT_FORMATS = ['html', 'docx', 'md', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An exported file, carried as base64 so both hosts can pass it as JSON; the renderer offers it as a download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** Imports are capped well above any real policy: a bigger file is not a policy, and base64 costs a third more. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const VERSION_KINDS = ['editorial', 'substantive'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A saved version: a commit and a tag of the project's files, in the project's own git history. */
export interface VersionSummary {
  name: string;
  tag: string;
  note: string;
  kind: VersionKind;
  author: string;
  /** ISO time. */
  createdAt: string;
  commit: string;
  /** The documents the project held at that version. */
  documentIds: string[];
}

/** Two files from outside (reviewers get them by email) travel in one request, so each has a lower cap than an import. */
export const MAX_COMPARE_FILE_BYTES = 25 * 1024 * 1024;

const versionName = z.string().trim().min(1, 'a version name is required').max(120).refine(hasNoForbiddenCharacters, 'contains a control character');

const base64File = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `the file is larger than ${maxBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const fileName = z.string().trim().min(1, 'a file name is required').max(255);

/** One side of a comparison: a document's current draft, one of its saved versions, or a file from outside. */
export const CompareSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), documentId: DocumentIdSchema }).strict(),
  z.object({ kind: z.literal('version'), documentId: DocumentIdSchema, version: versionName }).strict(),
  z.object({ kind: z.literal('file'), fileName, base64: base64File(MAX_COMPARE_FILE_BYTES) }).strict(),
]);
export type CompareSource = z.infer<typeof CompareSourceSchema>;

export const REDLINE_FORMATS = ['html', 'docx'] as const;
export type RedlineFormat = (typeof REDLINE_FORMATS)[number];

/** Every outdated clause use in one document of the project. */
export interface DocumentDrift {
  id: string;
  title: string;
  uses: OutdatedUse[];
}

const folderPath = z.string().trim().min(1, 'a folder path is required').max(4096);

interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /** Never read: carries the result type for the client. */
  result?: R;
}

function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}

const empty = z.object({}).strict();

export const API = {
  getStartup: method<Startup>()(empty),
  listRecentProjects: method<RecentProject[]>()(empty),
  pickFolder: method<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'create']) }).strict(),
  ),
  openProject: method<ProjectInfo>()(z.object({ path: folderPath }).strict()),
  createProject: method<ProjectInfo>()(
    z
      .object({
        path: folderPath,
        name: z.string().trim().min(1, 'a project name is required').max(200),
        sample: z.boolean().default(false),
      })
      .strict(),
  ),
  createDocument: method<DocumentSummary>()(
    z
      .object({
        title: z.string().trim().min(1, 'a title is required').max(300).refine(hasNoForbiddenCharacters, 'contains a control character'),
      })
      .strict(),
  ),
  loadDocument: method<PolicyDocument>()(z.object({ documentId: DocumentIdSchema }).strict()),
  exportDocument: method<ExportedFile>()(
    z
      .object({
        documentId: DocumentIdSchema,
        format: z.enum(EXPORT_FORMATS),
        fragment: z.boolean().default(false),
        /** A saved version of the document instead of its current draft. */
        version: versionName.optional(),
      })
      .strict(),
  ),
  importDocument: method<DocumentSummary>()(z.object({ fileName, base64: base64File(MAX_IMPORT_BYTES) }).strict()),
  saveDocument: method<{ savedAt: string }>()(
    z.object({ documentId: DocumentIdSchema, document: PolicyDocumentSchema }).strict(),
  ),
  listVersions: method<VersionSummary[]>()(z.object({ documentId: DocumentIdSchema.optional() }).strict()),
  saveVersion: method<VersionSummary>()(
    z
      .object({
        documentId: DocumentIdSchema,
        name: versionName,
        note: z.string().max(2000).refine(hasNoForbiddenCharacters, 'contains a control character').default(''),
        kind: z.enum(VERSION_KINDS),
        author: z.string().trim().min(1, 'an author is required').max(120).refine(hasNoForbiddenCharacters, 'contains a control character'),
      })
      .strict(),
  ),
  loadVersion: method<PolicyDocument>()(z.object({ documentId: DocumentIdSchema, version: versionName }).strict()),
  compareDocuments: method<Comparison>()(z.object({ old: CompareSourceSchema, new: CompareSourceSchema }).strict()),
  exportComparison: method<ExportedFile>()(
    z.object({ old: CompareSourceSchema, new: CompareSourceSchema, format: z.enum(REDLINE_FORMATS) }).strict(),
  ),
  /** Both clause libraries (the project's and the team's), with the files that could not be read. */
  listClauses: method<ClauseLibrary>()(empty),
  /** Creates a clause, or saves an edit of one; an edit of an approved clause's wording makes its next version. */
  saveClause: method<LibraryClause>()(
    z.object({ source: z.enum(CLAUSE_SOURCES), clause: ClauseEditSchema, isNew: z.boolean() }).strict(),
  ),
  /** Attaches (or, with null, detaches) the team library folder, in the app's settings; returns the library. */
  setTeamLibrary: method<ClauseLibrary>()(z.object({ path: folderPath.nullable() }).strict()),
  getVariables: method<{ variables: VariableValues }>()(empty),
  saveVariables: method<{ variables: VariableValues }>()(z.object({ variables: VariablesSchema }).strict()),
  /** Every use, in every document of the project, of a clause whose library version is newer. */
  listOutdatedClauseUses: method<{ documents: DocumentDrift[] }>()(empty),
  /** What an export would write as `[name]`, and where, so the person can fill it in first or go on. */
  checkExport: method<{ unfilled: UnfilledVariable[] }>()(
    z.object({ documentId: DocumentIdSchema, version: versionName.optional() }).strict(),
  ),
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Api[M]['result']>;

type Assert<T extends true> = T;
type SameNames<A, B> = [Exclude<A, B>] extends [never] ? ([Exclude<B, A>] extends [never] ? true : false) : false;
/**
 * The preload's zod-free list of method names (methods.ts) names exactly the contract's methods: a name missing from
 * either side, or spelt differently, fails the type check here, not at run time.
 */
export type BridgeMethodsMatchContract = Assert<SameNames<MethodName, (typeof BRIDGE_METHODS)[number]>>;

export const METHOD_NAMES = Object.keys(API) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(API, name);
}

/** What travels back over either host: a value, or one sentence for the person. */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: { message: string } };
