import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, type Command } from '../../shared/api/commands';
import { METHOD_NAMES } from '../../shared/api/contract';
import { BRIDGE_METHODS, IPC_PREFIX } from '../../shared/api/methods';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { safeLink } from '../../shared/model/link';
import { registerIpc } from './ipc';
import { projectArgument } from './launch-args';
import { menuTemplate } from './menu';
import { isAppUrl, isTrustedSender } from './origin';
import { serveApp } from './protocol';

describe('safeLink, as the shell opens links', () => {
  it.each([
    ['https://example.com/policy', 'https://example.com/policy'],
    ['https://x', 'https://x/'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:a@b', 'mailto:a@b'],
    ['HTTPS://EXAMPLE.COM/A', 'https://example.com/A'],
  ])('opens %s', (raw, opened) => expect(safeLink(raw)).toBe(opened));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'https://example.com/\t',
    ' \u0000https://example.com',
    'file:///etc/passwd',
    'file://server/share',
    'smb://server/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://policywright/index.html',
    'ms-msdt:/id',
    '//example.com',
    '/relative',
    'not a url',
    '',
    'https://',
    'https://' + 'a'.repeat(9000),
    undefined,
    42,
  ])('refuses %j', (raw) => expect(safeLink(raw)).toBeNull());
});

describe('isAppUrl and isTrustedSender', () => {
  it.each(['app://policywright/', 'app://policywright/index.html', 'app://policywright/assets/x.js?v=1#top'])('trusts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isTrustedSender({ url })).toBe(true);
  });

  it.each([
    'app://policywright.evil/',
    'app://evil/policywright/',
    'app://user@policywright/',
    'app://policywright:8080/',
    'https://policywright/',
    'file:///work/dist/renderer/index.html',
    'about:blank',
    'about:srcdoc',
    'http://127.0.0.1:5173/',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isTrustedSender({ url })).toBe(false);
  });

  it('refuses a missing frame and one that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed)).toBe(false);
  });
});

describe('registerIpc', () => {
  function setUp() {
    const channels = new Map<string, (event: unknown, input: unknown) => unknown>();
    const getStartup = vi.fn(async () => ({ project: null, recent: [], canPickFolder: true, version: 'test' }));
    const handlers = { getStartup } as never;
    registerIpc({ handle: (channel: string, fn: never) => void channels.set(channel, fn) } as never, (id) => (id === 7 ? handlers : undefined));
    return { channels, getStartup };
  }
  const event = (url: string, id = 7) => ({ senderFrame: { url }, sender: { id } });

  it('registers exactly the contract’s methods', () => {
    expect([...setUp().channels.keys()]).toEqual(METHOD_NAMES.map((name) => IPC_PREFIX + name));
  });

  it('dispatches calls from our own page', async () => {
    const { channels, getStartup } = setUp();
    const reply = await channels.get(`${IPC_PREFIX}getStartup`)!(event('app://policywright/index.html'), {});
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ version: 'test' }) });
    expect(getStartup).toHaveBeenCalledOnce();
  });

  it('refuses other frames without running anything', async () => {
    const { channels, getStartup } = setUp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const e of [event('https://evil.example/'), event('about:blank'), { senderFrame: null, sender: { id: 7 } }, event('app://policywright/', 8)]) {
      expect(await channels.get(`${IPC_PREFIX}getStartup`)!(e, {})).toEqual({ ok: false, error: { message: expect.any(String) } });
    }
    expect(getStartup).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('BRIDGE_METHODS', () => {
  it('is the contract’s method list, in order', () => {
    expect([...BRIDGE_METHODS]).toEqual(METHOD_NAMES);
  });
});

describe('menuTemplate', () => {
  type Item = { click?: () => void; submenu?: Item[]; accelerator?: string; registerAccelerator?: boolean; label?: string };
  const items = (template: Item[]): Item[] => template.flatMap((item) => [item, ...items(item.submenu ?? [])]);

  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`sends every command exactly once (${platform})`, () => {
      const sent: Command[] = [];
      const all = items(menuTemplate((command) => sent.push(command), platform) as Item[]);
      for (const item of all) item.click?.();
      expect([...sent].sort()).toEqual([...COMMANDS].sort());
    });
  }

  it('keeps every menu item’s words and place', () => {
    const labels = items(menuTemplate(() => undefined, 'linux') as Item[]).filter((item) => item.click).map((item) => item.label);
    expect(labels).toEqual([
      'New Project…', 'Open Project…', 'New Document', 'Import Document…', 'Export…', 'Save', 'Save Version…', 'Versions and Compare…', 'Your Name…',
      'Undo', 'Redo', 'Find…', 'Replace…', 'Find Next', 'Find Previous',
      'Insert Section After', 'Insert Subsection', 'Demote', 'Promote', 'Move Up', 'Move Down', 'Insert Cross-Reference…', 'Insert Footnote', 'Number This Heading',
      'Bold', 'Italic', 'Underline', 'Superscript', 'Subscript', 'Link…', 'Bulleted List', 'Numbered List',
      'Insert Clause…', 'Unlink Clause to Edit', 'New Clause from Selection…',
      'Suggest Changes', 'Next Change', 'Previous Change', 'Accept Change', 'Reject Change', 'Accept All Changes', 'Reject All Changes', 'New Comment', 'Review Changes and Comments',
      'Keyboard Shortcuts',
    ]);
  });

  it('shows the editor’s shortcuts but leaves the keys to the page', () => {
    const sent: Command[] = [];
    const shortcuts = new Map<Command, string>();
    for (const item of items(menuTemplate((command) => sent.push(command), 'linux') as Item[])) {
      if (!item.accelerator || !item.click) continue;
      item.click();
      shortcuts.set(sent.at(-1)!, item.accelerator);
      expect(item.registerAccelerator, item.label).toBe(false);
    }
    expect(Object.fromEntries(shortcuts)).toEqual({
      save: 'CmdOrCtrl+S',
      saveVersion: 'CmdOrCtrl+Shift+S',
      exportDocument: 'CmdOrCtrl+E',
      undo: 'CmdOrCtrl+Z',
      redo: 'CmdOrCtrl+Shift+Z',
      insertSection: 'CmdOrCtrl+Enter',
      insertSubsection: 'CmdOrCtrl+Shift+Enter',
      demoteSection: 'Tab',
      promoteSection: 'Shift+Tab',
      moveSectionUp: 'Alt+Shift+Up',
      moveSectionDown: 'Alt+Shift+Down',
      insertReference: 'CmdOrCtrl+Shift+R',
      insertFootnote: 'CmdOrCtrl+Alt+F',
      bold: 'CmdOrCtrl+B',
      italic: 'CmdOrCtrl+I',
      underline: 'CmdOrCtrl+U',
      superscript: 'CmdOrCtrl+Shift+=',
      subscript: 'CmdOrCtrl+=',
      link: 'CmdOrCtrl+K',
      insertClause: 'CmdOrCtrl+Shift+L',
      find: 'CmdOrCtrl+F',
      replace: 'CmdOrCtrl+H',
      findNext: 'F3',
      findPrevious: 'Shift+F3',
      newComment: 'CmdOrCtrl+Alt+M',
      showShortcuts: 'CmdOrCtrl+/',
      toggleSuggesting: 'CmdOrCtrl+Shift+E',
      nextChange: 'Alt+Shift+N',
      previousChange: 'Alt+Shift+P',
      acceptChange: 'Alt+Shift+A',
      rejectChange: 'Alt+Shift+R',
    });
  });
});

