import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bindProject, type ApiClient, type ProjectClient } from '../../shared/api/client';
import { shortcutText, type Command } from '../../shared/api/commands';
import type { CompareSource, DocumentSummary, ProjectInfo, RedlineFormat, Startup, VersionSummary } from '../../shared/api/contract';
import type { Comparison } from '../../shared/compare/types';
import type { LoadedDocument } from '../../shared/api/contract';
import { onMenuCommand } from '../api/transport';
import { DocumentEditor, type EditorHandle } from '../editor/DocumentEditor';
import { commandForKey } from '../editor/keys';
import type { SaveStatus } from '../editor/autosave';
import { DocumentList } from './DocumentList';
import { useProjectRefresh } from './use-project-refresh';
import { ProjectDialog, type ProjectDialogMode } from './ProjectDialog';
import { SaveCopyDialog } from './SaveCopyDialog';
import { ExportDialog } from './ExportDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ImportReportBanner, ImportReportDialog, type ImportedFile } from './ImportReportDialog';
import { focusRegion, moveToRegion } from '../common/regions';
import { fileToBase64, offerDownload } from '../common/download';
import { VersionsDialog } from '../versions/VersionsDialog';
import { CompareView } from '../compare/CompareView';
import { useProjectClauses } from '../clauses/use-project-clauses';
import { ClauseFeature } from '../clauses/ClauseFeature';
import { combineFeatures } from '../editor/editor-feature';
import { FindFeature } from '../find/FindFeature';
import { CheckFeature } from '../check/CheckFeature';
import { TermsFeature } from '../terms/TermsFeature';
import { ReviewFeature } from '../review/ReviewFeature';
import { CommentsFeature } from '../comments/CommentsFeature';
import { useIdentity } from '../identity/use-identity';
import { WorkflowProblemBanner } from '../review/WorkflowProblemBanner';
import type { FindTools } from '../find/find-session';
import type { FindQuery } from '../../shared/find/find';
import { documentToOpen } from '../../shared/api/startup';
import { useDocumentActions } from './use-document-actions';
import { browserJournal } from '../editor/browser-journal';
import { localSecond } from '../../shared/model/dates';
import { SyncControl } from './SyncControl';
import { SaveSignal } from './sync-schedule';

// Commands a key gives wherever the focus is (the editor runs its own keys first and the find bar its own).
// Ctrl+Shift+R is also the browser's reload: taken wherever the focus is, it inserts a reference at the text's caret.
const WINDOW_COMMANDS: ReadonlySet<Command> = new Set(['save', 'exportDocument', 'saveVersion', 'showShortcuts', 'find', 'replace', 'findNext', 'findPrevious', 'insertReference']);
const IMPORTABLE = '.docx,.html,.htm,.md,.markdown,.txt';
/** How long after a save status changes the window's title follows it at the soonest (see onStatus)… */
const TITLE_DELAY_MS = 500;
/** …once no key has been pressed for this long; or at the latest this long after the change, keys or not. */
const TITLE_QUIET_MS = 400;
const TITLE_LATEST_MS = 10_000;

/** The document in the editor, with the project it belongs to: its saves go there, whatever is opened after. */
interface OpenDocument extends LoadedDocument {
  id: string;
  client: ProjectClient;
  /** Counts reloads of the same document (changed on disk while clean): each one is a fresh editor. */
  generation: number;
}

