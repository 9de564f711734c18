import { documentToOpen } from '../../shared/api/startup';
import type { MethodName, MethodResult, ParsedInput } from '../../shared/api/contract';
import { Project } from '../store/project';
import type { RecentProjects } from '../store/recent';
import { UserError } from '../store/errors';
import type { PdfRenderer } from '../export/pdf';
import type { VersionInfo } from '../store/history';
import type { LoadedDocument, ProjectInfo, VersionSummary } from '../../shared/api/contract';
import { listFolder } from '../store/folder-listing';
import type { AppSettings } from '../store/settings';
import type { Journal } from '../store/journal';
import { projectClauses, saveClause } from '../store/clause-library';
import { readVariables, writeVariables } from '../store/variables';
import type { ClauseLibrary } from '../../shared/clauses/library';
import { variableNamesIn } from '../../shared/model/variables';
import { createProject, importDocument } from '../usecases/projects';
import { importAsSuggestions } from '../usecases/import-suggestions';
import { editionToExport, exportEdition, exportFileName, unfilledIn } from '../usecases/export';
import { listDocumentVersions, listVersionsAndProblems, loadVersion, saveDocumentVersion } from '../usecases/versions';
import { compareInProject, redlineInProject } from '../usecases/compare';
import { outdatedClauseUses, projectLibrary } from '../usecases/clauses';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { localDay } from '../../shared/model/dates';
import { appHome } from '../store/app-paths';
import { listSyncConflicts, projectSyncStatus, resolveSyncConflict, syncProjectNow } from '../usecases/sync';
import { readWorkflow, suggestReviewSummary, takeWorkflowStep, trailReport, workflowProblems } from '../usecases/workflow';
import { cloneFromServer, connectToServer, resolveDocumentConflicts } from '../usecases/connect';
import type { CredentialCipher } from '../sync';
import { acknowledgeChecklist, checksView, dismissFinding, restoreFinding, setDocumentLaws } from '../usecases/project-checks';
import { checklistsDir } from '../store/checklists';

/**
 * The API's methods: each finds the project a call names and adapts the call's input and result to a use case in
 * main/usecases/ (which the CLI calls too), or to the store directly where there is nothing more to it.
 */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>;
};

/** What differs between hosts: Electron can show the system's folder picker, the web host cannot. */
export interface HostServices {
  readonly version: string;
  readonly recent: RecentProjects;
  readonly pickFolder: ((purpose: 'open' | 'create') => Promise<string | null>) | null;
  readonly renderPdf: PdfRenderer;
  /**
   * Who is at the keyboard as the system knows them: the author of versions, redlines and workflow steps until the
   * person gives their name (the identity in the app's settings).
   */
  readonly userName: string;
  /** The app's settings (the team clause library folder); without them there is no team library. */
  readonly settings?: AppSettings;
  /** Where unsaved edits are kept for crash recovery; without one, nothing is kept (tests that do not need it). */
  readonly journal?: Journal;
  /** The app's settings folder, where the git server's credentials are kept; appHome() when not given. */
  readonly home?: string;
  /** Seals the git server's passwords with the system's keychain (the desktop app's safeStorage); none elsewhere. */
  readonly credentialCipher?: CredentialCipher | null;
  /** The folder of the shipped checklists; assets/checklists when not given (a test names its own). */
  readonly checklists?: string;
}

/**
 * The projects a host has opened, by folder, and the one it opened last (what a new window starts on). Calls name
 * their project, so a window that moved on, or a second tab on another project, never reaches the wrong one.
 */
export class Workspace {
  private readonly opened = new Map<string, Project>();
  private latest: Project | null = null;

  get project(): Project | null {
    return this.latest;
  }

  set project(project: Project | null) {
    if (project) this.opened.set(project.dir, project);
    this.latest = project;
  }

  /** The open project at `dir` (the path openProject or createProject returned). */
  requireProject(dir: string): Project {
    const project = this.opened.get(path.resolve(dir));
    if (!project) throw new UserError(`The project ${dir} is not open in this window: open it again with Open project….`);
    return project;
  }
}

/** The project as the window shows it, with the document this person opened last there. */
async function projectInfo(project: Project, recent: Pick<HostServices['recent'], 'lastDocument'>): Promise<ProjectInfo> {
  const [info, lastDocument] = await Promise.all([project.info(), recent.lastDocument(project.dir)]);
  return lastDocument && info.documents.some((document) => document.id === lastDocument) ? { ...info, lastDocument } : info;
}

