import { firstReadableDocument } from '../../shared/api/startup';
import type { MethodName, MethodResult, ParsedInput } from '../../shared/api/contract';
import { Project, blankDocument } from '../store/project';
import type { RecentProjects } from '../store/recent';
import { loadSampleDocuments } from '../store/sample';
import { UserError } from '../store/errors';
import { renderExport } from '../export/render';
import type { PdfRenderer } from '../export/pdf';
import { importFile } from '../import/import-file';
import { ProjectHistory, type VersionInfo } from '../store/history';
import { draftEdition, versionEdition, type Edition } from '../compare/editions';
import { compareSources, renderRedline } from '../compare/compare-editions';
import type { VersionSummary } from '../../shared/api/contract';
import { slugify } from '../../shared/model/text';
import type { AppSettings } from '../store/settings';
import { loadLibrary, projectClauses, saveClause } from '../store/clause-library';
import { readVariables, writeVariables } from '../store/variables';
import { librarySeed } from '../store/starter';
import type { ClauseLibrary } from '../../shared/clauses/library';
import { clauseLookup, outdatedUses } from '../../shared/clauses/drift';
import { unfilledVariables } from '../../shared/clauses/unfilled';
import { variableNamesIn } from '../../shared/clauses/variables';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>;
};

/** What differs between hosts: Electron can show the system's folder picker, the web host cannot. */
export interface HostServices {
  readonly version: string;
  readonly recent: RecentProjects;
  readonly pickFolder: ((purpose: 'open' | 'create') => Promise<string | null>) | null;
  readonly renderPdf: PdfRenderer;
  /** Who is at the keyboard: the default author of versions, and the author of a redline's tracked changes. */
  readonly userName: string;
  /** The app's settings (the team clause library folder); without them there is no team library. */
  readonly settings?: AppSettings;
}

/** The state of one window: the project it has open. */
export class Workspace {
  project: Project | null = null;

  requireProject(): Project {
    if (!this.project) throw new UserError('No project is open. Open or create a project first.');
    return this.project;
  }
}