describe('projectArgument', () => {
  it('reads the first non-switch argument after the executable (and the app folder in development)', () => {
    expect(projectArgument(['/opt/Policywright/policywright', 'Policies'], '/home/a', false)).toBe(path.resolve('/home/a', 'Policies'));
    expect(projectArgument(['electron', '/repo', '--no-sandbox', '/p/Q'], '/x', true)).toBe(path.resolve('/p/Q'));
    expect(projectArgument(['/opt/Policywright/policywright', '--allow-file-access-from-files', '-psn_0_1'], '/x', false)).toBeUndefined();
    expect(projectArgument(['electron', '/repo'], '/x', true)).toBeUndefined();
  });
});

describe('serveApp', () => {
  // A file next to the renderer folder, which no URL may reach.
  const outer = mkdtempSync(path.join(tmpdir(), 'policywright-protocol-'));
  const dir = path.join(outer, 'renderer');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Policywright</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(outer, 'policywright-secret.txt'), 'secret');
  afterAll(() => rmSync(outer, { recursive: true, force: true }));
  const get = (url: string, method = 'GET') => serveApp(dir, { url, method });

  it('serves the renderer with the CSP', async () => {
    const page = await get('app://policywright/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Policywright</title>');
    const script = await get('app://policywright/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://policywright/../policywright-secret.txt',
    'app://policywright/%2e%2e/policywright-secret.txt',
    'app://policywright/..%2fpolicywright-secret.txt',
    'app://policywright/..%5cpolicywright-secret.txt',
    'app://policywright/%2e%2e%2f%2e%2e%2fpolicywright-secret.txt',
    'app://policywright/assets/missing.js',
    'app://policywright/%E0%A4%A',
    'app://other/index.html',
  ])('answers 404 to %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers an escape attempt without an extension with the app page, as any other app route', async () => {
    const response = await get('app://policywright/%2e%2e%2f%2e%2e%2fetc%2fpasswd');
    expect(await response.text()).toContain('<title>Policywright</title>');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://policywright/index.html', 'POST')).status).toBe(404);
    expect((await get('app://policywright/index.html', 'HEAD')).status).toBe(200);
  });
});