export function App({ client, startup: startupRequest }: { client: ApiClient; startup: Promise<Startup> }) {
  const [startup, setStartup] = useState<Startup | null>(null);
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const [dialog, setDialog] = useState<ProjectDialogMode | null>(null);
  // Connecting the project to a server starts its sync control afresh, on the new status.
  const [connections, setConnections] = useState(0);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState<string | null>(null);
  const [versions, setVersions] = useState<'list' | 'save' | null>(null);
  const [comparing, setComparing] = useState<{ comparison: Comparison; old: CompareSource; new: CompareSource; client: ProjectClient } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importReports, setImportReports] = useState<ImportedFile[]>([]);
  const [showingImportReport, setShowingImportReport] = useState(false);
  const [savingCopy, setSavingCopy] = useState(false);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const suggestionsInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Kept out of React state: a save must not re-render the whole app, only retitle the window.
  const status = useRef<SaveStatus>({ state: 'saved' });
  const saves = useMemo(() => new SaveSignal(), []);
  const editorRef = useRef<EditorHandle>(null);
  // Who the person is: asked once, on their first comment or suggestion, and kept in the app's settings.
  const identity = useIdentity(client, startup?.userName ?? '', startup?.identity);
  const authorName = identity.identity?.name ?? startup?.userName ?? '';
  const changeIdentity = identity.change;
  const flushEditor = useCallback(async () => editorRef.current?.flush(), []);
  // A sync may bring documents a colleague added or renamed: the list follows (the open document reloads by itself).
  const reloadProject = useCallback(
    async (dir: string) => {
      // The project as it stands after a sync, from the one this window has open (opening it anew would forget what
      // it knows of documents a colleague took off the list while open here).
      const info = await client.getProject({ project: dir });
      setProject((current) => (current?.path === info.path ? info : current));
    },
    [client],
  );
  const projectPath = project?.path ?? null;
  const projectClient = useMemo(() => (projectPath === null ? null : bindProject(client, projectPath)), [client, projectPath]);
  const projectClauses = useProjectClauses(projectClient, setError);
  useProjectRefresh(projectClient, project, setProject);

  /**
   * Saves the open document, or, where that fails, keeps its edits in the journal and says so; true when it said so
   * (the next document opening must not clear that notice).
   */
  const leaveDocument = useCallback(async (): Promise<boolean> => {
    const editor = editorRef.current;
    if (!editor) return false;
    await editor.flush();
    if (!editor.isDirty()) return false;
    await editor.keepUnsaved();
    setError(`${openRef.current?.document.title ?? 'The document'} could not be saved; its unsaved edits are kept and offered back when you open it again.`);
    return true;
  }, []);

  const openDocument = useCallback(
    async (id: string, info: ProjectInfo | null = project, keepNotice = false) => {
      if (!info) return;
      const summary = info?.documents.find((d) => d.id === id);
      if (summary?.problem) {
        setError(summary.problem);
        return;
      }
      // Nothing is lost on switching: the open document is saved first, or its edits are kept for later.
      const kept = await leaveDocument();
      try {
        const scoped = bindProject(client, info.path);
        setOpen({ id, client: scoped, generation: 0, ...(await scoped.loadDocument({ documentId: id })) });
        if (!kept && !keepNotice) setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [client, project, leaveDocument],
  );

  // Find in all documents: another document opens with the find bar on the same query, handed over once it mounts.
  const findHandoff = useRef<{ id: string; query: FindQuery } | null>(null);
  const findTools = useMemo<FindTools | undefined>(
    () =>
      open && project
        ? {
            documents: project.documents,
            currentId: open.id,
            load: async (id) => (await open.client.loadDocument({ documentId: id })).document,
            openAt: (id, query) => {
              findHandoff.current = { id, query };
              void openDocument(id);
            },
          }
        : undefined,
    [open, project, openDocument],
  );
  const takeFindHandoff = useCallback((): FindQuery | null => {
    const handoff = findHandoff.current;
    if (!handoff || handoff.id !== openRef.current?.id) return null;
    findHandoff.current = null;
    return handoff.query;
  }, []);

  const switchProject = useCallback(
    async (info: ProjectInfo, opening: Startup['opening'] = null) => {
      // Saved into its own project (the editor's client is bound to it); an edit that cannot be saved is kept.
      const [kept] = await Promise.all([leaveDocument(), projectClauses.flush()]);
      setProject(info);
      setOpen(null);
      setDialog(null);
      if (opening) {
        const { documentId, document, stamp } = opening;
        setOpen({ id: documentId, document, stamp, client: bindProject(client, info.path), generation: 0 });
        return;
      }
      const first = documentToOpen(info);
      if (first) await openDocument(first.id, info, kept);
    },
    [client, openDocument, projectClauses, leaveDocument],
  );

  useEffect(() => {
    startupRequest.then(
      ({ opening, ...result }) => {
        // The document goes to the editor; the start-up kept in state need not hold a second copy of it.
        setStartup({ ...result, opening: null });
        browserJournal.useKey(result.journalKey);
        if (result.project) void switchProject(result.project, opening);
        else setDialog('open');
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // Start-up runs once per page: a later switchProject is not a reason to start again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startupRequest]);

  const command = useCallback((cmd: Command) => {
    // A dialog about to take the focus: the editor renders what typing left for later now, not during that render.
    editorRef.current?.renderNow();
    if (cmd === 'newProject') setDialog('create');
    else if (cmd === 'openProject') setDialog('open');
    else if (cmd === 'newDocument') setCreating(true);
    else if (cmd === 'exportDocument') setExporting(true);
    else if (cmd === 'saveVersion') setVersions('save');
    else if (cmd === 'showVersions') setVersions('list');
    else if (cmd === 'importDocument') fileInput.current?.click();
    else if (cmd === 'showShortcuts') setShowingShortcuts(true);
    else if (cmd === 'yourName') changeIdentity();
    else editorRef.current?.run(cmd);
  }, [changeIdentity]);

  useEffect(() => onMenuCommand(command), [command]);

  useEffect(() => {
    // Ctrl+S and Ctrl+F work wherever focus is, the document panel included (never the browser's own find); the
    // editor handles its own keys first.
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // F6 and Shift+F6 go from region to region, as in Word and VS Code; behind a dialog every region is inert.
      if (event.key === 'F6' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        moveToRegion(event.shiftKey ? -1 : 1);
        return;
      }
      const cmd = commandForKey(event);
      if (cmd && WINDOW_COMMANDS.has(cmd)) {
        event.preventDefault();
        // Behind a dialog the page is inert: its shortcuts do nothing until the dialog has closed (a rename, say, closes
        // only once the renamed document is saved).
        if (document.getElementById('root')?.inert) return;
        command(cmd);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);

  const retitle = useCallback(() => {
    // The list's title: it follows a rename, where the document as it was opened does not.
    const title = open ? (project?.documents.find((d) => d.id === open.id)?.title ?? open.document.title) : 'Policywright';
    document.title = `${status.current.state === 'saved' ? '' : '● '}${title}${project ? ` — ${project.name}` : ''} — Policywright`;
  }, [open, project]);
  const latestRetitle = useRef(retitle);
  useEffect(() => {
    latestRetitle.current = retitle;
    retitle();
  }, [retitle]);
  const titleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (titleTimer.current !== null) clearTimeout(titleTimer.current);
      titleTimer.current = null;
    },
    [],
  );
  // When a key was last pressed anywhere in the window (a performance.now() time), for the title (see onStatus).
  const lastKey = useRef(-Infinity);
  useEffect(() => {
    const note = () => void (lastKey.current = performance.now());
    window.addEventListener('keydown', note, { capture: true, passive: true });
    return () => window.removeEventListener('keydown', note, { capture: true });
  }, []);
  const onStatus = useCallback(
    (next: SaveStatus) => {
      status.current = next;
      saves.report(next.state);
      // The window's title says again what the indicator says at once, and writing it costs this thread and the browser
      // process a few milliseconds: written with the key (the first after a save), it delayed that key's frame by about
      // 3 ms; written just after, it delayed the next key as much; written half a second later, it delayed whichever
      // key of a run of Enters or letters came then (1.4–2.5 ms of a ninth Enter, in CPU profiles). So it waits for a
      // pause in the keys, TITLE_LATEST_MS at most, and writes the status of when it runs.
      const changed = performance.now();
      const write = () => {
        const now = performance.now();
        const quiet = now - lastKey.current;
        const left = changed + TITLE_LATEST_MS - now;
        if (quiet < TITLE_QUIET_MS && left > 0) {
          titleTimer.current = setTimeout(write, Math.min(TITLE_QUIET_MS - quiet, left));
          return;
        }
        titleTimer.current = null;
        latestRetitle.current();
      };
      titleTimer.current ??= setTimeout(write, TITLE_DELAY_MS);
      // A title changed in the Document panel shows in the list once it is saved: a read of a field, never per key.
      const title = next.state === 'saved' ? editorRef.current?.title() : undefined;
      const id = openRef.current?.id;
      if (title !== undefined && id !== undefined) {
        setProject((current) =>
          current?.documents.some((d) => d.id === id && d.title !== title)
            ? { ...current, documents: current.documents.map((d) => (d.id === id ? { ...d, title } : d)) }
            : current,
        );
      }
    },
    [saves],
  );

  const createDocument = async (title: string): Promise<string | null> => {
    try {
      if (!projectClient) return 'No project is open.';
      const created = await projectClient.createDocument({ title });
      const info = project && withDocument(project, created);
      // From the list as it is now: a refresh may have come in (with the new document, too) while this was asked.
      setProject((current) => current && withDocument(current, created));
      setCreating(false);
      await openDocument(created.id, info);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  const importFiles = async (files: Iterable<File>) => {
    let info = project;
    if (!projectClient) return;
    const reports: ImportedFile[] = [];
    for (const file of files) {
      setImporting(file.name);
      try {
        const { report, ...added } = await projectClient.importDocument({ fileName: file.name, base64: await fileToBase64(file) });
        info = info && withDocument(info, added);
        setProject((current) => current && withDocument(current, added));
        await openDocument(added.id, info);
        if (report) reports.push({ fileName: file.name, title: added.title, report });
      } catch (e) {
        setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    setImporting(null);
    setImportReports(reports);
  };

  /** A file a reviewer returned, taken into the open document as their suggestions: one undoable step. */
  const importSuggestions = async (file: File) => {
    if (!open) return;
    const title = open.document.title;
    setImporting(file.name);
    try {
      await saveFirst();
      const result = await open.client.importSuggestions({ documentId: open.id, fileName: file.name, base64: await fileToBase64(file) });
      editorRef.current?.replaceDocument(result.document);
      const comments = result.comments === 1 ? '1 comment' : `${result.comments} comments`;
      const suggestions = result.suggestions === 1 ? '1 suggestion' : `${result.suggestions} suggestions`;
      setNotice(`${file.name} is in “${title}” as ${suggestions} (untracked edits by ${result.reviewer}) and ${comments}. ${shortcutText('undo')} undoes it.`);
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    setImporting(null);
  };

  const saveFirst = async () => {
    await editorRef.current?.flush();
    if (editorRef.current?.isDirty()) throw new Error('The document could not be saved; see the message beside the toolbar.');
  };

  const compare = async (old: CompareSource, next: CompareSource) => {
    if (!open) return;
    const comparison = await open.client.compareDocuments({ old, new: next });
    setComparing({ comparison, old, new: next, client: open.client });
    setVersions(null);
  };

  const exportComparison = async (format: RedlineFormat) => {
    if (!comparing) return;
    offerDownload(await comparing.client.exportComparison({ old: comparing.old, new: comparing.new, format }));
  };

  /** The draft is kept as a version of its own before it is replaced, and the replacement is one undoable step. */
  const restore = async (version: VersionSummary) => {
    if (!open || !startup) return;
    await saveFirst();
    const stamp = localSecond(new Date());
    await open.client.saveVersion({
      documentId: open.id,
      name: `Draft before restoring “${version.name}” (${stamp})`.slice(0, 120),
      note: 'Saved automatically before a version was restored as the draft.',
      kind: 'editorial',
      author: authorName,
    });
    const doc = await open.client.loadVersion({ documentId: open.id, version: version.name });
    editorRef.current?.replaceDocument(doc);
    setVersions(null);
    setNotice(`Restored version “${version.name}” as the draft. ${shortcutText('undo')} undoes it; the previous draft is also kept as a version.`);
  };

  /** Work goes on in a copy of a project that cannot be saved where it is, with the open document's edits in it. */
  const saveCopy = async (target: string) => {
    if (!project) return;
    const edits = editorRef.current?.isDirty() ? editorRef.current.snapshot() : null;
    const copy = await client.saveProjectCopy({ project: project.path, path: target });
    if (open && edits) {
      const scoped = bindProject(client, copy.path);
      const { stamp } = await scoped.loadDocument({ documentId: open.id });
      await scoped.saveDocument({ documentId: open.id, document: edits.document, base: stamp });
      // Typed meanwhile: those keys are in no copy yet, so they stay kept (and said) as any unsaved edit is.
      editorRef.current?.savedElsewhere(edits.version);
    }
    setSavingCopy(false);
    await switchProject(copy);
    setNotice(`The project was copied to ${copy.path}, with your edits; you are working in the copy now.`);
  };

  /** The open document afresh from disk, in a new editor: it changed outside, or the person chose the file's text. */
  const reload = useCallback((which: OpenDocument, loaded: LoadedDocument, message: string) => {
    // Only the editor it was read for: the person may have opened another document or project meanwhile.
    const same = (current: OpenDocument | null) =>
      current !== null && current.id === which.id && current.client.projectPath === which.client.projectPath && current.generation === which.generation;
    if (!same(openRef.current)) return;
    setOpen((current) => (current && same(current) ? { ...current, ...loaded, generation: current.generation + 1 } : current));
    setNotice(message);
  }, []);

  const documentAdded = useCallback((summary: DocumentSummary) => {
    setProject((current) => current && withDocument(current, summary));
  }, []);

  /** Saves and closes the open document (before it is deleted); false when its edits could only be kept, not saved. */
  const closeDocument = useCallback(async () => {
    await leaveDocument();
    if (editorRef.current?.isDirty()) return false;
    setOpen(null);
    return true;
  }, [leaveDocument]);

  const documentActions = useDocumentActions({
    client: projectClient,
    project,
    setProject,
    openId: open?.id ?? null,
    editor: editorRef,
    openDocument,
    closeDocument,
    say: setError,
  });

  const sidebar = project ? (
    <DocumentList
      documents={project.documents}
      currentId={open?.id ?? null}
      onOpen={(id) => void openDocument(id)}
      onCreate={createDocument}
      creating={creating}
      setCreating={setCreating}
      onImport={() => fileInput.current?.click()}
      onImportSuggestions={() => suggestionsInput.current?.click()}
      onDropFiles={(files) => void importFiles(files)}
      importing={importing}
      actions={documentActions}
    />
  ) : null;

  return (
    <div className="app">
      {open ? (
        <a
          className="skip-link"
          href="#policy"
          onClick={(event) => {
            event.preventDefault();
            const region = document.querySelector<HTMLElement>('[data-region="policy"]');
            if (region) focusRegion(region);
          }}
        >
          Skip to the policy
        </a>
      ) : null}
      <header className="app-header" data-region="header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">§</span> Policywright
        </div>
        {project ? (
          <div className="project-name" title={project.path}>
            {project.name}
          </div>
        ) : null}
        <div className="header-actions">
          {projectClient ? <SyncControl key={`${projectClient.projectPath}#${connections}`} client={projectClient} saves={saves} flush={flushEditor} onReceived={reloadProject} onConnect={() => setDialog('connect')} /> : null}
          {open ? (
            <>
              <button type="button" onClick={() => setVersions('list')} title="Versions and compare">
                Versions…
              </button>
              <button type="button" onClick={() => setExporting(true)} title={`Export (${shortcutText('exportDocument') ?? ''})`}>
                Export…
              </button>
            </>
          ) : null}
          <button type="button" onClick={() => setDialog('create')}>
            New project…
          </button>
          <button type="button" onClick={() => setDialog('open')}>
            Open project…
          </button>
        </div>
      </header>
      {error ? (
        <div className="banner error" role="alert">
          {error}
          <button type="button" className="small" onClick={() => setError(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      <WorkflowProblemBanner client={projectClient} />
      {project?.readOnly ? (
        <div className="banner conflict" role="alert" data-testid="read-only">
          <p>{project.readOnly} Your edits stay in this window and are kept for recovery.</p>
          <div className="conflict-actions">
            <button type="button" onClick={() => setSavingCopy(true)}>
              Save a copy as…
            </button>
          </div>
        </div>
      ) : null}
      {importReports.length > 0 ? (
        <ImportReportBanner imported={importReports} onDetails={() => setShowingImportReport(true)} onDismiss={() => setImportReports([])} />
      ) : null}
      {notice ? (
        <div className="banner notice" role="status">
          {notice}
          <button type="button" className="small" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      {comparing ? (
        <CompareView comparison={comparing.comparison} onExport={exportComparison} onClose={() => setComparing(null)} />
      ) : null}
      {open ? (
        <div className={comparing ? 'editor-host behind' : 'editor-host'} aria-hidden={comparing ? true : undefined}>
        <DocumentEditor
          key={`${open.client.projectPath}::${open.id}::${open.generation}`}
          client={open.client}
          documentId={open.id}
          initial={open}
          sidebar={sidebar}
          revealSidebar={creating}
          handleRef={editorRef}
          onStatus={onStatus}
          feature={combineFeatures(
            (host, render) => (
              <FindFeature host={host} tools={findTools} takeHandoff={takeFindHandoff}>
                {render}
              </FindFeature>
            ),
            (host, render) => (
              <ClauseFeature host={host} tools={{ ...projectClauses.tools, client: open.client, openDocument: (id) => void openDocument(id) }}>
                {render}
              </ClauseFeature>
            ),
            (host, render) => (
              <CheckFeature host={host} client={open.client} documentId={open.id}>
                {render}
              </CheckFeature>
            ),
            (host, render) => <TermsFeature host={host}>{render}</TermsFeature>,
            (host, render) => (
              <ReviewFeature host={host} client={open.client} documentId={open.id} userName={authorName}>
                {render}
              </ReviewFeature>
            ),
            (host, render) => (
              <CommentsFeature host={host} identity={identity.tools}>
                {render}
              </CommentsFeature>
            ),
          )}
          onReload={(loaded, message) => reload(open, loaded, message)}
          onDocumentAdded={documentAdded}
          onCompare={compare}
          // Who suggests: the name the person gave (asked once, when suggesting is first turned on).
          reviewer={identity.tools.reviewer}
        />
        </div>
      ) : (
        <div className="doc-layout empty">
          <aside className="left-column" data-region="documents" aria-label="Documents">
            {sidebar}
          </aside>
          <main className="center-column" data-region="policy">
            <p className="muted empty-note">{startup ? 'Open a document from the list, or create one.' : 'Loading…'}</p>
          </main>
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        accept={IMPORTABLE}
        multiple
        hidden
        aria-label="Import documents"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void importFiles(files);
        }}
      />
      <input
        ref={suggestionsInput}
        type="file"
        accept={IMPORTABLE}
        hidden
        aria-label={`Import as suggestions into ${open?.document.title ?? 'the document'}`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importSuggestions(file);
        }}
      />
      {exporting && open ? (
        <ExportDialog
          client={open.client}
          documentId={open.id}
          title={project?.documents.find((d) => d.id === open.id)?.title ?? open.document.title}
          beforeExport={async () => {
            await projectClauses.flush();
            await editorRef.current?.flush();
            if (editorRef.current?.isDirty()) throw new Error('The document could not be saved, so it cannot be exported yet.');
          }}
          countOpenSuggestions={() => editorRef.current?.openSuggestions() ?? 0}
          onClose={() => setExporting(false)}
        />
      ) : null}
      {versions && open && startup ? (
        <VersionsDialog
          client={open.client}
          documentId={open.id}
          title={project?.documents.find((d) => d.id === open.id)?.title ?? open.document.title}
          userName={authorName}
          onFirstAuthor={identity.identity ? undefined : identity.adopt}
          startSaving={versions === 'save'}
          beforeUse={saveFirst}
          onCompare={compare}
          onRestore={restore}
          onClose={() => setVersions(null)}
          countOpenSuggestions={() => editorRef.current?.openSuggestions() ?? 0}
        />
      ) : null}
      {savingCopy && startup ? (
        <SaveCopyDialog client={client} canPickFolder={startup.canPickFolder} onSave={saveCopy} onClose={() => setSavingCopy(false)} />
      ) : null}
      {identity.dialog}
      {showingShortcuts ? <ShortcutsDialog onClose={() => setShowingShortcuts(false)} /> : null}
      {showingImportReport && importReports.length > 0 ? (
        <ImportReportDialog
          imported={importReports}
          onClose={() => {
            setShowingImportReport(false);
            setImportReports([]);
          }}
        />
      ) : null}
      {dialog && startup ? (
        <ProjectDialog
          client={client}
          canPickFolder={startup.canPickFolder}
          initialMode={dialog}
          onOpened={(info) => void switchProject(info)}
          onClose={project ? () => setDialog(null) : undefined}
          project={project}
          onConnected={() => {
            setDialog(null);
            setConnections((n) => n + 1);
            if (project) void reloadProject(project.path).catch(() => undefined);
          }}
        />
      ) : null}
    </div>
  );
}

/** The list with a document just added at its end, unless a refresh has listed it already (in its place on disk). */
function withDocument(project: ProjectInfo, added: DocumentSummary): ProjectInfo {
  return project.documents.some((d) => d.id === added.id) ? project : { ...project, documents: [...project.documents, added] };
}
