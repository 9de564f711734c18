import type { MethodName, MethodResult, ParsedInput } from '../../shared/api/contract';
import { Project, blankDocument } from '../store/project';
import type { RecentProjects } from '../store/recent';
import { loadSampleDocuments } from '../store/sample';
import { UserError } from '../store/errors';
import { renderExport } from '../export/render';
import type { PdfRenderer } from '../export/pdf';
import { importFile } from '../import/import-file';
import { ProjectHistory, type VersionInfo } from '../store/history';
import { versionEdition } from '../compare/editions';
import { compareSources, renderRedline } from '../compare/compare-editions';
import type { VersionSummary } from '../../shared/api/contract';
import { slugify } from '../../shared/model/text';

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

  return {
    async getStartup() {
      return {
        project: workspace.project ? await workspace.project.info() : null,
        recent: await host.recent.list(),
        canPickFolder: host.pickFolder !== null,
        version: host.version,
        userName: host.userName,
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
      return use(await Project.create(path, name, documents));
    },
    createDocument: ({ title }) => workspace.requireProject().createDocument(title),
    loadDocument: ({ documentId }) => workspace.requireProject().loadDocument(documentId),
    async exportDocument({ documentId, format, fragment, version }) {
      const project = workspace.requireProject();
      project.requireDocument(documentId);
      const doc = version === undefined ? await project.loadDocument(documentId) : (await versionEdition(project.dir, documentId, version)).doc;
      const file = await renderExport(doc, format, { fragment, pdf: host.renderPdf });
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
  };
}

function summaryOf(version: VersionInfo): VersionSummary {
  const { name, tag, note, kind, author, createdAt, commit, documentIds } = version;
  return { name, tag, note, kind, author, createdAt, commit, documentIds };
}

