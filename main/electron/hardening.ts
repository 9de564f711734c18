import type { Session, WebContents, WebPreferences } from 'electron';
import { safeLink } from '../../shared/model/link';
import { isAppUrl } from './origin';

/**
 * The shell's security settings, as plain objects and functions of their own, so that unit tests hold them to the
 * Electron checklist without starting Electron: the window's web preferences, what every web contents may do
 * (navigate, open windows, attach webviews), which permissions a page gets (none), and the only way out to the system
 * (http, https and mailto links, through the one link check).
 */

/** Every window's web preferences but the preload, whose path depends on where the app is installed. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

/** Hands a link to the system's browser or mail client, only if the one link check passes it. */
export function openExternally(raw: string, open: (url: string) => Promise<void>, warn: (message: string) => void = console.warn): void {
  // http, https and mailto (subject, body, cc, bcc only), opened in the form it parsed.
  const url = safeLink(raw);
  if (url === null) return warn(`[policywright] refused to open ${JSON.stringify(raw.slice(0, 200))}`);
  open(url).catch((error: unknown) => warn(`[policywright] could not open a link: ${String(error)}`));
}

type Hardened = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents Electron creates, so nothing can slip past by being made some other way: the page
 * navigates only within the app, a link elsewhere goes to the system (if it passes), and no window or webview opens.
 */
export function harden(contents: Hardened, openLink: (raw: string) => void): void {
  const stay = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openLink(event.url);
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Nothing here needs the camera, notifications, geolocation, devices or the like: refused without asking the person. */
export function refusePermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
