import { z } from 'zod';
import { CLAUSE_SOURCES, DocumentIdSchema, IsoDateSchema, PolicyDocumentSchema, hasNoForbiddenCharacters, type Block, type PolicyDocument } from '../model/document';
import { ClauseEditSchema } from '../clauses/schema';
import type { ClauseLibrary, LibraryClause } from '../clauses/library';
import type { VariableValues } from '../model/variables';
import { VariablesSchema } from '../model/variables-schema';
import type { OutdatedUse } from '../clauses/drift';
import type { UnfilledVariable } from '../clauses/unfilled';
import type { Comparison } from '../compare/types';
import type { ImportReport } from '../import/report';
import type { TextPatch } from '../format/text-patch';
import type { BRIDGE_METHODS } from './methods';
import type { Identity } from '../model/identity';
import { IdentitySchema } from '../model/identity-schema';
import type { DocumentWorkflow } from '../workflow/schema';
import type { TrailRow } from '../workflow/trail-csv';
import type { Checklist } from '../check/checklist-schema';
import type { ProjectChecks } from '../check/project-checks';
import { DismissalReasonSchema, FindingKeySchema, LawsSchema } from '../check/project-checks-schema';

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

/** A file imported as a new document, with what the import decided where the file did not say (none for our own format). */
export interface ImportedDocument extends DocumentSummary {
  report?: ImportReport;
}

export interface ProjectInfo {
  name: string;
  /**
   * The document this person last opened in the project (kept in the app's settings, not the project folder), when
   * the project is still listing it: what the window opens the project on.
   */
  lastDocument?: string;
  /** Shown to the person (it is their folder); documents inside it are only ever named by id. */
  path: string;
  documents: DocumentSummary[];
  /** Set when nothing in the folder can be saved: one sentence saying why. The project opens to read and copy. */
  readOnly?: string;
}

/** A document deleted into the project's trash folder, which can be restored. */
export interface DeletedDocument {
  /** Its name in the trash: the id it had, or that id with a number where an earlier deletion took the name. */
  id: string;
  title: string;
  /** ISO time. */
  deletedAt: string;
}

/** A folder's subfolders, for the web host's folder chooser: names only, never what files hold. */
export interface FolderListing {
  path: string;
  /** The folder above, or null at the top of the file system. */
  parent: string | null;
  /** Whether this folder is a Policywright project (it holds a policywright.json). */
  isProject: boolean;
  folders: Array<{ name: string; path: string; isProject: boolean }>;
  /** Set when the folder has more subfolders than are listed. */
  truncated: boolean;
}

export interface RecentProject {
  name: string;
  path: string;
  openedAt: string;
  /** The document this person opened last in the project. */
  lastDocument?: string;
}

export interface Startup {
  project: ProjectInfo | null;
  recent: RecentProject[];
  /** Whether the host can show the system's folder picker; elsewhere the renderer asks for a path. */
  canPickFolder: boolean;
  version: string;
  /** Who is at the keyboard, as the system knows them: the author name until the person tells the app theirs. */
  userName: string;
  /** Who the person said they are (kept in the app's settings); null until asked, on their first comment, suggestion or version. */
  identity: Identity | null;
  /**
   * The project's first document that could be read when the project was opened (see startup.ts), read along
   * with the rest so the window can show it without a second round trip; null when there is none, or it no longer reads.
   */
  opening: ({ documentId: string } & LoadedDocument) | null;
  /** The key (base64url, 256 bits) the tab encrypts its own copy of unsaved edits with; null where none is kept. */
  journalKey: string | null;
}

/**
 * A document as read from its file, with the stamp of the bytes it was read from. A save names the stamp it was
 * based on, so a file changed since by anyone else (another window, a `git pull`, a colleague) is never overwritten.
 */
export interface LoadedDocument {
  document: PolicyDocument;
  stamp: string;
}

/** A returned file brought into a document as suggestions: the document to take into the editor, and what it adds. */
export interface ImportedSuggestions {
  document: PolicyDocument;
  /** Who the file's untracked edits are put down to. */
  reviewer: string;
  /** Suggestions and comment threads the file adds to the document. */
  suggestions: number;
  comments: number;
}

/** What a window learns when it asks whether its document's file is still the one it read. */
export interface DocumentCheck {
  /** `changed`: another writer replaced the file; `missing`: the file (or the whole project folder) is gone. */
  state: 'unchanged' | 'changed' | 'missing';
  /** The stamp of the file on disk now; null when it is missing. */
  stamp: string | null;
}

