import * as path from 'node:path';
import { createHandlers, Workspace } from '../api/handlers';
import { Project } from '../store/project';
import { RecentProjects } from '../store/recent';
import { AppSettings } from '../store/settings';
import { Journal } from '../store/journal';
import { appHome } from '../store/app-paths';
import { installRoot } from '../store/install-root';
import { ensureSampleCopy } from '../store/sample';
import { startWebHost, type WebHost } from './server';
import { APP_VERSION } from '../version';
import { chromiumPdf } from '../export/pdf';
import { systemUserName } from '../store/user-name';

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
  return startWebHost({ rendererDir: path.join(installRoot(), 'dist', 'renderer'), handlers, port: options.port });
}
