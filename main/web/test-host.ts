// Test helpers for the web host: a renderer folder with a page that calls the API, and raw HTTP requests whose
// Host, Origin and path go out exactly as written.
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';
import { SESSION_COOKIE } from './session';

export const INDEX_HTML = '<!doctype html><title>Policywright test index</title>\n<p id="out"></p><script src="/assets/app.js"></script>\n';
/** Asks the API for the start-up state as the real renderer does, and shows the version it gets. */
export const APP_JS = `fetch('/api/getStartup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  .then((r) => r.json())
  .then((reply) => { document.getElementById('out').textContent = reply.ok ? 'version ' + reply.value.version : 'refused'; })
  .catch(() => { document.getElementById('out').textContent = 'failed'; });
`;
export const SECRET = 'TOP-SECRET-CONTENTS-outside-the-renderer';

/** Writes `<tmp>/renderer` (index.html, assets/app.js) and, beside it, files no request may ever read. */
export async function writeRenderer(tmp: string): Promise<string> {
  const rendererDir = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), APP_JS);
  await fs.writeFile(path.join(tmp, 'secret.txt'), SECRET);
  await fs.mkdir(path.join(tmp, 'renderer-private'), { recursive: true });
  await fs.writeFile(path.join(tmp, 'renderer-private', 'secret.txt'), SECRET);
  return rendererDir;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  /** Host `null` sends no Host header at all. */
  host?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(port: number, options: RawRequest, agent: http.Agent | false = false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.host !== null && options.host !== undefined) headers.host = options.host;
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers, agent, setHost: options.host !== null },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The session secret a Set-Cookie header hands out, or undefined. */
export function sessionFrom(res: RawResponse): string | undefined {
  for (const line of res.headers['set-cookie'] ?? []) {
    const match = new RegExp(`^${SESSION_COOKIE.replace(/[-]/g, '\\-')}=([^;]*)`).exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Trades a launch address for the session it buys, as a browser would on opening it. */
export async function openSession(launchUrl: string): Promise<string> {
  const url = new URL(launchUrl);
  const res = await rawRequest(Number(url.port), { path: url.pathname + url.search, host: url.host, headers: { 'sec-fetch-site': 'none' } });
  const secret = sessionFrom(res);
  if (res.status !== 303 || !secret) throw new Error(`the launch address gave ${res.status} and no session`);
  return secret;
}
