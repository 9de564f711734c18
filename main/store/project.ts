import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import {
  DocumentIdSchema,
  FORMAT_VERSION,
  MANIFEST_FORMAT_VERSION,
  PolicyDocumentSchema,
  ProjectManifestSchema,
  type PolicyDocument,
  type ProjectManifest,
} from '../../shared/model/document';
import { parseFile } from '../../shared/format/parse';
import { serializeDocument, serializeManifest } from '../../shared/format/serialize';
import { FormatError } from '../../shared/format/problems';
import { slugify } from '../../shared/model/text';
import { newSectionId } from '../../shared/model/ids';
import type { DeletedDocument, DocumentCheck, DocumentSummary, LoadedDocument, ProjectInfo } from '../../shared/api/contract';
import { writeFileAtomic } from './atomic-write';
import { UserError } from './errors';
import { CLAUSES_DIR, DOCUMENTS_DIR, DOCUMENT_SUFFIX, MANIFEST_FILE, MANIFEST_LOCK, TRASH_DIR, VARIABLES_FILE, CHECKS_FILE, documentFile, trashFile } from './project-files';
import { CLAUSE_FILE_SUFFIX } from '../../shared/clauses/library';
import { DEVICE_NAME_PROBLEM, caseKey, isWindowsDeviceName } from '../../shared/model/file-names';
import { ConfinedFolder, SIZE_LIMITS, textOf } from './project-fs';
import type { ProjectLibrarySeed } from './starter';
import { writeVariables } from './variables';
import { stampOf } from './document-stamp';
import { serialized } from './serialized';
import { withFolderLock } from './folder-lock';
import { causeOf } from './describe-fs-error';
import { removeLeftoverTemporaryFiles, whyReadOnly } from './project-folder-state';
import type { Stats } from 'node:fs';

/** An open project folder: its manifest and its documents, read and written only through here. */
export class Project {
  private constructor(
    readonly dir: string,
    private manifest: ProjectManifest,
  ) {
    this.folder = new ConfinedFolder(dir);
  }

  /** Every read and write of the project's files goes through here: nothing in the folder can lead outside it. */
  private readonly folder: ConfinedFolder;

  /**
   * Documents already read and validated, with the stamp of their bytes, by what `stat` says of the file: listing the
   * project and then opening a document must not parse a 100,000-word file twice, and a window asking every few
   * seconds whether its file changed must not hash it each time. Any change on disk changes the `stat` key.
   */
  private readonly parsed = new Map<string, { statKey: string; stamp: string; doc: PolicyDocument }>();

  /**
   * Documents another writer took off the list while this project was open. A window may still have one open: its
   * checks must answer "missing" (the window then offers to save the text again), and its journal and saves must be
   * taken, not refused as a document the project never had. Ids this project took off itself are not kept here.
   */
  private readonly goneElsewhere = new Set<string>();

  /** Why nothing in the folder can be saved (read-only disk or folder, no permission), or null when it can. */
  readOnly: string | null = null;

  static async open(dir: string): Promise<Project> {
    const absolute = path.resolve(dir);
    const manifest = await readManifest(new ConfinedFolder(absolute));
    if (!manifest) throw new UserError(`${absolute} is not a Policywright project: it has no ${MANIFEST_FILE}.`);
    const project = new Project(absolute, manifest);
    project.readOnly = await whyReadOnly(absolute);
    if (!project.readOnly) await removeLeftoverTemporaryFiles(absolute);
    return project;
  }

