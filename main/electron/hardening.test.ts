import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { IPC_PREFIX, MENU_COMMAND_CHANNEL } from '../../shared/api/methods';
import { WEB_PREFERENCES, harden, openExternally, refusePermissions } from './hardening';

// The preload, loaded against a stand-in for Electron's renderer modules: what it hands the page is all there is.
const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoked = vi.hoisted(() => [] as Array<[string, unknown]>);
const listeners = vi.hoisted(() => new Map<string, (...args: unknown[]) => void>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('the window’s web preferences (Electron security checklist)', () => {
  it('isolate the page from Node and Electron, sandboxed, with web security on', () => {
    // The checklist's items, each set as it says: these on, these off, and nothing else.
    const on = ['contextIsolation', 'sandbox', 'webSecurity'];
    const off = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'webviewTag', 'experimentalFeatures', 'navigateOnDragDrop'];
    expect(WEB_PREFERENCES).toEqual(Object.fromEntries([...on.map((name) => [name, true]), ...off.map((name) => [name, false])]));
    expect(WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
    expect(WEB_PREFERENCES).not.toHaveProperty('preload');
  });
});

/** A stand-in web contents that records what harden() registers. */
function fakeContents() {
  const handlers = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, handler: (event: { url: string; preventDefault(): void }) => void) => {
      handlers.set(name, handler);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  harden(contents as never, (raw) => opened.push(raw));
  const fire = (name: string, url: string) => {
    const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
    handlers.get(name)?.(event);
    return event.prevented;
  };
  return { handlers, opened, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('harden', () => {
  it('registers the navigation, redirect, new-window and webview handlers', () => {
    const { handlers, open } = fakeContents();
    expect([...handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it.each(['app://policywright/', 'app://policywright/index.html#x'])('lets the page navigate within the app: %s', (url) => {
    const { fire, opened } = fakeContents();
    expect(fire('will-navigate', url)).toBe(false);
    expect(fire('will-redirect', url)).toBe(false);
    expect(opened).toEqual([]);
  });

  it.each(['https://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'app://policywright.evil/', 'about:blank', 'data:text/html,x'])(
    'stops every other navigation and hands the address to the link check: %s',
    (url) => {
      const { fire, opened } = fakeContents();
      expect(fire('will-navigate', url)).toBe(true);
      expect(fire('will-redirect', url)).toBe(true);
      expect(opened).toEqual([url]);
    },
  );

  it('denies every new window, handing its address to the link check', () => {
    const { open, opened } = fakeContents();
    for (const url of ['https://example.com/', 'app://policywright/', 'javascript:alert(1)']) expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/', 'app://policywright/', 'javascript:alert(1)']);
  });

  it('refuses to attach a webview', () => {
    expect(fakeContents().fire('will-attach-webview', '')).toBe(true);
  });
});

describe('openExternally', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['mailto:a@example.com?subject=Hi', 'mailto:a@example.com?subject=Hi'],
  ])('opens %s as %s', (raw, url) => {
    const open = vi.fn(() => Promise.resolve());
    openExternally(raw, open, () => undefined);
    expect(open).toHaveBeenCalledWith(url);
  });

  it.each(['mailto:a@b?attach=/etc/passwd', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'java\tscript:x', 'http://user:pw@x'])(
    'never hands %j to the system',
    (raw) => {
      const open = vi.fn(() => Promise.resolve());
      const warn = vi.fn();
      openExternally(raw, open, warn);
      expect(open).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledOnce();
    },
  );
});

describe('refusePermissions', () => {
  it('refuses every permission request and check, and every device, without asking', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    refusePermissions({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});

describe('the preload', () => {
  it('exposes one object, with one function per contract method and a menu listener, and nothing of Electron', async () => {
    await import('./preload');
    expect([...exposed.keys()]).toEqual(['policywright']);
    const bridge = exposed.get('policywright') as { api: Record<string, (input: unknown) => Promise<unknown>>; onMenuCommand: (l: (c: unknown) => void) => () => void };
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenuCommand']);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const value of Object.values(bridge.api)) expect(typeof value).toBe('function');
  });

  it('calls only the fixed channel of each method', async () => {
    const bridge = exposed.get('policywright') as { api: Record<string, (input: unknown) => Promise<unknown>> };
    invoked.length = 0;
    await bridge.api.loadDocument?.({ documentId: 'x' });
    expect(invoked).toEqual([[`${IPC_PREFIX}loadDocument`, { documentId: 'x' }]]);
  });

  it('passes menu commands on without the IPC event (which carries ipcRenderer), and only known commands', () => {
    const bridge = exposed.get('policywright') as { onMenuCommand: (l: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const stop = bridge.onMenuCommand((...args) => received.push(args));
    const relay = listeners.get(MENU_COMMAND_CHANNEL);
    relay?.({ sender: 'ipcRenderer' }, 'save');
    relay?.({ sender: 'ipcRenderer' }, 'not-a-command');
    expect(received).toEqual([['save']]);
    stop();
    expect(listeners.has(MENU_COMMAND_CHANNEL)).toBe(false);
  });
});
