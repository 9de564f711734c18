import { chromiumPdf } from '../export/pdf';
import * as fs from 'node:fs/promises';
import type * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, createHandlers } from '../api/handlers';
import { Journal } from '../store/journal';
import { RecentProjects } from '../store/recent';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract';
import { MAX_BODY_BYTES, NO_SESSION_MESSAGE, SPENT_CODE_MESSAGE, startWebHost, type WebHost } from './server';
import { CONTENT_SECURITY_POLICY } from './security';
import { LAUNCH_CODE_LIFETIME_MS, SESSION_COOKIE } from './session';
import { APP_JS, INDEX_HTML, SECRET, openSession, rawRequest, sessionFrom, writeRenderer, type RawRequest, type RawResponse } from './test-host';

let tmp: string;
let web: WebHost;
let port: number;
let ownHost: string;
let origin: string;
let cookie: string;
let now: number;
const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];

function handlersFor(home: string, { journal = false } = {}) {
  return createHandlers(
    {
      version: '1.2.3-web-test',
      recent: RecentProjects.in(path.join(tmp, home)),
      pickFolder: null,
      renderPdf: chromiumPdf,
      userName: 'Test Reviewer',
      ...(journal ? { journal: Journal.in(path.join(tmp, home)) } : {}),
    },
    new Workspace(),
  );
}