/**
 * Unsaved edits as the window keeps them, a second or so behind the typing, so that a crash, a kill or a stopped host
 * loses nothing: the document's whole text as its file would hold it, and the stamp of the file it was based on.
 */
export interface JournalEntry {
  base: string | null;
  /** ISO time the edits were taken. */
  takenAt: string;
  text: string;
}

/**
 * A journal entry as the change since the window's last entry that the app kept (`after` is the tag the app answered
 * for it), or since the document's file as the window read it (`after` is the file's stamp, when the window checked
 * that its text hashes to it): a long policy's entry is then a few hundred characters, not its whole text (11 MB at
 * 1,000,000 words), written out, sent and read every second or two of typing.
 */
export interface JournalPatch extends TextPatch {
  base: string | null;
  takenAt: string;
  after: string;
}

/** What the app answers a journal write: whether it kept the entry, and the tag by which a patch may name it. */
export interface JournalKept {
  kept: boolean;
  tag: string | null;
}

/** Edits found after Policywright stopped without saving them: offered back, never restored without asking. */
export interface RecoveredEdits {
  document: PolicyDocument;
  takenAt: string;
  /** The stamp of the file the edits were based on: when it is not the file's now, restoring them is a conflict. */
  base: string | null;
  /** The window that kept them: what settleJournal is given once the person restored or discarded them. */
  window: string;
  /** Who kept them: the app's settings folder, or the browser tab (when the web host itself had stopped). */
  keptBy: 'app' | 'browser';
}

/** A journal entry of one window, as the tab keeps it in its own journal. */
export interface WindowJournalEntry {
  window: string;
  entry: JournalEntry;
}

/** A journal holds the whole document: as large as any document may be. */
export const MAX_JOURNAL_CHARS = 48 * 1024 * 1024;

/** Why a call failed, where the renderer must do more than show the sentence. */
export const ERROR_CODES = ['conflict', 'missing'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

/** Where a shared project stands with its git server, as of the last sync (see main/sync/sync-status.ts). */
export type SyncState =
  | { readonly state: 'not-shared' }
  | { readonly state: 'up-to-date' }
  | { readonly state: 'changes'; readonly toSend: number; readonly toReceive: number }
  | { readonly state: 'offline'; readonly message: string }
  | { readonly state: 'needs-attention'; readonly message: string };

/** What one sync did; `needs-attention` names the files changed at the same place by this person and a colleague. */
export type SyncResult =
  | { readonly status: 'up-to-date' }
  | { readonly status: 'synced'; readonly sent: number; readonly received: number; readonly merged: boolean }
  | { readonly status: 'needs-attention'; readonly files: readonly string[] };

/** One place in a file where both sides changed differently: where, and a short text of each side there. */
export interface SyncDifference {
  readonly where: string;
  readonly mine: string;
  readonly theirs: string;
}

/** A file of the open merge, with what differs in it; `resolved` once the person chose a side. */
export interface SyncConflictFile {
  readonly file: string;
  /** The document's title when the file is one of the project's documents; the file's name otherwise. */
  readonly title: string;
  readonly resolved: boolean;
  readonly differences: readonly SyncDifference[];
  /** For a document: each section in conflict, by its place in `differences`, with its blocks on each side. */
  readonly sections: readonly SyncSectionConflict[];
}

/** A section both sides changed (or one deleted): base, mine and theirs, null where that side has none. */
export interface SyncSectionConflict {
  /** Its place among the file's differences (and the choices resolveSyncSections takes). */
  readonly conflict: number;
  readonly base: readonly Block[] | null;
  readonly mine: readonly Block[] | null;
  readonly theirs: readonly Block[] | null;
}
/** A document's review workflow as the window shows it: where it stands, the text's edition now, and its trail. */
export interface WorkflowView {
  workflow: DocumentWorkflow;
  /** The edition (git blob id) of the document's saved file now: when it is not the one under review, it was edited. */
  edition: string;
  /** One sentence when the workflow file disagrees with the project's history (changed outside Policywright). */
  problem: string | null;
  trail: TrailRow[];
  /** The name of the saved version the document was last published as (what its exports are made from), if any. */
  publishedVersion: string | null;
  /** The project's other documents, which this one may depend on. */
  others: Array<{ id: string; title: string }>;
  /** The documents this one depends on that were published after it: it needs a review ("review needed"). */
  reviewNeeded: Array<{ id: string; title: string; publishedAt: string }>;
  /**
   * An edit saved since the edition under review (or published), as the next step will record it: editorial (the same
   * words) or substantive; null when the text is that edition.
   */
  pendingEdit: 'editorial' | 'substantive' | null;
  /** The people who have worked in the project (its git history's authors), most recent first. */
  people: string[];
}

const reviewPerson = z.string().trim().min(1).max(200).refine(hasNoForbiddenCharacters, 'contains a control character');
const reviewNote = z.string().max(4000).refine(hasNoForbiddenCharacters, 'contains a control character').default('');

/** One step of a document's review, taken by the person at the keyboard (the host's user name). */
export const WorkflowStepSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('openReview'), summary: z.string().max(4000).refine(hasNoForbiddenCharacters, 'contains a control character'), reviewers: z.array(reviewPerson).max(50), approvers: z.array(reviewPerson).max(50) }).strict(),
  z.object({ step: z.literal('decide'), decision: z.enum(['approve', 'request-changes', 'decline']), note: reviewNote }).strict(),
  z
    .object({
      step: z.literal('publish'),
      note: reviewNote,
      /** Written into the document before its version is saved, when given: the published text carries them. */
      effectiveDate: IsoDateSchema.optional(),
      lastUpdated: IsoDateSchema.optional(),
    })
    .strict(),
  z.object({ step: z.literal('retire'), note: reviewNote }).strict(),
  z.object({ step: z.literal('setDependsOn'), dependsOn: z.array(DocumentIdSchema).max(50) }).strict(),
  z.object({ step: z.literal('setEditorialKeepsApproval'), keep: z.boolean() }).strict(),
  /** "Review needed" looked at: the document needs no change for the documents it depends on as published now. */
  z.object({ step: z.literal('confirmDependencies'), note: reviewNote }).strict(),
  z.object({ step: z.literal('setReviewInterval'), review: z.object({ everyMonths: z.number().int().min(1).max(120), warnDays: z.number().int().min(0).max(365) }).strict().nullable() }).strict(),
]);
export type WorkflowStep = z.input<typeof WorkflowStepSchema>;

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
/**
 * An edition is compared as if its open suggestions were accepted; `text: 'original'` compares it as it was before
 * them, so the draft against itself so shows its own suggestions as a redline.
 */
