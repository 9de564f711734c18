import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import {
  DocumentIdSchema,
  FORMAT_VERSION,
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
import type { DocumentSummary, ProjectInfo } from '../../shared/api/contract';
import { UserError } from './errors';
import { CLAUSES_DIR, DOCUMENTS_DIR, DOCUMENT_SUFFIX, MANIFEST_FILE, documentFile } from './project-files';
import { CLAUSE_FILE_SUFFIX } from '../../shared/clauses/library';
import { DEVICE_NAME_PROBLEM, caseKey, isWindowsDeviceName } from '../../shared/model/file-names';
import { ConfinedFolder, SIZE_LIMITS, fsProblem } from './project-fs';
import type { ProjectLibrarySeed } from './starter';
import { writeVariables } from './variables';

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
   * Documents already read and validated, by file stamp (modification time and size): listing the project and then
   * opening a document must not parse a 100,000-word file twice. A change on disk changes the stamp.
   */
  private readonly parsed = new Map<string, { stamp: string; doc: PolicyDocument }>();

  static async open(dir: string): Promise<Project> {
    const absolute = path.resolve(dir);
    const read = await new ConfinedFolder(absolute).readText(MANIFEST_FILE, SIZE_LIMITS.manifest);
    if (!read) throw new UserError(`${absolute} is not a Policywright project: it has no ${MANIFEST_FILE}.`);
    return new Project(absolute, parseFile(ProjectManifestSchema, read.text, MANIFEST_FILE));
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
      throw new UserError(`Cannot use ${absolute} for a new project: ${fsProblem('it', error, 'read').replace(/\.$/, '')}.`);
    });
    if (existing.length > 0) {
      throw new UserError(`Cannot create a project in ${absolute}: the folder is not empty. Choose an empty or new folder.`);
    }
    await fs.mkdir(absolute, { recursive: true }).catch((error: unknown) => {
      throw new UserError(`Cannot use ${absolute} for a new project: ${fsProblem('it', error, 'made').replace(/\.$/, '')}.`);
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
    const manifest: ProjectManifest = { format: FORMAT_VERSION, name, documents: documents.map((d) => d.id) };
    await folder.write(MANIFEST_FILE, serializeManifest(manifest));
    return new Project(absolute, manifest);
  }

  get name(): string {
    return this.manifest.name;
  }

  get documentIds(): readonly string[] {
    return this.manifest.documents;
  }

  async info(): Promise<ProjectInfo> {
    const documents = await Promise.all(this.manifest.documents.map((id) => this.summary(id)));
    return { name: this.manifest.name, path: this.dir, documents };
  }

  async loadDocument(id: string): Promise<PolicyDocument> {
    this.requireListed(id);
    const file = documentFile(id);
    const seen = await this.folder.inspectFile(file, SIZE_LIMITS.document);
    const cached = this.parsed.get(id);
    if (seen && cached?.stamp === stampOf(seen)) return cached.doc;
    const read = seen && (await this.folder.readText(file, SIZE_LIMITS.document));
    if (!read) throw new UserError(`${file} does not exist.`);
    const doc = parseFile(PolicyDocumentSchema, read.text, file);
    this.parsed.set(id, { stamp: stampOf(read.stats), doc });
    return doc;
  }

  async saveDocument(id: string, doc: PolicyDocument): Promise<void> {
    this.requireListed(id);
    // The document arrives already validated by the API; parse again so nothing unchecked can ever reach the disk.
    const checked = PolicyDocumentSchema.parse(doc);
    await this.folder.write(documentFile(id), serializeDocument(checked));
  }

  createDocument(title: string): Promise<DocumentSummary> {
    return this.addDocument(blankDocument(title));
  }

  /** Adds a document (new or imported) under a free id: its file first, then the manifest that lists it. */
  async addDocument(doc: PolicyDocument): Promise<DocumentSummary> {
    const checked = PolicyDocumentSchema.parse(doc);
    const id = await this.freeDocumentId(slugify(checked.title));
    await this.folder.write(documentFile(id), serializeDocument(checked));
    const manifest = { ...this.manifest, documents: [...this.manifest.documents, id] };
    await this.folder.write(MANIFEST_FILE, serializeManifest(manifest));
    this.manifest = manifest;
    return { id, title: checked.title };
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
    if (!this.manifest.documents.includes(id)) {
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
    const taken = new Set((await this.folder.list(DOCUMENTS_DIR) ?? []).map((entry) => caseKey(entry.name)));
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

/** A file's modification time and size: a change on disk changes it. */
function stampOf(stats: { mtimeMs: number; size: number }): string {
  return `${stats.mtimeMs}:${stats.size}`;
}
