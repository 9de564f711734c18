// The web host against generated requests over route × Host × Origin × Sec-Fetch-Site × key placement × method ×
// content type: for every route, each request that differs from a good one in one or two places, plus a seeded
// random sample of the whole product. What each request may reach comes from the rule table below, written from the security notes, never
// from the server's own rule functions.
import { chromiumPdf } from '../export/pdf';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../shared/testing/seeded-random';
import { Workspace, createHandlers, type Handlers } from '../api/handlers';
import { RecentProjects } from '../store/recent';
import { startWebHost, type WebHost } from './server';
import { APP_JS, INDEX_HTML, SECRET, openSession, rawRequest, writeRenderer } from './test-host';

const COOKIE = '__Host-policywright';

type RouteKind = 'page' | 'asset' | 'missing' | 'api' | 'api-unknown';
const ROUTES: ReadonlyArray<{ path: string; kind: RouteKind }> = [
  { path: '/', kind: 'page' },
  { path: '/index.html', kind: 'page' },
  { path: '/assets/app.js', kind: 'asset' },
  { path: '/api/getStartup', kind: 'api' },
  { path: '/api/unknown', kind: 'api-unknown' },
  // Once an open redirect; a path like any other app route now.
  { path: '//a//evil.example/x', kind: 'page' },
  { path: '/..%2f..%2fsecret.txt', kind: 'missing' },
];
const HOSTS = ['own', 'ip', 'localhost', 'evil', 'rebound', 'missing'] as const;
const ORIGINS = ['own', 'null', 'evil', 'missing'] as const;
const SITES = ['same-origin', 'same-site', 'cross-site', 'none', 'missing'] as const;
const KEYS = ['session cookie', 'fresh code', 'stale code', 'reused code', 'foreign cookie', 'query token', 'none'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'OPTIONS'] as const;
const TYPES = ['application/json', 'application/json; charset=utf-8', 'application/jsonx', 'text/plain', 'multipart/form-data; boundary=x', 'missing'] as const;

interface Case {
  route: number;
  host: (typeof HOSTS)[number];
  origin: (typeof ORIGINS)[number];
  site: (typeof SITES)[number];
  key: (typeof KEYS)[number];
  method: (typeof METHODS)[number];
  type: (typeof TYPES)[number];
}

interface Verdict {
  status: number;
  /** The API handler ran. */
  handler: boolean;
  /** A session cookie was handed out (and a redirect to `/`). */
  session: boolean;
  body?: string;
}

/** The rule table: what a request may get, in the order the notes give the checks. */
function expected(c: Case): Verdict {
  const route = ROUTES[c.route]!;
  const refused = (status: number): Verdict => ({ status, handler: false, session: false });
  if (c.host === 'missing') return refused(400); // HTTP/1.1 without Host: Node refuses it before any routing
  if (c.host !== 'own') return refused(403);
  if (c.site === 'same-site' || c.site === 'cross-site') return refused(403);
  if (c.key === 'fresh code' && c.method === 'GET' && route.path === '/') return { status: 303, handler: false, session: true };
  if (c.key !== 'session cookie') return refused(401);
  if (route.kind === 'api' || route.kind === 'api-unknown') {
    if (c.method !== 'POST') return refused(405);
    if (c.origin !== 'own') return refused(403);
    if (c.type !== 'application/json' && c.type !== 'application/json; charset=utf-8') return refused(415);
    if (route.kind === 'api-unknown') return refused(400);
    return { status: 200, handler: true, session: false };
  }
  if (c.method !== 'GET') return refused(405);
  if (route.kind === 'missing') return refused(404);
  return { status: 200, handler: false, session: false, body: route.kind === 'asset' ? APP_JS : INDEX_HTML };
}

const GOOD: Omit<Case, 'route' | 'method'> = { host: 'own', origin: 'own', site: 'same-origin', key: 'session cookie', type: 'application/json' };
const DIMENSIONS = {
  route: ROUTES.map((_, i) => i),
  host: HOSTS,
  origin: ORIGINS,
  site: SITES,
  key: KEYS,
  method: METHODS,
  type: TYPES,
} as const;
type Dimension = keyof typeof DIMENSIONS;

function naturalMethod(route: number): Case['method'] {
  return ROUTES[route]!.path.startsWith('/api/') ? 'POST' : 'GET';
}

/**
 * For every route, every request that differs from a good one in one or two other dimensions; then a seeded sample
 * of the whole product, each dimension good about a third of the time so that deeper rules are reached too.
 */
function generateCases(randomCount: number): Case[] {
  const cases = new Map<string, Case>();
  const add = (c: Case) => cases.set(JSON.stringify(c), c);
  const names = (Object.keys(DIMENSIONS) as Dimension[]).filter((name) => name !== 'route');
  for (const route of DIMENSIONS.route) {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const [a, b] = [names[i]!, names[j]!];
        for (const va of DIMENSIONS[a]) {
          for (const vb of DIMENSIONS[b]) {
            const partial = { ...GOOD, route, method: naturalMethod(route), [a]: va, [b]: vb } as Case;
            add(partial);
          }
        }
      }
    }
  }
  const random = seeded(13);
  const pick = <T>(values: readonly T[], good: T): T => (random() < 0.3 ? good : values[Math.floor(random() * values.length)]!);
  for (let n = 0; n < randomCount; n++) {
    const route = Math.floor(random() * ROUTES.length);
    add({
      route,
      host: pick(HOSTS, GOOD.host),
      origin: pick(ORIGINS, GOOD.origin),
      site: pick(SITES, GOOD.site),
      key: pick(KEYS, GOOD.key),
      method: pick(METHODS, naturalMethod(route)),
      type: pick(TYPES, GOOD.type),
    });
  }
  return [...cases.values()];
}