const suggestedText = z.enum(['accepted', 'original']).optional();
export const CompareSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), documentId: DocumentIdSchema, text: suggestedText }).strict(),
  z.object({ kind: z.literal('version'), documentId: DocumentIdSchema, version: versionName, text: suggestedText }).strict(),
  z.object({ kind: z.literal('file'), fileName, base64: base64File(MAX_COMPARE_FILE_BYTES), text: suggestedText }).strict(),
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

const documentTitle = z.string().trim().min(1, 'a title is required').max(300).refine(hasNoForbiddenCharacters, 'contains a control character');

const folderPath = z.string().trim().min(1, 'a folder path is required').max(4096);

/**
 * Every call about a project names it (the path openProject or createProject returned), so a save still on its way
 * when the window moves to another project, or a second tab on another project, lands in its own project.
 */
function inProject<T extends z.ZodRawShape>(shape: T) {
  return z.object({ project: folderPath, ...shape }).strict();
}

const documentStamp = z.string().min(1).max(128);

/** A git server's address (HTTPS) or a bare repository's folder; checked in main (remote-url.ts). */
const serverAddress = z.string().trim().min(1, 'the server address is required').max(2048);
/** Empty when the server asks for none (or the ones saved for it stand); a token goes in as the password. */
const serverLogin = {
  username: z.string().trim().max(200).refine(hasNoForbiddenCharacters, 'contains a control character').default(''),
  password: z.string().max(4096).default(''),
};
/** Edited text of a section: lines are its paragraphs, so line breaks (and tabs) are allowed, other controls not. */
function hasNoForbiddenCharactersButLines(text: string): boolean {
  return hasNoForbiddenCharacters(text.replace(/[\r\n\t]/g, ' '));
}

/**
 * What a journal patch changes: an entry the app kept (by the random tag it answered, so no other process's entry can
 * be taken for it), or the document's file as read (by its stamp, which is the SHA-256 of its bytes).
 */
const journalPatchOf = z.string().regex(/^(?:[a-f0-9]{32}|sha256-[\w-]{43})$/, 'must be a journal tag or a document stamp');
const journalEntry = z
  .object({ base: documentStamp.nullable(), takenAt: z.iso.datetime(), text: z.string().max(MAX_JOURNAL_CHARS) })
  .strict();
