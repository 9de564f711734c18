import { chromiumPdf } from '../export/pdf';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, createHandlers } from '../api/handlers';
import { RecentProjects } from '../store/recent';
import { startWebHost, type WebHost } from './server';
import { CONTENT_SECURITY_POLICY, TOKEN_COOKIE } from './security';

const INDEX_HTML = '<!doctype html><title>Policywright test index</title>\n';
const SECRET = 'TOP-SECRET-CONTENTS-outside-the-renderer';

let tmp: string;
let web: WebHost;
let port: number;
let cookie: string;
let origin: string;
const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host, Origin and the path go out exactly as written. */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          seen.push({ path: options.path ?? '/', headers: res.headers });
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { cookie, origin, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-web-'));
  const rendererDir = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  await fs.writeFile(path.join(tmp, 'secret.txt'), SECRET);
  await fs.mkdir(path.join(tmp, 'renderer-private'));
  await fs.writeFile(path.join(tmp, 'renderer-private', 'secret.txt'), SECRET);
  const handlers = createHandlers(
    { version: '1.2.3-web-test', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' },
    new Workspace(),
  );
  web = await startWebHost({ rendererDir, handlers });
  port = Number(new URL(web.origin).port);
  origin = `http://127.0.0.1:${port}`;
  cookie = `${TOKEN_COOKIE}=${web.token}`;
});

afterEach(async () => {
  await web.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the web host address', () => {
  it('listens on 127.0.0.1 only and hands out a URL carrying the token', () => {
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(web.url).toBe(`${web.origin}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(43);
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

  it('uses a fresh token each launch, or the one it is given', async () => {
    const other = await startWebHost({ rendererDir: path.join(tmp, 'renderer'), handlers: createHandlers(
      { version: 'x', recent: RecentProjects.in(path.join(tmp, 'home2')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' },
      new Workspace(),
    ) });
    const fixed = await startWebHost({ rendererDir: path.join(tmp, 'renderer'), handlers: createHandlers(
      { version: 'x', recent: RecentProjects.in(path.join(tmp, 'home3')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Test Reviewer' },
      new Workspace(),
    ), token: 'fixed-token-for-test' });
    try {
      expect(other.token).not.toBe(web.token);
      expect(fixed.token).toBe('fixed-token-for-test');
    } finally {
      await other.close();
      await fixed.close();
    }
  });

  it('stops answering once closed', async () => {
    await web.close();
    await expect(request()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // afterEach closes again: closing twice must not hang or throw.
  });
});

describe('the launch token', () => {
  it('is traded for an HttpOnly, SameSite=Strict cookie with a redirect that drops it from the address', async () => {
    const res = await request({ path: `/?token=${web.token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie']?.join('\n') ?? '';
    expect(setCookie).toContain(`${TOKEN_COOKIE}=${web.token}`);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
  });

  it('keeps the rest of the address in the redirect', async () => {
    const res = await request({ path: `/documents/privacy-policy?token=${web.token}&view=outline` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/documents/privacy-policy?view=outline');
  });

  it('lets the cookie in', async () => {
    const res = await request({ headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
  });

  it('finds the cookie among others', async () => {
    const res = await request({ headers: { cookie: `theme=dark; ${cookie}; other=1` } });
    expect(res.status).toBe(200);
  });

  it('refuses a request with no token', async () => {
    const res = await request();
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('Policywright test index');
  });

  it.each([
    ['a wrong query token', { path: '/?token=wrong' }],
    ['a query token one character short', { path: '/?token=SHORT' }],
    ['an empty query token', { path: '/?token=' }],
    ['a wrong cookie', { headers: { cookie: `${TOKEN_COOKIE}=wrong` } }],
    ['the token in another cookie', { headers: { cookie: 'other=TOKEN' } }],
    ['an empty cookie', { headers: { cookie: `${TOKEN_COOKIE}=` } }],
  ])('refuses %s with 401 and no cookie', async (_what, options) => {
    const withToken = JSON.parse(JSON.stringify(options).replace('TOKEN', web.token).replace('SHORT', web.token.slice(0, -1))) as typeof options;
    const res = await request(withToken);
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain('Policywright test index');
  });

  it('refuses an API call that carries the token in the address but not the cookie', async () => {
    const res = await request({
      method: 'POST',
      path: `/api/getStartup?token=${web.token}`,
      headers: { origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it.each([
    ['a foreign host name', (p: number) => `evil.example:${p}`],
    ['127.0.0.1 on another port', (p: number) => `127.0.0.1:${p + 1}`],
    ['127.0.0.1 without a port', () => '127.0.0.1'],
    ['a look-alike', (p: number) => `127.0.0.1.evil.example:${p}`],
    ['an IPv6 loopback', (p: number) => `[::1]:${p}`],
  ])('refuses %s in Host with 403, even with the right cookie', async (_what, hostOf) => {
    const res = await request({ headers: { cookie, host: hostOf(port) } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('Policywright test index');
  });

  it('refuses to trade the token under a foreign Host', async () => {
    const res = await request({ path: `/?token=${web.token}`, headers: { host: `evil.example:${port}` } });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost as the Host, with its own Origin for the API', async () => {
    expect((await request({ headers: { cookie, host: `localhost:${port}` } })).status).toBe(200);
    const res = await api('getStartup', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(res.status).toBe(200);
  });

  it('refuses an API call from a foreign Origin', async () => {
    const res = await api('getStartup', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('"ok"');
  });

  it('refuses an API call from the same host on another port', async () => {
    expect((await api('getStartup', {}, { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('refuses an API call with no Origin', async () => {
    const res = await request({ method: 'POST', path: '/api/getStartup', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses a request the browser marks as cross-site', async () => {
    expect((await api('getStartup', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await request({ headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses an API call whose Content-Type is %s with 415',
    async (type) => {
      const res = await api('getStartup', {}, { 'content-type': type });
      expect(res.status).toBe(415);
    },
  );

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
    expect(reply).toEqual({ ok: true, value: { project: null, recent: [], canPickFolder: false, version: '1.2.3-web-test', userName: 'Test Reviewer', opening: null } });
  });

  it('accepts application/json with a charset', async () => {
    expect((await api('getStartup', {}, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
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

  it('never sends Access-Control-Allow-Origin', async () => {
    seen.length = 0;
    await api('getStartup', {});
    await api('getStartup', {}, { origin: 'http://evil.example' });
    await api('openProject', {});
    await request({ method: 'OPTIONS', path: '/api/getStartup', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    await request({ method: 'OPTIONS', path: '/api/getStartup', headers: { cookie, origin: 'http://evil.example' } });
    await request({ headers: { cookie } });
    await request({ path: `/?token=${web.token}` });
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
    expect(res.body).toBe('console.log("app");\n');
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