  /**
   * Copies the project's own files (manifest, variables, checks, listed documents, clause library) into a new empty folder
   * and opens the copy: how work goes on from a project that cannot be saved where it is.
   */
  async copyTo(dir: string): Promise<Project> {
    const target = path.resolve(dir);
    const existing = await fs.readdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw new UserError(`Cannot use ${target} for the copy: ${causeOf(error)}.`);
    });
    if (existing.length > 0) throw new UserError(`Cannot copy the project into ${target}: the folder is not empty. Choose an empty or new folder.`);
    // What is copied is read as everything else is: no link followed, only ordinary files (a link or pipe stops it).
    const files = [MANIFEST_FILE, VARIABLES_FILE, CHECKS_FILE, ...this.manifest.documents.filter((id) => DocumentIdSchema.safeParse(id).success).map(documentFile)];
    const clauses = (await this.folder.list(CLAUSES_DIR).catch(() => null)) ?? [];
    for (const entry of clauses) if (entry.isFile() && entry.name.endsWith(CLAUSE_FILE_SUFFIX)) files.push(`${CLAUSES_DIR}/${entry.name}`);
    try {
      for (const relative of files) {
        const bytes = (await this.folder.readBytes(relative, SIZE_LIMITS.document))?.bytes ?? null;
        if (bytes === null) continue;
        await fs.mkdir(path.dirname(path.join(target, relative)), { recursive: true });
        await writeFileAtomic(path.join(target, relative), bytes);
      }
    } catch (error) {
      if (error instanceof UserError && !(error.cause ?? null)) throw error;
      throw new UserError(`The project could not be copied into ${target}: ${causeOf(error)}.`);
    }
    return Project.open(target);
  }

  /**
   * Makes a new project in a folder that does not exist yet or is empty; never writes into someone's files. With a
   * library seed, the project gets its own copy of a clause library and its variables.
   */
  static async create(
    dir: string,
    name: string,
    documents: ReadonlyArray<{ id: string; doc: PolicyDocument }>,
    library?: ProjectLibrarySeed,
  ): Promise<Project> {
    const absolute = path.resolve(dir);
    const existing = await fs.readdir(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      if (error.code === 'ENOTDIR') throw new UserError(`Cannot use ${absolute} for a new project: it is a file, not a folder.`);
      throw new UserError(`Cannot use ${absolute} for a new project: ${causeOf(error)}.`);
    });
    if (existing.length > 0) {
      throw new UserError(`Cannot create a project in ${absolute}: the folder is not empty. Choose an empty or new folder.`);
    }
    await fs.mkdir(absolute, { recursive: true }).catch((error: unknown) => {
      throw new UserError(`Cannot use ${absolute} for a new project: ${causeOf(error)}.`);
    });
    const folder = new ConfinedFolder(absolute);
    await folder.makeFolders(DOCUMENTS_DIR);
    for (const { id, doc } of documents) await folder.write(documentFile(id), serializeDocument(doc));
    if (library) {
      // The starter library is the app's own, installed with it: a plain copy of its files.
      for (const file of (await fs.readdir(library.clausesFrom)).filter((f) => f.endsWith(CLAUSE_FILE_SUFFIX))) {
        await folder.write(`${CLAUSES_DIR}/${file}`, await fs.readFile(path.join(library.clausesFrom, file)));
      }
      await writeVariables(absolute, library.variables);
    }
    const manifest: ProjectManifest = { format: MANIFEST_FORMAT_VERSION, name, documents: documents.map((d) => d.id) };
    await folder.write(MANIFEST_FILE, serializeManifest(manifest));
    return new Project(absolute, manifest);
  }

  get name(): string {
    return this.manifest.name;
  }

  get documentIds(): readonly string[] {
    return this.manifest.documents;
  }

  /**
   * The project as it is on disk now: another writer (the command line's import, another window, a sync) may have
   * added, moved or deleted documents since this one read the manifest. A manifest that cannot be read just now, or is
   * damaged, leaves the list as it was last read rather than emptying the window.
   */
  async info(): Promise<ProjectInfo> {
    await this.readManifestAgain();
    const documents = await Promise.all(this.manifest.documents.map((id) => this.summary(id)));
    return { name: this.manifest.name, path: this.dir, documents, ...(this.readOnly ? { readOnly: this.readOnly } : {}) };
  }

  /** Under the manifest's lock: a read finishing after a change of ours must not put back the list from before it. */
  private async readManifestAgain(): Promise<void> {
    await serialized(`manifest ${await this.lockKey()}`, async () => {
      // Kept as last read when it cannot be read: opening the project again says what is wrong with the file.
      const onDisk = await readManifest(this.folder).catch(() => null);
      if (onDisk) this.adoptManifest(onDisk);
    });
  }

  /** The manifest as another writer left it: what they took off the list is noted (see goneElsewhere). */
  private adoptManifest(next: ProjectManifest): void {
    for (const id of this.manifest.documents) if (!next.documents.includes(id)) this.goneElsewhere.add(id);
    for (const id of next.documents) this.goneElsewhere.delete(id);
    this.manifest = next;
  }

  async loadDocument(id: string): Promise<PolicyDocument> {
    return (await this.readDocument(id)).document;
  }

  /** The document and the stamp of the bytes it was read from, which a later save names as its base. */
  async readDocument(id: string): Promise<LoadedDocument> {
    this.requireListed(id);
    const file = documentFile(id);
    const seen = await this.folder.inspectFile(file, SIZE_LIMITS.document);
    const cached = this.parsed.get(id);
    if (seen && cached?.statKey === statKeyOf(seen) && !isRacy(seen)) return { document: cached.doc, stamp: cached.stamp };
    const read = seen && (await this.folder.readBytes(file, SIZE_LIMITS.document));
    if (!read) throw new UserError(`${file} does not exist.`);
    const stamp = stampOf(read.bytes);
    // The same bytes as parsed last (a file written a moment ago, whose stat cannot vouch for it): no need to parse.
    const doc = cached?.stamp === stamp ? cached.doc : parseFile(PolicyDocumentSchema, textOf(file, read.bytes), file);
    this.parsed.set(id, { statKey: statKeyOf(read.stats), stamp, doc });
    return { document: doc, stamp };
  }

  /** The file's text and stamp as they are now, or null when there is none (or it cannot be read). */
  async fileState(id: string): Promise<{ text: string; stamp: string } | null> {
    this.requireListed(id);
    const file = documentFile(id);
    try {
      const read = await this.folder.readBytes(file, SIZE_LIMITS.document);
      return read && { text: textOf(file, read.bytes), stamp: stampOf(read.bytes) };
    } catch {
      return null;
    }
  }

  /** Whether the document's file still holds what `stamp` names; a file that no longer reads counts as changed. */
  async checkDocument(id: string, stamp: string): Promise<DocumentCheck> {
    this.requireListed(id);
    const now = await this.currentStamp(id);
    if (now === null) return { state: 'missing', stamp: null };
    return { state: now === stamp ? 'unchanged' : 'changed', stamp: now };
  }

  /**
   * Writes the document only if its file still holds what `base` stamps (null: no file is expected), so that another
   * writer's change — another window, a `git pull`, a colleague on a shared drive — is never silently replaced.
   * Saves of one file in this process run one at a time, so two windows cannot both pass the check.
   */
  async saveDocument(id: string, doc: PolicyDocument, base: string | null): Promise<{ stamp: string }> {
    this.requireListed(id);
    // The document arrives already validated by the API; parse again so nothing unchecked can ever reach the disk.
    const checked = PolicyDocumentSchema.parse(doc);
    const file = documentFile(id);
    const saved = await serialized(`file ${await this.lockKey()} ${id}`, async () => {
      const now = await this.currentStamp(id);
      if (now !== base) throw this.conflict(id, now);
      const text = serializeDocument(checked);
      await this.folder.write(file, text);
      // Nothing cached from a stat taken now: another writer may already have replaced what was just written.
      this.parsed.delete(id);
      this.stamps.delete(id);
      return { stamp: stampOf(text) };
    });
    // Written where no file was expected ("Save my text again" after the file was deleted): if another writer also
    // took it off the list, it goes back on it, last. Only then: an ordinary save never undoes their removal. The text
    // is on disk whatever happens to the list, so a failure here does not make the save one.
    if (base === null) {
      await this.changeManifest(async (documents) => ({ documents: documents.includes(id) ? documents : [...documents, id], result: undefined })).catch(() => undefined);
    }
    return saved;
  }

  private conflict(id: string, now: string | null): UserError {
    const name = documentFile(id);
    if (now !== null) return new UserError(`${name} was changed outside this window since it was opened here, so it was not saved over.`, 'conflict');
    return new UserError(`${name} was deleted or renamed outside this window, so it was not written again.`, 'missing');
  }

  /** The stamp of the document's file as it is now, or null when there is none (or the project folder is gone). */
  private async currentStamp(id: string): Promise<string | null> {
    const file = documentFile(id);
    const stat = await this.folder.inspectFile(file, SIZE_LIMITS.document);
    if (!stat) return null;
    const statKey = statKeyOf(stat);
    const known = this.stamps.get(id) ?? this.parsed.get(id);
    if (known?.statKey === statKey && !isRacy(stat)) return known.stamp;
    const read = await this.folder.readBytes(file, SIZE_LIMITS.document);
    if (!read) return null;
    const stamp = stampOf(read.bytes);
    this.stamps.set(id, { statKey: statKeyOf(read.stats), stamp });
    return stamp;
  }

  /** Stamps of files hashed by a check (without parsing them), by what `stat` said just before they were read. */
  private readonly stamps = new Map<string, { statKey: string; stamp: string }>();

  createDocument(title: string): Promise<DocumentSummary> {
    return this.addDocument(blankDocument(title));
  }

  /** Adds a document (new or imported) under a free id: its file first, then the manifest that lists it. */
  async addDocument(doc: PolicyDocument, after?: string): Promise<DocumentSummary> {
    const checked = PolicyDocumentSchema.parse(doc);
    return this.changeManifest(async (documents) => {
      const id = await this.freeDocumentId(slugify(checked.title));
      await this.folder.write(documentFile(id), serializeDocument(checked));
      const at = after === undefined ? -1 : documents.indexOf(after);
      const next = at < 0 ? [...documents, id] : [...documents.slice(0, at + 1), id, ...documents.slice(at + 1)];
      return { documents: next, result: { id, title: checked.title } };
    });
  }

  /**
   * Changes the list of documents as it is on disk now: another window of this app may have added, moved or deleted
   * a document since this one read the manifest, so it is read again first, under the one lock for the manifest.
   */
  private async changeManifest<T>(change: (documents: string[]) => Promise<{ documents: string[]; result: T }>): Promise<T> {
    // Between this window's own changes, then between processes (the command line, another app on a shared drive).
    return serialized(`manifest ${await this.lockKey()}`, () => withFolderLock(this.folder.root, MANIFEST_LOCK, async () => {
      const onDisk = (await readManifest(this.folder).catch(() => null)) ?? this.manifest;
      this.adoptManifest(onDisk);
      const { documents, result } = await change([...onDisk.documents]);
      const manifest = { ...onDisk, documents };
      // A change that changes nothing writes nothing.
      const same = documents.length === onDisk.documents.length && documents.every((id, i) => id === onDisk.documents[i]);
      if (!same) await this.folder.write(MANIFEST_FILE, serializeManifest(manifest));
      this.manifest = manifest;
      // Listed again, or taken off the list by this project itself: no longer gone elsewhere.
      for (const id of [...onDisk.documents, ...documents]) this.goneElsewhere.delete(id);
      return result;
    }));
  }

  /**
   * A new title for a document; its id and file name stay, so links into it, its versions and its git history keep
   * following it. Written as a save is, under the file's lock and against the stamp read just before.
   */
  async renameDocument(id: string, title: string): Promise<{ summary: DocumentSummary; stamp: string }> {
    const { document, stamp } = await this.readDocument(id);
    const saved = await this.saveDocument(id, { ...document, title }, stamp);
    return { summary: { id, title }, stamp: saved.stamp };
  }

  /** A copy of the document under a new id (its sections keep their ids: they are ids within a document), listed after it. */
  async duplicateDocument(id: string): Promise<DocumentSummary> {
    const { document } = await this.readDocument(id);
    const title = `${document.title.slice(0, 300 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
    return this.addDocument({ ...document, title }, id);
  }

  /**
   * Moves the document's file, bytes as they are, into the trash folder inside the project, then takes it off the
   * list, then removes it from documents/: a crash between the steps leaves a spare copy, never a lost document.
   */
  async deleteDocument(id: string): Promise<DeletedDocument> {
    this.requireListed(id);
    const file = documentFile(id);
    return serialized(`file ${await this.lockKey()} ${id}`, () =>
      this.changeManifest(async (documents) => {
        const read = await this.folder.readBytes(file, SIZE_LIMITS.document);
        const title = read ? titleIn(textOf(file, read.bytes)) ?? id : id;
        const trashId = await this.freeTrashId(id);
        if (read) await this.folder.write(trashFile(trashId), read.bytes);
        // The time the trash file was written, as the list of deleted documents shows it later.
        const kept = read ? await this.folder.inspectFile(trashFile(trashId), SIZE_LIMITS.document) : null;
        const result = { id: trashId, title, deletedAt: (kept?.mtime ?? new Date()).toISOString() };
        return { documents: documents.filter((listed) => listed !== id), result };
      }).then(async (deleted) => {
        await this.removeFile(file);
        // Deleted here: no save or journal entry of a window may bring it back, even if another writer took it first.
        this.goneElsewhere.delete(id);
        this.parsed.delete(id);
        this.stamps.delete(id);
        return deleted;
      }),
    );
  }

  /** The documents in the trash folder, newest deletion first; a file there that cannot be read is left out. */
  async deletedDocuments(): Promise<DeletedDocument[]> {
    const entries = (await this.folder.list(TRASH_DIR)) ?? [];
    const found: DeletedDocument[] = [];
    for (const entry of entries) {
      const trashId = entry.name.endsWith(DOCUMENT_SUFFIX) ? entry.name.slice(0, -DOCUMENT_SUFFIX.length) : '';
      if (!entry.isFile() || !DocumentIdSchema.safeParse(trashId).success) continue;
      try {
        const read = await this.folder.readBytes(trashFile(trashId), SIZE_LIMITS.document);
        if (!read) continue;
        const title = titleIn(textOf(trashFile(trashId), read.bytes)) ?? trashId;
        found.push({ id: trashId, title, deletedAt: read.stats.mtime.toISOString() });
      } catch {
        // A damaged or odd file in the trash is no reason to hide the others.
      }
    }
    return found.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id));
  }

  /** Puts a deleted document back at the end of the list, under its old id where that is still free. */
  async restoreDocument(trashId: string): Promise<DocumentSummary> {
    const from = trashFile(trashId);
    const read = await this.folder.readBytes(from, SIZE_LIMITS.document);
    if (!read) throw new UserError(`There is no deleted document "${trashId}" in the project ${this.manifest.name}.`);
    const doc = parseFile(PolicyDocumentSchema, textOf(from, read.bytes), from);
    const summary = await this.changeManifest(async (documents) => {
      const id = await this.freeDocumentId(trashId);
      await this.folder.write(documentFile(id), read.bytes);
      return { documents: [...documents, id], result: { id, title: doc.title } };
    });
    await this.removeFile(from);
    return summary;
  }

  /** Moves a document to place `to` (0 first; past the end means last) in the project's order. */
  async moveDocument(id: string, to: number): Promise<void> {
    this.requireListed(id);
    await this.changeManifest(async (documents) => {
      const others = documents.filter((listed) => listed !== id);
      // Deleted meanwhile by another window: the order stays as it is on disk.
      if (others.length === documents.length) return { documents, result: undefined };
      const at = Math.min(Math.max(0, to), others.length);
      return { documents: [...others.slice(0, at), id, ...others.slice(at)], result: undefined };
    });
  }

  /**
   * Removes a regular file of the project reached through real folders (never a link, a folder or what a link leads
   * to, as ConfinedFolder checks); nothing happens when it is already gone.
   */
  private async removeFile(relative: string): Promise<void> {
    if (!(await this.folder.inspectFile(relative, Number.MAX_SAFE_INTEGER))) return;
    await fs.unlink(this.folder.pathOf(relative)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw new UserError(`${relative} could not be removed: ${causeOf(error)}.`);
    });
  }

  /** A name in the trash not taken by an earlier deletion (the same id may be deleted, made again and deleted again). */
  private async freeTrashId(id: string): Promise<string> {
    const taken = new Set(((await this.folder.list(TRASH_DIR)) ?? []).map((entry) => caseKey(entry.name)));
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const trashId = `${id.slice(0, MAX_DOCUMENT_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!taken.has(caseKey(`${trashId}${DOCUMENT_SUFFIX}`))) return trashId;
    }
  }

  /** The folder as the system names it (links and `..` resolved): one lock for one folder, however it was opened. */
  private async lockKey(): Promise<string> {
    const real = await fs.realpath(this.dir).catch(() => this.dir);
    return process.platform === 'linux' ? real : real.toLowerCase();
  }

  private async summary(id: string): Promise<DocumentSummary> {
    try {
      const doc = await this.loadDocument(id);
      return { id, title: doc.title };
    } catch (error) {
      const problem = error instanceof FormatError || error instanceof UserError ? error.message : String(error);
      return { id, title: id, problem };
    }
  }

  /** Refuses, in one sentence, a document id the project does not list. */
  requireDocument(id: string): void {
    this.requireListed(id);
  }

  private requireListed(id: string): void {
    if (!this.manifest.documents.includes(id) && !this.goneElsewhere.has(id)) {
      throw new UserError(`There is no document "${id}" in the project ${this.manifest.name}.`);
    }
    // Listed by a manifest made on another system: the file is never opened, as on Windows it would be a device.
    if (!DocumentIdSchema.safeParse(id).success) {
      throw new UserError(`The document "${id}" in ${MANIFEST_FILE} ${DEVICE_NAME_PROBLEM}; rename ${documentFile(id)} and its entry.`);
    }
  }

  /**
   * A new document never takes the name of a file already in the folder, listed or not, nor one that differs from
   * it only in case (the same file on Windows and macOS), nor a Windows device name.
   */
  private async freeDocumentId(slug: string): Promise<string> {
    const base = isWindowsDeviceName(slug) ? `${slug}-document` : slug;
    const taken = new Set(((await this.folder.list(DOCUMENTS_DIR)) ?? []).map((entry) => caseKey(entry.name)));
    for (let n = 1; ; n++) {
      // Ids stop at 64 characters (DocumentIdSchema): a suffix shortens the slug rather than lengthen the id.
      const suffix = n === 1 ? '' : `-${n}`;
      const id = `${base.slice(0, MAX_DOCUMENT_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (this.manifest.documents.includes(id) || !DocumentIdSchema.safeParse(id).success) continue;
      if (!taken.has(caseKey(`${id}${DOCUMENT_SUFFIX}`))) return id;
    }
  }
}

const MAX_DOCUMENT_ID = 64;

const COPY_SUFFIX = ' (copy)';

/** A document's title from its file's text, or null when the file does not parse: enough to name it in the trash. */
function titleIn(text: string): string | null {
  try {
    return PolicyDocumentSchema.parse(JSON.parse(text)).title;
  } catch {
    return null;
  }
}

export function blankDocument(title: string): PolicyDocument {
  return {
    format: FORMAT_VERSION,
    title,
    effectiveDate: null,
    lastUpdated: null,
    versionLabel: '',
    owner: '',
    numbering: 'decimal',
    blocks: [
      { kind: 'heading', id: newSectionId(), level: 1, runs: [{ text: 'Introduction' }] },
      { kind: 'paragraph', runs: [] },
    ],
  };
}

/** Everything that changes when a file is replaced or written, cheaply: inode, size and both times. */
function statKeyOf(stat: Stats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

// A file changed within this long may change again within the same tick of a coarse clock (FAT, SMB, some NFS) without
// its times moving: git's "racy git". Its stat cannot vouch for its bytes; they are hashed again.
const RACY_MS = 3000;

function isRacy(stat: Stats, now = Date.now()): boolean {
  return now - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_MS;
}

/** The manifest as it is on disk, or null when there is none; a damaged one throws, naming the file and the spot. */
async function readManifest(folder: ConfinedFolder): Promise<ProjectManifest | null> {
  const read = await folder.readText(MANIFEST_FILE, SIZE_LIMITS.manifest);
  return read && parseFile(ProjectManifestSchema, read.text, MANIFEST_FILE);
}