let tmp: string;
let web: WebHost;
let other: WebHost;
let now = 5_000_000;
const calls: string[] = [];
const keys = { session: '', foreign: '', stale: '', reused: '' };

/** The real handlers behind a recorder, so a test knows whether a request reached one. */
function recording(handlers: Handlers): Handlers {
  return new Proxy(handlers, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function handlersFor(home: string): Handlers {
  return createHandlers(
    { version: 'matrix', recent: RecentProjects.in(path.join(tmp, home)), pickFolder: null, renderPdf: chromiumPdf, userName: 'Matrix' },
    new Workspace(),
  );
}

const codeOf = (launchUrl: string) => new URL(launchUrl).searchParams.get('code') ?? '';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-web-matrix-'));
  const rendererDir = await writeRenderer(tmp);
  web = await startWebHost({ rendererDir, handlers: recording(handlersFor('home')), clock: () => now });
  other = await startWebHost({ rendererDir, handlers: handlersFor('home2') });
  const reused = web.url;
  keys.session = await openSession(reused);
  keys.reused = codeOf(reused);
  keys.foreign = await openSession(other.url);
  keys.stale = codeOf(web.newLaunchUrl());
  now += 61_000;
});

afterAll(async () => {
  await web?.close();
  await other?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

function requestFor(c: Case): Parameters<typeof rawRequest>[1] {
  const port = web.port;
  const own = new URL(web.origin).host;
  const host = { own, ip: `127.0.0.1:${port}`, localhost: `localhost:${port}`, evil: 'evil.example', rebound: `rebound.evil.example:${port}`, missing: null }[c.host];
  const headers: Record<string, string> = {};
  const origin = { own: web.origin, null: 'null', evil: 'http://evil.example', missing: undefined }[c.origin];
  if (origin) headers.origin = origin;
  if (c.site !== 'missing') headers['sec-fetch-site'] = c.site;
  if (c.type !== 'missing') headers['content-type'] = c.type;
  let query = '';
  if (c.key === 'session cookie') headers.cookie = `${COOKIE}=${keys.session}`;
  if (c.key === 'foreign cookie') headers.cookie = `${COOKIE}=${keys.foreign}`;
  if (c.key === 'query token') query = `?token=${keys.session}`;
  if (c.key === 'fresh code') query = `?code=${codeOf(web.newLaunchUrl())}`;
  if (c.key === 'stale code') query = `?code=${keys.stale}`;
  if (c.key === 'reused code') query = `?code=${keys.reused}`;
  const body = c.method === 'POST' || c.method === 'PUT' ? '{}' : undefined;
  return { method: c.method, path: ROUTES[c.route]!.path + query, host, headers, body };
}

describe('the web host request matrix', () => {
  it('lets through exactly what the rule table allows, with no CORS header and no redirect off the root', async () => {
    const cases = generateCases(1500);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const failures: string[] = [];
    const tally = new Map<string, number>();
    try {
      for (let start = 0; start < cases.length; start += 4) {
        // Four at a time, each checked alone: the handler log is read per batch only for the batch's own calls.
        const batch = cases.slice(start, start + 4);
        const before = calls.length;
        const results = await Promise.all(batch.map((c) => rawRequest(web.port, requestFor(c), agent)));
        const handled = calls.length - before;
        let handlersExpected = 0;
        batch.forEach((c, i) => {
          const res = results[i]!;
          const want = expected(c);
          handlersExpected += want.handler ? 1 : 0;
          const label = `${c.method} ${ROUTES[c.route]!.path} host=${c.host} origin=${c.origin} site=${c.site} key=${c.key} type=${c.type}`;
          tally.set(String(res.status), (tally.get(String(res.status)) ?? 0) + 1);
          const problems: string[] = [];
          if (res.status !== want.status) problems.push(`status ${res.status}, expected ${want.status}`);
          const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
          if (cors.length) problems.push(`CORS headers ${cors.join(', ')}`);
          if (res.headers.location !== undefined && res.headers.location !== '/') problems.push(`Location ${res.headers.location}`);
          if ((res.headers.location === '/') !== (want.status === 303)) problems.push('a redirect where none was due, or none where one was');
          const gotSession = (res.headers['set-cookie'] ?? []).some((line) => line.startsWith(`${COOKIE}=`));
          if (gotSession !== want.session) problems.push(gotSession ? 'a session was handed out' : 'no session was handed out');
          if (res.body.includes(SECRET)) problems.push('the secret file leaked');
          if (want.body !== undefined && res.body !== want.body) problems.push('the wrong body');
          if (want.body === undefined && (res.body.includes('Policywright test index') || res.body === APP_JS)) problems.push('the app was served');
          if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
        });
        if (handled !== handlersExpected) failures.push(`requests ${start}–${start + batch.length - 1}: ${handled} handler calls, expected ${handlersExpected}`);
      }
    } finally {
      agent.destroy();
    }
    const reached = calls.length;
    console.log(
      `web host matrix: ${cases.length} requests, ${reached} reached a handler; statuses ${[...tally].sort().map(([s, n]) => `${s}×${n}`).join(', ')}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    // The table lets some requests through: a matrix where nothing reaches a handler would prove nothing.
    expect(reached).toBeGreaterThan(0);
    expect(tally.get('303')).toBeGreaterThan(0);
  });
});
