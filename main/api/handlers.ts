import type { MethodName, MethodResult, ParsedInput } from '../../shared/api/contract';
import { Project, blankDocument } from '../store/project';
import type { RecentProjects } from '../store/recent';
import { loadSampleDocuments } from '../store/sample';
import { UserError } from '../store/errors';
import { renderExport } from '../export/render';
import type { PdfRenderer } from '../export/pdf';
import { importFile } from '../import/import-file';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>;
};

/** What differs between hosts: Electron can show the system's folder picker, the web host cannot. */
export interface HostServices {
  readonly version: string;
  readonly recent: RecentProjects;
  readonly pickFolder: ((purpose: 'open' | 'create') => Promise<string | null>) | null;
  readonly renderPdf: PdfRenderer;
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
    async exportDocument({ documentId, format, fragment }) {
      const doc = await workspace.requireProject().loadDocument(documentId);
      const file = await renderExport(doc, format, { fragment, pdf: host.renderPdf });
      const suffix = format === 'html' && fragment ? '-fragment' : '';
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
  };
}

