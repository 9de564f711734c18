import * as path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { Command } from '../../shared/api/commands';
import { MENU_COMMAND_CHANNEL } from '../../shared/api/methods';
import { FormatError } from '../../shared/format/problems';
import { createHandlers, readOpeningAhead, Workspace, type Handlers } from '../api/handlers';
import { appHome } from '../store/app-paths';
import { UserError } from '../store/errors';
import { installRoot } from '../store/install-root';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { AppSettings } from '../store/settings';
import { Journal } from '../store/journal';
import { ensureSampleCopy } from '../store/sample';
import { APP_VERSION } from '../version';
import { WEB_PREFERENCES, harden, openExternally, refusePermissions } from './hardening';
import { registerIpc } from './ipc';
import { projectArgument } from './launch-args';
import { menuTemplate } from './menu';
import { APP_ENTRY_URL, APP_SCHEME } from './origin';
import { SPELLCHECK_LANGUAGES, spellingMenu } from './spelling-menu';
import { serveApp } from './protocol';
import { electronPdf } from './pdf';
import { safeStorageCipher } from './credential-cipher';
import { systemUserName } from '../store/user-name';

// Only possible before ready. Standard + secure makes app:// behave like https (an origin, a secure context);
// corsEnabled stays off so no other origin can read from it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const root = installRoot();
const rendererDir = path.join(root, 'dist', 'renderer');
const preload = path.join(root, 'dist', 'main', 'preload.cjs');
const recent = RecentProjects.in(appHome());
const settings = AppSettings.in(appHome());
const journal = Journal.in(appHome());
/** One workspace per window, found by the window's web contents id when its IPC calls arrive. */
const windowHandlers = new Map<number, Handlers>();

const startupProject = projectArgument(process.argv, process.cwd(), process.defaultApp === true);

// A second launch (say, opening a project from a file manager) hands its project to us and exits: it resolves the
// path against its own working folder, which argv alone would not tell us reliably.
if (!app.requestSingleInstanceLock({ projectDir: startupProject ?? null })) {
  app.quit();
} else {
  app.on('second-instance', (_event, _argv, _cwd, data) => {
    const dir = (data as { projectDir?: unknown } | null)?.projectDir;
    if (typeof dir === 'string') return void openWindow(dir).catch(report);
    const existing = BrowserWindow.getAllWindows()[0];
    if (existing?.isMinimized()) existing.restore();
    existing?.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents, openLink));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) void openWindow(undefined).catch(report);
  });
  // Not awaited at top level: the ready event waits for this module to finish evaluating.
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  refusePermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveApp(rendererDir, request));
  app.setAboutPanelOptions({ applicationName: 'Policywright', applicationVersion: APP_VERSION });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendToFocusedWindow)));
  registerIpc(ipcMain, (id) => windowHandlers.get(id));
  await openWindow(startupProject);
}

/** Opens a window on a project folder, or on the person's copy of the sample project. */
async function openWindow(projectDir: string | undefined): Promise<void> {
  const workspace = new Workspace();
  try {
    workspace.project = await Project.open(projectDir ?? (await ensureSampleCopy(appHome())));
    await recent.remember({ name: workspace.project.name, path: workspace.project.dir });
  } catch (error) {
    // A folder that is not a project should not stop the app: say why, and let the person choose another.
    if (!(error instanceof UserError || error instanceof FormatError)) throw error;
    dialog.showErrorBox('Cannot open the project', error.message);
  }

  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Policywright',
    webPreferences: { ...WEB_PREFERENCES, preload },
  });
  const id = win.webContents.id;
  const pickFolder = (purpose: 'open' | 'create') => pickFolderFor(win, purpose);
  windowHandlers.set(id, createHandlers({ version: APP_VERSION, recent, pickFolder, renderPdf: electronPdf, settings, journal, userName: systemUserName(), credentialCipher: safeStorageCipher(safeStorage) }, workspace));
  win.webContents.once('destroyed', () => windowHandlers.delete(id));
  // While the window loads, the document it will show is read and checked.
  void readOpeningAhead(workspace, recent);
  win.once('ready-to-show', () => win.show());
  // Spell checking in the policy text (spellCheck on the editable): English, with suggestions on a right-click.
  if (process.platform !== 'darwin') win.webContents.session.setSpellCheckerLanguages(SPELLCHECK_LANGUAGES);
  win.webContents.on('context-menu', (_event, params) => {
    const menu = spellingMenu(params, {
      replace: (word) => win.webContents.replaceMisspelling(word),
      learn: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
      comment: () => win.webContents.send(MENU_COMMAND_CHANNEL, 'newComment'),
    });
    Menu.buildFromTemplate(menu).popup({ window: win });
  });
  await win.loadURL(APP_ENTRY_URL);
}

async function pickFolderFor(win: BrowserWindow, purpose: 'open' | 'create'): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, {
    title: purpose === 'open' ? 'Open Project' : 'Choose a Folder for the New Project',
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function openLink(raw: string): void {
  openExternally(raw, (url) => shell.openExternal(url));
}

function sendToFocusedWindow(command: Command): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function report(error: unknown): void {
  console.error('[policywright]', error);
  dialog.showErrorBox('Policywright', error instanceof Error ? error.message : String(error));
}

function fatal(error: unknown): void {
  report(error);
  app.exit(1);
}