/** A raw request under the host's own name unless told otherwise. */
async function request(options: RawRequest = {}): Promise<RawResponse> {
  const res = await rawRequest(port, { host: ownHost, ...options });
  seen.push({ path: options.path ?? '/', headers: res.headers });
  return res;
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { cookie, origin, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The path and query of a launch address, as the browser requests it. */
function launchPath(launchUrl: string): string {
  const url = new URL(launchUrl);
  return url.pathname + url.search;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-web-'));
  now = 1_000_000;
  web = await startWebHost({ rendererDir: await writeRenderer(tmp), handlers: handlersFor('home'), clock: () => now });
  port = web.port;
  ownHost = new URL(web.origin).host;
  origin = web.origin;
  cookie = `${SESSION_COOKIE}=${await openSession(web.newLaunchUrl())}`;
});

afterEach(async () => {
  await web.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the web host address', () => {
  it('listens on 127.0.0.1 only, under a random *.localhost name, and hands out a launch address with a code', () => {
    expect(web.origin).toMatch(/^http:\/\/policywright-[a-z2-7]{16}\.localhost:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(web.url).toMatch(new RegExp(`^${web.origin.replace(/[.]/g, '\\.')}/\\?code=[\\w-]{22}$`));
  });

  it('is not reachable on another local address', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .flatMap((i) => (i && !i.internal && i.family === 'IPv4' ? [i.address] : []));
    for (const address of ['::1', ...others]) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(connected, address).toBe(false);
    }
  });

  it('uses a fresh host name and code each launch, and a fresh code for each new address', async () => {
    const other = await startWebHost({ rendererDir: path.join(tmp, 'renderer'), handlers: handlersFor('home2') });
    try {
      expect(new URL(other.origin).hostname).not.toBe(new URL(web.origin).hostname);
      expect(new URL(other.url).searchParams.get('code')).not.toBe(new URL(web.url).searchParams.get('code'));
      expect(new URL(web.newLaunchUrl()).searchParams.get('code')).not.toBe(new URL(web.url).searchParams.get('code'));
    } finally {
      await other.close();
    }
  });

  it('stops answering once closed', async () => {
    await web.close();
    await expect(request()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // afterEach closes again: closing twice must not hang or throw.
  });
});

describe('the launch code', () => {
  it('is traded once for a __Host- session cookie (Secure, HttpOnly, SameSite=Strict, Path=/, no Domain) and a redirect to the root', async () => {
    const res = await request({ path: launchPath(web.url) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    const attributes = (setCookie[0] ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^__host-policywright=[\w-]{43}$/);
    expect(attributes.slice(1).sort()).toEqual(['httponly', 'path=/', 'samesite=strict', 'secure']);
  });

  it('buys a session secret that is not the code itself', async () => {
    const res = await request({ path: launchPath(web.url) });
    const secret = sessionFrom(res);
    expect(secret).toBeDefined();
    expect(secret).not.toBe(new URL(web.url).searchParams.get('code'));
    expect((await request({ headers: { cookie: `${SESSION_COOKIE}=${secret}` } })).status).toBe(200);
    expect((await request({ headers: { cookie: `${SESSION_COOKIE}=${new URL(web.url).searchParams.get('code')}` } })).status).toBe(401);
  });

  it('opens nothing the second time: the address from history gets 401 with one sentence and no cookie', async () => {
    expect((await request({ path: launchPath(web.url) })).status).toBe(303);
    const again = await request({ path: launchPath(web.url) });
    expect(again.status).toBe(401);
    expect(again.body).toBe(SPENT_CODE_MESSAGE);
    expect(again.body, 'one sentence').toMatch(/^[^.]+\.$/);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.headers.location).toBeUndefined();
  });

  it('sends a browser that already has a session on to the app when it reopens a spent address, without a new cookie', async () => {
    await request({ path: launchPath(web.url) });
    const again = await request({ path: launchPath(web.url), headers: { cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('expires a minute after it was made when unused', async () => {
    const fresh = web.newLaunchUrl();
    const stale = web.newLaunchUrl();
    now += LAUNCH_CODE_LIFETIME_MS - 1;
    expect((await request({ path: launchPath(fresh) })).status).toBe(303);
    now += 2;
    const res = await request({ path: launchPath(stale) });
    expect(res.status).toBe(401);
    expect(res.body).toBe(SPENT_CODE_MESSAGE);
  });

  it('redirects to the root only, whatever else the address carries', async () => {
    const res = await request({ path: `${launchPath(web.url)}&next=//evil.example/x&redirect=http://evil.example` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it.each(['/documents/privacy-policy', '//a//evil.example/x', '/index.html', '/api/getStartup'])(
    'is not traded on %s, and stays usable at the root',
    async (where) => {
      const code = new URL(web.url).searchParams.get('code') ?? '';
      const res = await request({ path: `${where}?code=${code}` });
      expect(res.status).toBe(401);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await request({ path: launchPath(web.url) })).status).toBe(303);
    },
  );

  it('is not traded under another Host, and stays usable under its own', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `evil.example:${port}`]) {
      const res = await request({ path: launchPath(web.url), host });
      expect(res.status, host).toBe(403);
      expect(res.headers['set-cookie'], host).toBeUndefined();
    }
    expect((await request({ path: launchPath(web.url) })).status).toBe(303);
  });

  it('is not traded by HEAD or POST', async () => {
    expect((await request({ method: 'HEAD', path: launchPath(web.url) })).status).toBe(401);
    expect((await request({ method: 'POST', path: launchPath(web.url), body: '' })).status).toBe(401);
    expect((await request({ path: launchPath(web.url) })).status).toBe(303);
  });
});

describe('the session', () => {
  it('lets the cookie in', async () => {
    const res = await request({ headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
  });

  it('finds the cookie among others', async () => {
    expect((await request({ headers: { cookie: `theme=dark; ${cookie}; other=1` } })).status).toBe(200);
  });

  it('refuses a request with no session with one sentence', async () => {
    const res = await request();
    expect(res.status).toBe(401);
    expect(res.body).toBe(NO_SESSION_MESSAGE);
  });

  it('refuses the session of another web host', async () => {
    const other = await startWebHost({ rendererDir: path.join(tmp, 'renderer'), handlers: handlersFor('home2') });
    try {
      const foreign = await openSession(other.url);
      expect((await request({ headers: { cookie: `${SESSION_COOKIE}=${foreign}` } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['a wrong cookie', { headers: { cookie: `${SESSION_COOKIE}=wrong` } }],
    ['a cookie one character short', { headers: { cookie: 'SHORT' } }],
    ['the secret in another cookie', { headers: { cookie: 'other=SECRET' } }],
    ['the secret in the old cookie name', { headers: { cookie: 'policywright_token=SECRET' } }],
    ['an empty cookie', { headers: { cookie: `${SESSION_COOKIE}=` } }],
    ['the secret in the query', { path: '/?token=SECRET' }],
    ['the secret as a launch code', { path: '/?code=SECRET' }],
    ['an empty launch code', { path: '/?code=' }],
  ])('refuses %s with 401 and no cookie', async (_what, options: RawRequest) => {
    const secret = cookie.slice(SESSION_COOKIE.length + 1);
    const filled = JSON.parse(JSON.stringify(options).replace('SECRET', secret).replace('SHORT', cookie.slice(0, -1))) as RawRequest;
    const res = await request(filled);
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain('Policywright test index');
  });

  it('refuses an API call that carries the secret in the address but not the cookie', async () => {
    const secret = cookie.slice(SESSION_COOKIE.length + 1);
    const res = await request({ method: 'POST', path: `/api/getStartup?token=${secret}`, headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it.each([
    ['a foreign host name', (p: number) => `evil.example:${p}`],
    ['127.0.0.1 with the right port', (p: number) => `127.0.0.1:${p}`],
    ['localhost with the right port', (p: number) => `localhost:${p}`],
    ['another *.localhost name', (p: number) => `policywright-aaaaaaaaaaaaaaaa.localhost:${p}`],
    ['the own name on another port', (p: number) => `${ownHost.split(':')[0]}:${p + 1}`],
    ['the own name without a port', () => ownHost.split(':')[0] ?? ''],
    ['a look-alike', (p: number) => `${ownHost.split(':')[0]}.evil.example:${p}`],
    ['an IPv6 loopback', (p: number) => `[::1]:${p}`],
  ])('refuses %s in Host with 403, even with the right cookie', async (_what, hostOf) => {
    const res = await request({ headers: { cookie }, host: hostOf(port) });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('Policywright test index');
  });

  it('accepts its own name in capitals, as DNS names are', async () => {
    expect((await request({ headers: { cookie }, host: ownHost.toUpperCase() })).status).toBe(200);
  });

  it('refuses an API call from a foreign Origin', async () => {
    const res = await api('getStartup', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('"ok"');
  });

  it.each([
    ['127.0.0.1 with the right port', () => `http://127.0.0.1:${port}`],
    ['the own name on another port', () => `http://${ownHost.split(':')[0]}:${port + 1}`],
    ['https on the own name', () => `https://${ownHost}`],
    ['null', () => 'null'],
  ])('refuses an API call whose Origin is %s', async (_what, originOf) => {
    expect((await api('getStartup', {}, { origin: originOf() })).status).toBe(403);
  });

  it('refuses an API call with no Origin', async () => {
    const res = await request({ method: 'POST', path: '/api/getStartup', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it.each(['cross-site', 'same-site'])('refuses a request the browser marks as %s', async (site) => {
    expect((await api('getStartup', {}, { 'sec-fetch-site': site })).status).toBe(403);
    expect((await request({ headers: { cookie, 'sec-fetch-site': site } })).status).toBe(403);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'application/json-patch+json',
    'application/json; charset=latin1',
    'application/json; charset=utf-8; x=1',
    'application/json;',
    'text/plain; application/json',
  ])('refuses an API call whose Content-Type is %s with 415', async (type) => {
    const res = await api('getStartup', {}, { 'content-type': type });
    expect(res.status).toBe(415);
  });

  it('refuses an API call without a Content-Type with 415', async () => {
    const res = await request({ method: 'POST', path: '/api/getStartup', headers: { cookie, origin }, body: '{}' });
    expect(res.status).toBe(415);
  });
});

describe('the API over HTTP', () => {
  it('answers a well-formed call with 200 and the JSON reply', async () => {
    const res = await api('getStartup', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const reply = JSON.parse(res.body) as { ok: boolean; value: { version: string; canPickFolder: boolean; project: unknown; recent: unknown[]; userName: string } };
    expect(reply).toEqual({ ok: true, value: { project: null, recent: [], canPickFolder: false, version: '1.2.3-web-test', userName: 'Test Reviewer', opening: null, journalKey: null, identity: null } });
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])('accepts the Content-Type %s', async (type) => {
    expect((await api('getStartup', {}, { 'content-type': type })).status).toBe(200);
  });

  it('takes an empty body as no input', async () => {
    expect((await api('listRecentProjects', '')).status).toBe(200);
  });

  it('answers bad input with 400 and a one-sentence message', async () => {
    const res = await api('openProject', { path: 42 });
    expect(res.status).toBe(400);
    const reply = JSON.parse(res.body) as { ok: boolean; error: { message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/^Bad input to openProject: path /);
  });

  it('takes a file to import of the largest size allowed, and says what is too large past it', async () => {
    // 50 MB as base64 is 66.7 MB of request: the handler answers (no project is open), not the body limit.
    const largest = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4);
    const imported = await api('importDocument', { project: tmp, fileName: 'big.docx', base64: largest });
    expect(JSON.parse(imported.body).error.message).not.toMatch(/over the .* MB Policywright takes/);
    const tooLarge = await api('importDocument', { project: tmp, fileName: 'big.docx', base64: 'A'.repeat(MAX_BODY_BYTES) });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toEqual({ ok: false, error: { message: 'The request is over the 160 MB Policywright takes in one call; a file to import may be at most 50 MB.' } });
  }, 30_000);

  it('answers a body that is not JSON with 400', async () => {
    const res = await api('getStartup', '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { message: 'The request body is not valid JSON.' } });
  });

  it('answers an unknown method with 400', async () => {
    const res = await api('deleteEverything', {});
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { error: { message: string } }).error.message).toBe('There is no API method called "deleteEverything".');
  });

  it('answers a handler failure with 400 and its message', async () => {
    const res = await api('loadDocument', { project: '/nowhere', documentId: 'privacy-policy' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { message: 'The project /nowhere is not open in this window: open it again with Open project….' } });
  });

  it('refuses GET on the API with 405', async () => {
    expect((await request({ path: '/api/getStartup', headers: { cookie } })).status).toBe(405);
  });

  it('runs a whole session: create a sample project, load, save, load', async () => {
    const dir = path.join(tmp, 'project');
    const created = await api('createProject', { path: dir, name: 'Web', sample: true });
    expect(created.status).toBe(200);
    const loaded = JSON.parse((await api('loadDocument', { project: dir, documentId: 'cookie-policy' })).body) as { value: { document: { title: string; owner: string }; stamp: string } };
    expect(loaded.value.document.title).toBe('Cookie Policy');
    const edited = { ...loaded.value.document, owner: 'Web Test' };
    expect((await api('saveDocument', { project: dir, documentId: 'cookie-policy', document: edited, base: loaded.value.stamp })).status).toBe(200);
    const again = JSON.parse((await api('loadDocument', { project: dir, documentId: 'cookie-policy' })).body) as { value: { document: unknown } };
    expect(again.value.document).toEqual(edited);
  });

  it('keeps a window’s journal entry whole, then as patches of the entry it answered a tag for; a patch of another tag is not kept', async () => {
    await web.close();
    const home = path.join(tmp, 'journal-home');
    web = await startWebHost({ rendererDir: await writeRenderer(tmp), handlers: handlersFor('journal-home', { journal: true }), clock: () => now });
    [port, ownHost, origin] = [web.port, new URL(web.origin).host, web.origin];
    cookie = `${SESSION_COOKIE}=${await openSession(web.newLaunchUrl())}`;
    const dir = path.join(tmp, 'project');
    await api('createProject', { path: dir, name: 'Web', sample: true });
    const write = async (entry: object) => {
      const reply = JSON.parse((await api('writeJournal', { project: dir, documentId: 'cookie-policy', window: 'window-web-0001', entry })).body) as { ok: boolean; value: { kept: boolean; tag: string | null } };
      expect(reply.ok).toBe(true);
      return reply.value;
    };
    const takenAt = new Date(now).toISOString();
    const first = await write({ base: null, takenAt, text: 'The whole text, as typed.' });
    expect(first).toEqual({ kept: true, tag: expect.stringMatching(/^[a-f0-9]{32}$/) });
    const second = await write({ base: null, takenAt, after: first.tag, at: 'The whole text'.length, remove: 0, insert: ', and more' });
    expect(second.kept).toBe(true);
    expect(await write({ base: null, takenAt, after: first.tag, at: 0, remove: 3, insert: 'A' })).toEqual({ kept: false, tag: null });
    const entries = await Journal.in(home).entries(dir, 'cookie-policy');
    expect(entries.map((e) => e.entry.text)).toEqual(['The whole text, and more, as typed.']);
    const bad = await api('writeJournal', { project: dir, documentId: 'cookie-policy', window: 'window-web-0001', entry: { base: null, takenAt, after: 'not a tag', at: 0, remove: 0, insert: '' } });
    expect(bad.status).toBe(400);
  });

  it('never sends Access-Control-Allow-Origin', async () => {
    seen.length = 0;
    await api('getStartup', {});
    await api('getStartup', {}, { origin: 'http://evil.example' });
    await api('openProject', {});
    await request({ method: 'OPTIONS', path: '/api/getStartup', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    await request({ method: 'OPTIONS', path: '/api/getStartup', headers: { cookie, origin: 'http://evil.example' } });
    await request({ headers: { cookie } });
    await request({ path: launchPath(web.url) });
    expect(seen.length).toBe(7);
    for (const { path: p, headers } of seen) {
      expect(headers['access-control-allow-origin'], p).toBeUndefined();
      expect(headers['access-control-allow-credentials'], p).toBeUndefined();
    }
  });
});

describe('static files', () => {
  it('serves index.html with a Content-Security-Policy and nosniff', async () => {
    const res = await request({ headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an asset with its type and the policy', async () => {
    const res = await request({ path: '/assets/app.js', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.body).toBe(APP_JS);
  });

  it('serves index.html for an app route and 404 for a missing asset', async () => {
    const route = await request({ path: '/documents/privacy-policy', headers: { cookie } });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    expect((await request({ path: '/assets/missing.js', headers: { cookie } })).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const res = await request({ method: 'HEAD', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('refuses other methods on static paths', async () => {
    expect((await request({ method: 'PUT', path: '/index.html', headers: { cookie }, body: 'x' })).status).toBe(405);
    expect((await request({ method: 'DELETE', path: '/index.html', headers: { cookie } })).status).toBe(405);
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/../../etc/passwd',
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/.%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-private%2fsecret.txt',
    '/../renderer-private/secret.txt',
    '/%252e%252e/secret.txt',
    '/..%00/secret.txt',
    '/%ff%fe',
    `/${encodeURIComponent('/etc/passwd')}`,
  ])('keeps %s inside the renderer folder', async (attempt) => {
    const res = await request({ path: attempt, headers: { cookie } });
    expect([200, 404]).toContain(res.status);
    if (res.status === 200) expect(res.body).toBe(INDEX_HTML);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
  });
});
