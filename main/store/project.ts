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
import { writeFileAtomic } from './atomic-write';
import { UserError } from './errors';
import { DOCUMENTS_DIR, clausesDir, displayName, documentPath, manifestPath } from './project-files';
import { CLAUSE_FILE_SUFFIX } from '../../shared/clauses/library';
import type { ProjectLibrarySeed } from './starter';
import { writeVariables } from './variables';

/** An open project folder: its manifest and its documents, read and written only through here. */
export class Project {
  private constructor(
    readonly dir: string,
    private manifest: ProjectManifest,
  ) {}

  /**
   * Documents already read and validated, by file stamp (modification time and size): listing the project and then
   * opening a document must not parse a 100,000-word file twice. A change on disk changes the stamp.
   */
  private readonly parsed = new Map<string, { stamp: string; doc: PolicyDocument }>();

  static async open(dir: string): Promise<Project> {
    const absolute = path.resolve(dir);
    const file = manifestPath(absolute);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new UserError(describeMissing(file, error));
    }
    return new Project(absolute, parseFile(ProjectManifestSchema, text, displayName(absolute, file)));
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
      throw new UserError(`Cannot use ${absolute} for a new project: ${error.message}.`);
    });
    if (existing.length > 0) {
      throw new UserError(`Cannot create a project in ${absolute}: the folder is not empty. Choose an empty or new folder.`);
    }
    await fs.mkdir(path.join(absolute, DOCUMENTS_DIR), { recursive: true });
    for (const { id, doc } of documents) await writeFileAtomic(documentPath(absolute, id), serializeDocument(doc));
    if (library) {
      const target = clausesDir(absolute);
      await fs.mkdir(target, { recursive: true });
      for (const file of (await fs.readdir(library.clausesFrom)).filter((f) => f.endsWith(CLAUSE_FILE_SUFFIX))) {
        await fs.copyFile(path.join(library.clausesFrom, file), path.join(target, file));
      }
      await writeVariables(absolute, library.variables);
    }
    const manifest: ProjectManifest = { format: FORMAT_VERSION, name, documents: documents.map((d) => d.id) };
    await writeFileAtomic(manifestPath(absolute), serializeManifest(manifest));
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
    const file = documentPath(this.dir, id);
    let text: string;
    let stamp: string;
    try {
      const stat = await fs.stat(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
      const cached = this.parsed.get(id);
      if (cached?.stamp === stamp) return cached.doc;
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new UserError(describeMissing(file, error));
    }
    const doc = parseFile(PolicyDocumentSchema, text, displayName(this.dir, file));
    this.parsed.set(id, { stamp, doc });
    return doc;
  }

  async saveDocument(id: string, doc: PolicyDocument): Promise<void> {
    this.requireListed(id);
    // The document arrives already validated by the API; parse again so nothing unchecked can ever reach the disk.
    const checked = PolicyDocumentSchema.parse(doc);
    await writeFileAtomic(documentPath(this.dir, id), serializeDocument(checked));
  }

  createDocument(title: string): Promise<DocumentSummary> {
    return this.addDocument(blankDocument(title));
  }

  /** Adds a document (new or imported) under a free id: its file first, then the manifest that lists it. */
  async addDocument(doc: PolicyDocument): Promise<DocumentSummary> {
    const checked = PolicyDocumentSchema.parse(doc);
    const id = await this.freeDocumentId(slugify(checked.title));
    await writeFileAtomic(documentPath(this.dir, id), serializeDocument(checked));
    const manifest = { ...this.manifest, documents: [...this.manifest.documents, id] };
    await writeFileAtomic(manifestPath(this.dir), serializeManifest(manifest));
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
    if (!DocumentIdSchema.safeParse(id).success || !this.manifest.documents.includes(id)) {
      throw new UserError(`There is no document "${id}" in the project ${this.manifest.name}.`);
    }
  }

  /** A new document never takes the name of a file already in the folder, listed or not. */
  private async freeDocumentId(base: string): Promise<string> {
    for (let n = 1; ; n++) {
      // Ids stop at 64 characters (DocumentIdSchema): a suffix shortens the slug rather than lengthen the id.
      const suffix = n === 1 ? '' : `-${n}`;
      const id = `${base.slice(0, MAX_DOCUMENT_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (this.manifest.documents.includes(id)) continue;
      const taken = await fs.stat(documentPath(this.dir, id)).then(() => true, () => false);
      if (!taken) return id;
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

function describeMissing(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return path.basename(file) === 'policywright.json'
      ? `${path.dirname(file)} is not a Policywright project: it has no policywright.json.`
      : `${file} does not exist.`;
  }
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read: permission denied.`;
  return `${file} cannot be read: ${(error as Error).message}.`;
}
