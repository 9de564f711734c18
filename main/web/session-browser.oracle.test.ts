// The session in a real browser: Debian's Chromium opens the launch address, the page and its API calls work under
// the random *.localhost name, and then the same browser visits other local servers. Cookies ignore ports, so the
// test records what those servers receive. Needs /usr/bin/chromium (or CHROMIUM_PATH); skipped without it.
import { chromiumPdf } from '../export/pdf';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../testing/chromium';
import { Workspace, createHandlers } from '../api/handlers';
import { RecentProjects } from '../store/recent';
import { SPENT_CODE_MESSAGE, startWebHost, type WebHost } from './server';
import { SESSION_COOKIE } from './session';
import { writeRenderer } from './test-host';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Seen {
  host: string;
  url: string;
  headers: string;
}

/** A plain local server standing for any other program on this machine; it keeps every request's headers. */
async function recorder(port = 0): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ host: req.headers.host ?? '', url: req.url ?? '', headers: req.rawHeaders.join('\n') });
    res.setHeader('Content-Type', 'text/html');
    res.end('<!doctype html><title>another local server</title>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A web host serving a stand-in page, and Chromium, for the tests of one describe block; closed after them. */
function useHostAndBrowser(version: string): { readonly web: WebHost; readonly browser: Browser } {
  const state = {} as { tmp: string; web: WebHost; browser: Browser };
  beforeAll(async () => {
    state.tmp = await fs.mkdtemp(path.join(os.tmpdir(), `pw-${version}-`));
    const handlers = createHandlers(
      { version, recent: RecentProjects.in(path.join(state.tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Browser' },
      new Workspace(),
    );
    state.web = await startWebHost({ rendererDir: await writeRenderer(state.tmp), handlers });
    state.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.web?.close();
    await fs.rm(state.tmp, { recursive: true, force: true });
  });
  return state;
}

describe.skipIf(!existsSync(CHROMIUM))(`the session in Chromium (skipped: no browser at ${CHROMIUM})`, () => {
  const running = useHostAndBrowser('browser-test');

  it('opens the app, keeps the session to its own host name and port, and never sends it to another local server', { timeout: 120_000 }, async () => {
    const { web, browser } = running;
    const context = await browser.newContext();
    const page = await context.newPage();
    const code = new URL(web.url).searchParams.get('code') ?? '';

    // The launch address lands on the host's root, and the page's own API call is answered.
    await page.goto(web.url);
    expect(page.url()).toBe(`${web.origin}/`);
    await expect.poll(() => page.locator('#out').textContent(), { timeout: 20_000 }).toBe('version browser-test');
    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    const [session] = cookies;
    expect(session).toMatchObject({ name: SESSION_COOKIE, domain: new URL(web.origin).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    const secret = session?.value ?? '';
    expect(secret).toMatch(/^[\w-]{43}$/);

    // Another program on another port, visited by address and by a link from the app's own page.
    const other = await recorder();
    const otherName = 'policywright-someotherserver.localhost';
    try {
      for (const host of ['127.0.0.1', 'localhost', otherName]) await page.goto(`http://${host}:${other.port}/typed`);
      await page.goto(`${web.origin}/`);
      await page.evaluate((to) => (window.location.href = to), `http://127.0.0.1:${other.port}/from-app`);
      await page.waitForURL(`http://127.0.0.1:${other.port}/from-app`);
      // The check can fail: under the app's own name on another port the browser does send it (cookies ignore
      // ports), which is why the name is random and never used for anything else.
      await page.goto(`http://${new URL(web.origin).hostname}:${other.port}/control`);
    } finally {
      await other.close();
    }
    // Everything asked for under the app's own name (the control page, and the favicon the browser fetches with it).
    const ownName = new URL(web.origin).hostname;
    const underOwnName = (s: Seen) => s.host.toLowerCase().startsWith(`${ownName}:`);
    const control = other.seen.filter(underOwnName);
    expect(control.some((s) => s.url === '/control')).toBe(true);
    expect(control.some((s) => s.headers.includes(secret))).toBe(true);
    const foreign = other.seen.filter((s) => !underOwnName(s));
    expect(foreign.map((s) => `${s.host}${s.url}`)).toEqual(
      expect.arrayContaining([`127.0.0.1:${other.port}/typed`, `localhost:${other.port}/typed`, `${otherName}:${other.port}/typed`, `127.0.0.1:${other.port}/from-app`]),
    );
    for (const s of foreign) {
      expect(s.headers, `${s.host}${s.url}`).not.toContain(secret);
      expect(s.headers, `${s.host}${s.url}`).not.toContain(code);
      expect(s.headers, `${s.host}${s.url}`).not.toMatch(/cookie/i);
    }

    // The app's own port under 127.0.0.1 and localhost: once the host is gone, a recorder takes its port.
    await web.close();
    const samePort = await recorder(web.port);
    try {
      for (const host of ['127.0.0.1', 'localhost']) await page.goto(`http://${host}:${web.port}/typed`);
    } finally {
      await samePort.close();
    }
    expect(samePort.seen.map((s) => s.host)).toEqual(expect.arrayContaining([`127.0.0.1:${web.port}`, `localhost:${web.port}`]));
    for (const s of samePort.seen) {
      expect(s.headers, `${s.host}${s.url}`).not.toContain(secret);
      expect(s.headers, `${s.host}${s.url}`).not.toMatch(/cookie/i);
    }
    await context.close();
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`the launch address from history in Chromium (skipped: no browser at ${CHROMIUM})`, () => {
  const running = useHostAndBrowser('history-test');

  it('gives no session to a second browser profile that reopens the printed address after its first use', { timeout: 120_000 }, async () => {
    const { web, browser } = running;
    const first = await browser.newContext();
    await (await first.newPage()).goto(web.url);
    expect(await first.cookies()).toHaveLength(1);

    const later = await browser.newContext();
    const page = await later.newPage();
    const response = await page.goto(web.url);
    expect(response?.status()).toBe(401);
    expect(await page.locator('body').textContent()).toBe(SPENT_CODE_MESSAGE);
    expect(await later.cookies()).toEqual([]);
    await first.close();
    await later.close();
  });
});