/**
 * Reads the document a new window opens first while the window itself is still loading: parsing a long policy takes a
 * few hundred milliseconds, which getStartup then finds done (the project keeps what it parsed, checked against the
 * file's stat on every read, so nothing stale is ever served). Nothing is shown or changed here; whatever fails is met
 * again by getStartup, which says what is wrong.
 */
export async function readOpeningAhead(workspace: Workspace, recent: Pick<HostServices['recent'], 'lastDocument'>): Promise<LoadedDocument | null> {
  const project = workspace.project;
  if (!project) return null;
  try {
    const first = documentToOpen(await projectInfo(project, recent));
    return first ? await project.readDocument(first.id) : null;
  } catch {
    // getStartup reads it again and reports the problem to the person.
    return null;
  }
}

export function createHandlers(host: HostServices, workspace: Workspace): Handlers {
  async function use(project: Project) {
    workspace.project = project;
    await host.recent.remember({ name: project.name, path: project.dir });
    return infoOf(project);
  }

  function infoOf(project: Project): Promise<ProjectInfo> {
    return projectInfo(project, host.recent);
  }

  async function teamDir(): Promise<string | null> {
    return (await host.settings?.get())?.teamLibrary ?? null;
  }

  /** The author's name: the one the person gave, else the system's. */
  async function person(): Promise<string> {
    return (await host.settings?.get())?.identity?.name ?? host.userName;
  }

  async function syncPerson() {
    return { author: await person(), home: host.home ?? appHome(), cipher: host.credentialCipher ?? null };
  }

  async function library(project: Project): Promise<ClauseLibrary> {
    return (await projectLibrary(project.dir, await teamDir())).library;
  }

  return {
    async getStartup() {
      const project = workspace.project;
      const info = project ? await infoOf(project) : null;
      const first = info ? documentToOpen(info) : undefined;
      // Read now rather than in a second call: the document is the window's first screen.
      const loaded = project && first ? await project.readDocument(first.id).catch(() => null) : null;
      return {
        project: info,
        recent: await host.recent.list(),
        canPickFolder: host.pickFolder !== null,
        version: host.version,
        userName: host.userName,
        identity: (await host.settings?.get())?.identity ?? null,
        opening: first && loaded ? { documentId: first.id, ...loaded } : null,
        journalKey: host.journal ? await host.journal.browserKey() : null,
      };
    },
    listRecentProjects: () => host.recent.list(),
    async setIdentity({ identity }) {
      if (!host.settings) throw new UserError('This window cannot change the app settings.');
      await host.settings.update({ identity });
      return identity;
    },
    async pickFolder({ purpose }) {
      if (!host.pickFolder) throw new UserError('This window cannot show a folder picker; type the folder path instead.');
      return { path: await host.pickFolder(purpose) };
    },
    openProject: async ({ path }) => use(await Project.open(path)),
    listFolder: ({ path: folder, hidden }) => listFolder(folder, hidden),
    createProject: async ({ path, name, sample }) => use(await createProject(path, name, sample)),
    getProject: ({ project }) => infoOf(workspace.requireProject(project)),
    createDocument: ({ project, title }) => workspace.requireProject(project).createDocument(title),
    saveProjectCopy: async ({ project, path: target }) => use(await workspace.requireProject(project).copyTo(target)),
    addDocument: ({ project, document }) => workspace.requireProject(project).addDocument(document),
    async loadDocument({ project: dir, documentId }) {
      const project = workspace.requireProject(dir);
      const loaded = await project.readDocument(documentId);
      // Opened: what the project reopens on next time. A settings folder that cannot be written costs only that.
      await host.recent.rememberDocument(project.dir, documentId).catch(() => undefined);
      return loaded;
    },
    async renameDocument({ project, documentId, title }) {
      return (await workspace.requireProject(project).renameDocument(documentId, title)).summary;
    },
    async duplicateDocument({ project: dir, documentId }) {
      const project = workspace.requireProject(dir);
      const copy = await project.duplicateDocument(documentId);
      return { project: await infoOf(project), documentId: copy.id };
    },
    async deleteDocument({ project: dir, documentId }) {
      const project = workspace.requireProject(dir);
      const deleted = await project.deleteDocument(documentId);
      return { project: await infoOf(project), deleted };
    },
    listDeletedDocuments: ({ project }) => workspace.requireProject(project).deletedDocuments(),
    async restoreDocument({ project: dir, deletedId, to }) {
      const project = workspace.requireProject(dir);
      const restored = await project.restoreDocument(deletedId);
      // Undoing a deletion puts the document back where it stood.
      if (to !== undefined) await project.moveDocument(restored.id, to);
      return { project: await infoOf(project), documentId: restored.id };
    },
    async moveDocument({ project: dir, documentId, to }) {
      const project = workspace.requireProject(dir);
      await project.moveDocument(documentId, to);
      return infoOf(project);
    },
    checkDocument: ({ project, documentId, stamp, window }) => {
      if (window) host.journal?.heard(window);
      // A file that is gone (or a whole project folder) is answered as `missing`, not as an error.
      return workspace.requireProject(project).checkDocument(documentId, stamp);
    },
    async writeJournal({ project: dir, documentId, window, entry, leaving }) {
      const project = workspace.requireProject(dir);
      project.requireDocument(documentId);
      const tag = (await host.journal?.write(project.dir, documentId, window, entry, () => project.fileState(documentId))) ?? null;
      // The window is going (its document or project was switched away from): its edits are a leftover from now on.
      if (leaving) host.journal?.forget(window);
      return { kept: tag !== null, tag };
    },
    async clearJournal({ project: dir, documentId, window }) {
      const project = workspace.requireProject(dir);
      project.requireDocument(documentId);
      host.journal?.heard(window);
      await host.journal?.clear(project.dir, documentId, window);
      return { kept: false };
    },
    async settleJournal({ project: dir, documentId, window }) {
      const project = workspace.requireProject(dir);
      project.requireDocument(documentId);
      await host.journal?.clear(project.dir, documentId, window);
      return { kept: false };
    },
    async recoverJournal({ project: dir, documentId, window, browser }) {
      const project = workspace.requireProject(dir);
      project.requireDocument(documentId);
      return host.journal ? host.journal.recover(project, documentId, window, browser) : { recovered: null, stale: [] };
    },
    async exportDocument({ project, documentId, format, fragment, version }) {
      const edition = await editionToExport(workspace.requireProject(project), documentId, version);
      const file = await exportEdition(edition, format, { fragment, pdf: host.renderPdf });
      const fileName = exportFileName(edition, documentId, file.extension, { ...(version === undefined ? {} : { version }), fragment: format === 'html' && fragment });
      return { fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    importDocument: ({ project, fileName, base64 }) => importDocument(workspace.requireProject(project), fileName, Buffer.from(base64, 'base64')),
    importSuggestions: ({ project, documentId, fileName, base64 }) =>
      importAsSuggestions(workspace.requireProject(project), documentId, fileName, Buffer.from(base64, 'base64')),
    async saveDocument({ project, documentId, document, base }) {
      const { stamp } = await workspace.requireProject(project).saveDocument(documentId, document, base);
      return { savedAt: new Date().toISOString(), stamp };
    },
    listVersions: async ({ project, documentId }) => (await listDocumentVersions(workspace.requireProject(project), documentId)).map(summaryOf),
    async saveVersion({ project, documentId, name, note, kind, author }) {
      return summaryOf(await saveDocumentVersion(workspace.requireProject(project), { name, note, kind, author, documentId }));
    },
    listVersionProblems: async ({ project }) => ({ problems: (await listVersionsAndProblems(workspace.requireProject(project).dir)).problems }),
    loadVersion: ({ project, documentId, version }) => loadVersion(workspace.requireProject(project), documentId, version),
    compareDocuments: ({ project, old, new: next }) => compareInProject(workspace.requireProject(project), old, next),
    async exportComparison({ project, old, new: next, format }) {
      const file = await redlineInProject(workspace.requireProject(project), old, next, { format, author: await person(), date: new Date() });
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    listClauses: ({ project }) => library(workspace.requireProject(project)),
    async saveClause({ project: dir, source, clause, isNew }) {
      const project = workspace.requireProject(dir);
      const folder = source === 'project' ? projectClauses(project.dir) : await teamDir();
      if (!folder) throw new UserError('No team library is attached: attach its folder in the Clauses panel first.');
      // The variables first: if they cannot be read, nothing is saved rather than a save reported as failed.
      const values = await readVariables(project.dir);
      const saved = await saveClause(folder, clause, isNew, localDay());
      return { ...saved, source, file: `${saved.id}.clause.json`, undefinedVariables: variableNamesIn(saved.blocks).filter((n) => !Object.hasOwn(values, n)) };
    },
    async setTeamLibrary({ project, path: folder }) {
      if (!host.settings) throw new UserError('This window cannot change the app settings.');
      const absolute = folder === null ? null : path.resolve(folder);
      if (absolute !== null && !(await fs.stat(absolute).catch(() => null))?.isDirectory()) {
        throw new UserError(`${absolute} is not a folder that can be read; choose the folder that holds the team's clause files.`);
      }
      await host.settings.update({ teamLibrary: absolute });
      return library(workspace.requireProject(project));
    },
    getVariables: async ({ project }) => ({ variables: await readVariables(workspace.requireProject(project).dir) }),
    async saveVariables({ project, variables }) {
      await writeVariables(workspace.requireProject(project).dir, variables);
      return { variables };
    },
    listOutdatedClauseUses: async ({ project }) => ({ documents: await outdatedClauseUses(workspace.requireProject(project), await teamDir()) }),
    checkExport: async ({ project, documentId, version }) => ({
      unfilled: unfilledIn(await editionToExport(workspace.requireProject(project), documentId, version)),
    }),
    syncStatus: ({ project }) => projectSyncStatus(workspace.requireProject(project)),
    syncNow: async ({ project }) => syncProjectNow(workspace.requireProject(project), await syncPerson()),
    listSyncConflicts: ({ project }) => listSyncConflicts(workspace.requireProject(project)),
    resolveSyncConflict: async ({ project, file, take }) => resolveSyncConflict(workspace.requireProject(project), file, take, await syncPerson()),
    cloneProject: async ({ url, path: dir, username, password }) => use(await Project.open(await cloneFromServer({ url, username, password }, dir, await syncPerson()))),
    connectProject: async ({ project, url, username, password }) => connectToServer(workspace.requireProject(project), { url, username, password }, await syncPerson()),
    resolveSyncSections: async ({ project, file, choices }) => resolveDocumentConflicts(workspace.requireProject(project), file, choices, await syncPerson()),
    readWorkflow: ({ project, documentId }) => readWorkflow(workspace.requireProject(project), documentId),
    // The person is who the host says is at the keyboard, never a name the window sends.
    workflowStep: async ({ project, documentId, step }) => takeWorkflowStep(workspace.requireProject(project), documentId, step, await person()),
    suggestReviewSummary: async ({ project, documentId }) => ({ summary: await suggestReviewSummary(workspace.requireProject(project), documentId) }),
    workflowProblems: async ({ project }) => ({ problem: await workflowProblems(workspace.requireProject(project)) }),
    async exportTrailReport({ project, documentId }) {
      const report = await trailReport(workspace.requireProject(project), documentId, { pdf: host.renderPdf, person: host.userName });
      return { fileName: report.fileName, mimeType: 'application/pdf', base64: Buffer.from(report.bytes).toString('base64') };
    },
    readChecks: ({ project }) => checksView(workspace.requireProject(project), host.checklists ?? checklistsDir()),
    dismissFinding: async ({ project, documentId, finding, reason }) => ({ checks: await dismissFinding(workspace.requireProject(project), documentId, finding, reason) }),
    restoreFinding: async ({ project, documentId, finding }) => ({ checks: await restoreFinding(workspace.requireProject(project), documentId, finding) }),
    setDocumentLaws: async ({ project, documentId, laws }) => ({ checks: await setDocumentLaws(workspace.requireProject(project), documentId, laws, host.checklists ?? checklistsDir()) }),
    acknowledgeChecklist: async ({ project, checklist }) => ({ checks: await acknowledgeChecklist(workspace.requireProject(project), checklist, host.checklists ?? checklistsDir()) }),
  };
}

function summaryOf(version: VersionInfo): VersionSummary {
  const { name, tag, note, kind, author, createdAt, commit, documentIds } = version;
  return { name, tag, note, kind, author, createdAt, commit, documentIds };
}

