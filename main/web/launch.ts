import * as path from 'node:path';
import { createHandlers, readOpeningAhead, Workspace } from '../api/handlers';
import { serializeAhead, startupReplied } from './reply-json';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { AppSettings } from '../store/settings';
import { Journal } from '../store/journal';
import { appHome } from '../store/app-paths';
import { installRoot } from '../store/install-root';
import { ensureSampleCopy } from '../store/sample';
import { startWebHost, type WebHost } from './server';
import { rememberOrigin, rememberedOrigin } from './web-origin';
import { randomHostName } from './request-rules';
import { APP_VERSION } from '../version';
import { chromiumPdf } from '../export/pdf';
import { systemUserName } from '../store/user-name';

/** The web host as the CLI knows it: this file is the CLI's one way in. */
export type { WebHost };

export interface LaunchOptions {
  /** The project to open; without one, the person's copy of the sample project. */
  projectDir?: string;
  port?: number;
}

/** Opens a project and serves the app for it from the web host. */
export async function launchWebHost(options: LaunchOptions = {}): Promise<WebHost> {
  const home = appHome();
  const recent = RecentProjects.in(home);
  const workspace = new Workspace();
  const dir = options.projectDir ?? (await ensureSampleCopy(home));
  workspace.project = await Project.open(dir);
  await recent.remember({ name: workspace.project.name, path: workspace.project.dir });
  const handlers = createHandlers(
    { version: APP_VERSION, recent, pickFolder: null, renderPdf: chromiumPdf, settings: AppSettings.in(home), journal: Journal.in(home), userName: systemUserName() },
    workspace,
  );
  const rendererDir = path.join(installRoot(), 'dist', 'renderer');
  // Port 0 asks for any free port (tests); otherwise the origin of last time, where the tab's journal is.
  const remembered = options.port === 0 ? null : await rememberedOrigin(home);
  const port = options.port ?? remembered?.port ?? 0;
  // The name of last time only with the port of last time: cookies ignore ports, so whatever holds the old port now
  // must never be sent a session made under the same name.
  const hostName = remembered && remembered.port === port ? remembered.hostName : randomHostName();
  const host = await startWebHost({ rendererDir, handlers, hostName, port }).catch((error: NodeJS.ErrnoException) => {
    // The port of last time is taken: any free one, under a new name (the tab's journal of last time stays behind; the
    // app's does not).
    if (error.code === 'EADDRINUSE' && options.port === undefined) return startWebHost({ rendererDir, handlers, hostName: randomHostName(), port: 0 });
    throw error;
  });
  if (options.port !== 0) await rememberOrigin(home, { hostName: host.hostName, port: host.port }).catch(() => undefined);
  // While the browser opens the address, the document it will show is read and checked, and its reply's JSON made.
  // (Not once the page has had its start-up reply: made then, the JSON would only hold up the requests that follow.)
  void readOpeningAhead(workspace, recent).then((opening) => {
    if (opening && !startupReplied()) serializeAhead(opening.document);
  });
  return host;
}