export function createHandlers(host: HostServices, workspace: Workspace): Handlers {
  async function use(project: Project) {
    workspace.project = project;
    await host.recent.remember({ name: project.name, path: project.dir });
    return project.info();
  }

  async function teamDir(): Promise<string | null> {
    return (await host.settings?.get())?.teamLibrary ?? null;
  }

  async function library(project: Project): Promise<ClauseLibrary> {
    return loadLibrary(projectClauses(project.dir), await teamDir(), await readVariables(project.dir));
  }

  return {
    async getStartup() {
      const project = workspace.project;
      const info = project ? await project.info() : null;
      const first = info ? firstReadableDocument(info) : undefined;
      // Read now rather than in a second call: the document is the window's first screen.
      const document = project && first ? await project.loadDocument(first.id).catch(() => null) : null;
      return {
        project: info,
        recent: await host.recent.list(),
        canPickFolder: host.pickFolder !== null,
        version: host.version,
        userName: host.userName,
        opening: first && document ? { documentId: first.id, document } : null,
      };
    },
    listRecentProjects: () => host.recent.list(),
    async pickFolder({ purpose }) {
      if (!host.pickFolder) throw new UserError('This window cannot show a folder picker; type the folder path instead.');
      return { path: await host.pickFolder(purpose) };
    },
    openProject: async ({ path }) => use(await Project.open(path)),
    async createProject({ path, name, sample }) {
      const documents = sample ? await loadSampleDocuments() : [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }];
      return use(await Project.create(path, name, documents, await librarySeed(sample)));
    },
    createDocument: ({ title }) => workspace.requireProject().createDocument(title),
    loadDocument: ({ documentId }) => workspace.requireProject().loadDocument(documentId),
    async exportDocument({ documentId, format, fragment, version }) {
      const project = workspace.requireProject();
      project.requireDocument(documentId);
      const { doc, variables } = await editionToExport(project, documentId, version);
      const file = await renderExport(doc, format, { fragment, pdf: host.renderPdf, variables });
      const suffix = `${version === undefined ? '' : `-${slugify(version)}`}${format === 'html' && fragment ? '-fragment' : ''}`;
      return { fileName: `${documentId}${suffix}.${file.extension}`, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    async importDocument({ fileName, base64 }) {
      const project = workspace.requireProject();
      const doc = await importFile(fileName, Buffer.from(base64, 'base64'));
      return project.addDocument(doc);
    },
    async saveDocument({ documentId, document }) {
      await workspace.requireProject().saveDocument(documentId, document);
      return { savedAt: new Date().toISOString() };
    },
    async listVersions({ documentId }) {
      const project = workspace.requireProject();
      if (documentId !== undefined) project.requireDocument(documentId);
      const versions = await ProjectHistory.for(project.dir).listVersions();
      return versions.filter((v) => documentId === undefined || v.documentIds.includes(documentId)).map(summaryOf);
    },
    async saveVersion({ documentId, name, note, kind, author }) {
      const project = workspace.requireProject();
      project.requireDocument(documentId);
      return summaryOf(await ProjectHistory.for(project.dir).saveVersion({ name, note, kind, author, documentId }));
    },
    async loadVersion({ documentId, version }) {
      const project = workspace.requireProject();
      project.requireDocument(documentId);
      return (await versionEdition(project.dir, documentId, version)).doc;
    },
    compareDocuments: ({ old, new: next }) => compareSources(workspace.requireProject(), old, next),
    async exportComparison({ old, new: next, format }) {
      const comparison = await compareSources(workspace.requireProject(), old, next);
      const file = await renderRedline(comparison, format, host.userName, new Date());
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    listClauses: () => library(workspace.requireProject()),
    async saveClause({ source, clause, isNew }) {
      const project = workspace.requireProject();
      const dir = source === 'project' ? projectClauses(project.dir) : await teamDir();
      if (!dir) throw new UserError('No team library is attached: attach its folder in the Clauses panel first.');
      // The variables first: if they cannot be read, nothing is saved rather than a save reported as failed.
      const values = await readVariables(project.dir);
      const saved = await saveClause(dir, clause, isNew, today());
      return { ...saved, source, file: `${saved.id}.clause.json`, undefinedVariables: variableNamesIn(saved.blocks).filter((n) => !Object.hasOwn(values, n)) };
    },
    async setTeamLibrary({ path: folder }) {
      if (!host.settings) throw new UserError('This window cannot change the app settings.');
      const absolute = folder === null ? null : path.resolve(folder);
      if (absolute !== null && !(await fs.stat(absolute).catch(() => null))?.isDirectory()) {
        throw new UserError(`${absolute} is not a folder that can be read; choose the folder that holds the team's clause files.`);
      }
      await host.settings.set({ teamLibrary: absolute });
      return library(workspace.requireProject());
    },
    getVariables: async () => ({ variables: await readVariables(workspace.requireProject().dir) }),
    async saveVariables({ variables }) {
      await writeVariables(workspace.requireProject().dir, variables);
      return { variables };
    },
    async listOutdatedClauseUses() {
      const project = workspace.requireProject();
      const lib = await library(project);
      const values = await readVariables(project.dir);
      const lookup = clauseLookup(lib.clauses);
      const documents = [];
      for (const id of project.documentIds) {
        // A damaged document is reported by the document list; here it simply has no clause uses to show.
        const doc = await project.loadDocument(id).catch(() => null);
        const uses = doc ? outdatedUses(doc, lookup, values) : [];
        if (doc && uses.length > 0) documents.push({ id, title: doc.title, uses });
      }
      return { documents };
    },
    async checkExport({ documentId, version }) {
      const { doc, variables } = await editionToExport(workspace.requireProject(), documentId, version);
      return { unfilled: unfilledVariables(doc, variables) };
    },
  };
}

/** The draft, or a saved version, with the variable values it is written with (a version's own, as saved). */
function editionToExport(project: Project, documentId: string, version: string | undefined): Promise<Edition> {
  project.requireDocument(documentId);
  return version === undefined ? draftEdition(project, documentId) : versionEdition(project.dir, documentId, version);
}

function summaryOf(version: VersionInfo): VersionSummary {
  const { name, tag, note, kind, author, createdAt, commit, documentIds } = version;
  return { name, tag, note, kind, author, createdAt, commit, documentIds };
}


/** The calendar date here, as a clause's `updated` records it. */
function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