const journalPatch = z
  .object({
    base: documentStamp.nullable(),
    takenAt: z.iso.datetime(),
    after: journalPatchOf,
    at: z.number().int().min(0).max(MAX_JOURNAL_CHARS),
    remove: z.number().int().min(0).max(MAX_JOURNAL_CHARS),
    insert: z.string().max(MAX_JOURNAL_CHARS),
  })
  .strict();

/** A window's own random id: each window keeps its own journal, so a live window's edits are never offered to another. */
const windowId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'must be a window id');

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
  /** Keeps who the person is in the app's settings: the author of their comments, suggestions, versions and redlines. */
  setIdentity: method<Identity>()(z.object({ identity: IdentitySchema }).strict()),
  pickFolder: method<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'create']) }).strict(),
  ),
  openProject: method<ProjectInfo>()(z.object({ path: folderPath }).strict()),
  /**
   * The subfolders of a folder on this machine (the person's home folder when `path` is null), for choosing a project
   * folder where the host has no folder picker. Hidden folders only when asked for.
   */
  listFolder: method<FolderListing>()(z.object({ path: folderPath.nullable(), hidden: z.boolean().default(false) }).strict()),
  createProject: method<ProjectInfo>()(
    z
      .object({
        path: folderPath,
        name: z.string().trim().min(1, 'a project name is required').max(200),
        sample: z.boolean().default(false),
      })
      .strict(),
  ),
  /** The project as it is on disk now: its documents, which another writer (the command line, a sync) may have changed. */
  getProject: method<ProjectInfo>()(inProject({})),
  createDocument: method<DocumentSummary>()(inProject({ title: documentTitle })),
  /** Gives a document a new title; its id and file name stay, so links, versions and history keep following it. */
  renameDocument: method<DocumentSummary>()(inProject({ documentId: DocumentIdSchema, title: documentTitle })),
  /** A copy of the document under a new id, titled "… (copy)", listed just after it. */
  duplicateDocument: method<{ project: ProjectInfo; documentId: string }>()(inProject({ documentId: DocumentIdSchema })),
  /** Moves the document's file into the project's trash folder and takes it off the list; restoreDocument brings it back. */
  deleteDocument: method<{ project: ProjectInfo; deleted: DeletedDocument }>()(inProject({ documentId: DocumentIdSchema })),
  listDeletedDocuments: method<DeletedDocument[]>()(inProject({})),
  /** Puts a deleted document back (at place `to`, or last), under its old id where that is still free. */
  restoreDocument: method<{ project: ProjectInfo; documentId: string }>()(
    inProject({ deletedId: DocumentIdSchema, to: z.number().int().min(0).max(100_000).optional() }),
  ),
  /** Moves a document to a place (0 first) in the project's order of documents. */
  moveDocument: method<ProjectInfo>()(inProject({ documentId: DocumentIdSchema, to: z.number().int().min(0).max(100_000) })),
  /** Copies the project's own files into a new empty folder and opens the copy (work goes on from a read-only project). */
  saveProjectCopy: method<ProjectInfo>()(inProject({ path: folderPath })),
  /** Adds a whole document under a free id: a copy kept when two writers' edits meet (see saveDocument). */
  addDocument: method<DocumentSummary>()(inProject({ document: PolicyDocumentSchema })),
  loadDocument: method<LoadedDocument>()(inProject({ documentId: DocumentIdSchema })),
  /** Whether the document's file is still the one read or last saved (its stamp): how changes from outside are seen. */
  checkDocument: method<DocumentCheck>()(inProject({ documentId: DocumentIdSchema, stamp: documentStamp, window: windowId.optional() })),
  /**
   * Keeps the window's unsaved edits of a document in the app's settings folder (see JournalEntry), whole or as a patch
   * of the entry the app kept last for the window (see JournalPatch). `kept` is false when the app keeps no journal or
   * no longer holds the entry a patch was made for: the window then sends the whole text.
   */
  writeJournal: method<JournalKept>()(
    inProject({ documentId: DocumentIdSchema, window: windowId, entry: z.union([journalEntry, journalPatch]), leaving: z.boolean().default(false) }),
  ),
  /** The window's edits are saved: its journal entry goes. */
  clearJournal: method<{ kept: boolean }>()(inProject({ documentId: DocumentIdSchema, window: windowId })),
  /**
   * Unsaved edits of the document left by windows that are gone (not this one, none heard from lately): the newest of
   * the app's journal and the entries this browser kept (given here) that differ from the file; null when there are none.
   * `stale` names the browser's entries that hold nothing unsaved, which the tab may let go.
   */
  recoverJournal: method<{ recovered: RecoveredEdits | null; stale: string[] }>()(
    inProject({ documentId: DocumentIdSchema, window: windowId, browser: z.array(z.object({ window: windowId, entry: journalEntry }).strict()).max(50) }),
  ),
  /** The person restored or discarded recovered edits: the entry of the window that kept them goes. */
  settleJournal: method<{ kept: boolean }>()(inProject({ documentId: DocumentIdSchema, window: windowId })),
  exportDocument: method<ExportedFile>()(
    z
      .object({
        project: folderPath,
        documentId: DocumentIdSchema,
        format: z.enum(EXPORT_FORMATS),
        fragment: z.boolean().default(false),
        /** A saved version of the document instead of its current draft. */
        version: versionName.optional(),
      })
      .strict(),
  ),
  importDocument: method<ImportedDocument>()(inProject({ fileName, base64: base64File(MAX_IMPORT_BYTES) })),
  /** A returned file read as suggestions against the document (which is not written: the editor takes the result). */
  importSuggestions: method<ImportedSuggestions>()(inProject({ documentId: DocumentIdSchema, fileName, base64: base64File(MAX_IMPORT_BYTES) })),
  /**
   * Saves the document only if its file is still the one `base` stamps (null: the file is expected not to exist);
   * otherwise fails with the code `conflict` (changed since) or `missing` (deleted or renamed since) and writes nothing.
   */
  saveDocument: method<{ savedAt: string; stamp: string }>()(
    inProject({ documentId: DocumentIdSchema, document: PolicyDocumentSchema, base: documentStamp.nullable() }),
  ),
  listVersions: method<VersionSummary[]>()(inProject({ documentId: DocumentIdSchema.optional() })),
  /** One sentence for each saved version that is damaged and left out of listVersions (the others stay listed). */
  listVersionProblems: method<{ problems: string[] }>()(inProject({})),
  saveVersion: method<VersionSummary>()(
    z
      .object({
        project: folderPath,
        documentId: DocumentIdSchema,
        name: versionName,
        note: z.string().max(2000).refine(hasNoForbiddenCharacters, 'contains a control character').default(''),
        kind: z.enum(VERSION_KINDS),
        author: z.string().trim().min(1, 'an author is required').max(120).refine(hasNoForbiddenCharacters, 'contains a control character'),
      })
      .strict(),
  ),
  loadVersion: method<PolicyDocument>()(inProject({ documentId: DocumentIdSchema, version: versionName })),
  compareDocuments: method<Comparison>()(inProject({ old: CompareSourceSchema, new: CompareSourceSchema })),
  exportComparison: method<ExportedFile>()(
    inProject({ old: CompareSourceSchema, new: CompareSourceSchema, format: z.enum(REDLINE_FORMATS) }),
  ),
  /** Both clause libraries (the project's and the team's), with the files that could not be read. */
  listClauses: method<ClauseLibrary>()(inProject({})),
  /** Creates a clause, or saves an edit of one; an edit of an approved clause's wording makes its next version. */
  saveClause: method<LibraryClause>()(
    inProject({ source: z.enum(CLAUSE_SOURCES), clause: ClauseEditSchema, isNew: z.boolean() }),
  ),
  /** Attaches (or, with null, detaches) the team library folder, in the app's settings; returns the project's library. */
  setTeamLibrary: method<ClauseLibrary>()(inProject({ path: folderPath.nullable() })),
  getVariables: method<{ variables: VariableValues }>()(inProject({})),
  saveVariables: method<{ variables: VariableValues }>()(inProject({ variables: VariablesSchema })),
  /** Every use, in every document of the project, of a clause whose library version is newer. */
  listOutdatedClauseUses: method<{ documents: DocumentDrift[] }>()(inProject({})),
  /** What an export would write as `[name]`, and where, so the person can fill it in first or go on. */
  checkExport: method<{ unfilled: UnfilledVariable[] }>()(
    inProject({ documentId: DocumentIdSchema, version: versionName.optional() }),
  ),
  /** Where the project stands with its git server, as the last sync saw it (no network). */
  syncStatus: method<SyncState>()(inProject({})),
  /** Commits the draft as this person, fetches, merges by section and sends; credentials from the app's settings folder. */
  syncNow: method<SyncResult>()(inProject({})),
  /** The files of an open merge (after a sync that needs attention); none when no merge is open. */
  listSyncConflicts: method<SyncConflictFile[]>()(inProject({})),
  /** Keeps this person's side or takes the colleague's for one file; the last file settled finishes the merge and syncs. */
  resolveSyncConflict: method<SyncResult>()(inProject({ file: z.string().min(1).max(1000), take: z.enum(['mine', 'theirs']) })),
  // ── Connecting to a git server, and a document's conflicts settled place by place (main/usecases/connect.ts) ──
  /**
   * Makes a project folder from a git server's repository (or a bare repository on a share) and opens it; the user
   * name and password, when given, are saved for that server in the app's settings folder, never in the project.
   */
  cloneProject: method<ProjectInfo>()(z.object({ url: serverAddress, path: folderPath, ...serverLogin }).strict()),
  /** Makes `url` the open project's server (git's remote `origin`), saves the credentials given, and syncs once. */
  connectProject: method<SyncResult>()(inProject({ url: serverAddress, ...serverLogin })),
  /**
   * Settles every conflict of one document of the open merge, each with mine, theirs, or (for a section) the text the
   * person wrote; the document is saved and, when it was the last file, the merge is finished and synced.
   */
  resolveSyncSections: method<SyncResult>()(
    inProject({
      file: z.string().min(1).max(1000),
      choices: z
        .array(
          z.discriminatedUnion('take', [
            z.object({ conflict: z.number().int().min(0), take: z.enum(['mine', 'theirs']) }).strict(),
            z.object({ conflict: z.number().int().min(0), take: z.literal('edited'), text: z.string().max(1_000_000).refine(hasNoForbiddenCharactersButLines, 'contains a control character') }).strict(),
          ]),
        )
        .max(10_000),
    }),
  ),
  /** The document's review workflow, its edition now, a problem sentence, and its audit trail. */
  readWorkflow: method<WorkflowView>()(inProject({ documentId: DocumentIdSchema })),
  /** Takes one review step as the host's user; each is a commit with trailers. Publishing also saves a version. */
  workflowStep: method<WorkflowView>()(inProject({ documentId: DocumentIdSchema, step: WorkflowStepSchema })),
  /** The summary of changes a review opens with: the compare against the last published version (or the last version). */
  suggestReviewSummary: method<{ summary: string }>()(inProject({ documentId: DocumentIdSchema })),
  /** One sentence when a document's review state file disagrees with the project's history (said on opening it). */
  workflowProblems: method<{ problem: string | null }>()(inProject({})),
  /** The audit trail as a PDF report for auditors: every step with person, time, note and edition, read from git. */
  exportTrailReport: method<ExportedFile>()(inProject({ documentId: DocumentIdSchema })),
  // ── The checker's project file, checks.json (main/usecases/project-checks.ts) ──
  /** The project's dismissals, laws and acknowledged checklists, and the shipped checklists; a bad file is a sentence. */
  readChecks: method<ChecksView>()(inProject({})),
  /** Dismisses a finding of a document with a one-line reason, saved in the project. */
  dismissFinding: method<{ checks: ProjectChecks }>()(inProject({ documentId: DocumentIdSchema, finding: FindingKeySchema, reason: DismissalReasonSchema })),
  /** Takes a dismissal back: the finding shows again. */
  restoreFinding: method<{ checks: ProjectChecks }>()(inProject({ documentId: DocumentIdSchema, finding: FindingKeySchema })),
  /** The laws a document is checked against; a law picked for the first time in the project is acknowledged as it is. */
  setDocumentLaws: method<{ checks: ProjectChecks }>()(inProject({ documentId: DocumentIdSchema, laws: LawsSchema })),
  /** "Mark as reviewed": the project has seen the shipped checklist's new and changed requirements. */
  acknowledgeChecklist: method<{ checks: ProjectChecks }>()(inProject({ checklist: LawsSchema.element })),
} as const;

/** What the Check tab reads once per project. */
export interface ChecksView {
  checks: ProjectChecks;
  /** The project's checks.json could not be read (one sentence naming it): the checks show with no dismissals. */
  problem: string | null;
  /** The checklists shipped with this version of Policywright, newest versions. */
  checklists: Checklist[];
}

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
export type Reply<R> = { ok: true; value: R } | { ok: false; error: { message: string; code?: ErrorCode } };
