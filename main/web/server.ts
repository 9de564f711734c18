import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { CONTENT_SECURITY_POLICY, TOKEN_COOKIE, allowedHosts, cookieToken, newToken, originOfHost, sameToken } from './security';
import { readStatic } from './static';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface WebHostOptions {
  rendererDir: string;
  handlers: Handlers;
  port?: number;
  token?: string;
}

export interface WebHost {
  /** The address to open, with the launch token; the page trades it for a cookie at once. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the API (POST /api/<method>, JSON in and out) on 127.0.0.1 only, to whoever holds
 * this launch's token, for machines where Electron's runtime is missing.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const root = path.resolve(options.rendererDir);
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[policywright] web host error:', error);
      if (!headersSent(res)) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unknown Host.');
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: cross-site request.');
    const url = new URL(req.url ?? '/', originOfHost(host));

    if (req.method === 'GET' && sameToken(token, url.searchParams.get('token'))) {
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', url.pathname + url.search);
      return send(res, 303, 'text/plain; charset=utf-8', '');
    }
    if (!sameToken(token, cookieToken(req))) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Open the address Policywright printed when it started: it carries this launch\'s key.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'API calls are POST.');
      if (req.headers.origin !== originOfHost(host)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: foreign Origin.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'API calls take JSON.');
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { message: 'The request is too large.' } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { message: 'The request body is not valid JSON.' } });
      }
      const reply = await dispatch(options.handlers, url.pathname.slice('/api/'.length), input);
      return sendJson(res, reply.ok ? 200 : 400, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const file = await readStatic(root, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    return send(res, 200, file.type, file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headersSent(res: http.ServerResponse): boolean {
  return res.headersSent;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
