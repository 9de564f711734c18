import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { cookieValue, isFromThisSite, isJsonContentType, isOwnHost, isOwnOrigin, randomHostName, requestTarget } from './request-rules';
import { CONTENT_SECURITY_POLICY } from './security';
import { SESSION_COOKIE, Sessions, sessionCookie, type Clock } from './session';
import { readStatic } from './static';
import { replyJson } from './reply-json';

const MiB = 1024 * 1024;
/**
 * The largest call the page makes: a file to import (at most MAX_IMPORT_BYTES, sent as base64, a third larger) or a
 * document saved whole (its file may be 64 MiB), with room for JSON's escapes. A body over it is not read on.
 */
export const MAX_BODY_BYTES = 160 * MiB;
const TOO_LARGE = `The request is over the ${MAX_BODY_BYTES / MiB} MB Policywright takes in one call; a file to import may be at most ${MAX_IMPORT_BYTES / MiB} MB.`;
const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export const NO_SESSION_MESSAGE = 'Open the address Policywright printed in its terminal: this page needs the one-time code it carries.';
export const SPENT_CODE_MESSAGE =
  'This launch address was used already or is over a minute old: press Enter in the terminal where Policywright runs for a new one, or start it again.';

export interface WebHostOptions {
  rendererDir: string;
  handlers: Handlers;
  port?: number;
  /** The `*.localhost` name to answer under; a fresh random one when not given. */
  hostName?: string;
  /** For tests that age launch codes. */
  clock?: Clock;
}

export interface WebHost {
  /** The launch address: the host's own root with a one-time code, traded for a session cookie on first use. */
  readonly url: string;
  /** `http://<random>.localhost:<port>`, the only origin the host answers. */
  readonly origin: string;
  readonly port: number;
  readonly hostName: string;
  /** Another launch address with a fresh code, for a second browser or after the first code expired. */
  newLaunchUrl(): string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the API (POST /api/<method>, JSON in and out) on 127.0.0.1 only, under a random
 * `*.localhost` name, to whoever traded this launch's one-time code for a session, for machines where Electron's
 * runtime is missing.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = path.resolve(options.rendererDir);
  const sessions = new Sessions(options.clock);
  const hostName = options.hostName ?? randomHostName();
  let ownHost = '';
  let ownOrigin = '';

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[policywright] web host error:', error);
      if (!res.headersSent) send(res, 500, TEXT, 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isOwnHost(req.headers, ownHost)) return send(res, 403, TEXT, 'Forbidden: unknown Host.');
    if (!isFromThisSite(req.headers)) return send(res, 403, TEXT, 'Forbidden: request from another site.');
    const target = requestTarget(req.url);
    if (!target) return send(res, 400, TEXT, 'Bad request target.');
    const hasSession = sessions.isSession(cookieValue(req.headers, SESSION_COOKIE));

    const code = target.searchParams.get('code');
    if (req.method === 'GET' && target.pathname === '/' && code !== null) {
      const secret = sessions.redeem(code);
      if (secret) res.setHeader('Set-Cookie', sessionCookie(secret));
      // A spent code opens nothing, but a browser that already holds a session just goes on to the app.
      else if (!hasSession) return send(res, 401, TEXT, SPENT_CODE_MESSAGE);
      // Always the root: never a path or query taken from the request, so the redirect cannot leave the host.
      res.setHeader('Location', '/');
      return send(res, 303, TEXT, '');
    }
    if (!hasSession) return send(res, 401, TEXT, NO_SESSION_MESSAGE);

    if (target.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, TEXT, 'API calls are POST.');
      if (!isOwnOrigin(req.headers, ownOrigin)) return send(res, 403, TEXT, 'Forbidden: foreign Origin.');
      if (!isJsonContentType(req.headers['content-type'])) return send(res, 415, TEXT, 'API calls take JSON.');
      return answerApi(req, res, target.pathname.slice('/api/'.length));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Method not allowed.');
    const file = await readStatic(root, target.pathname);
    if (!file) return send(res, 404, TEXT, 'Not found.');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return send(res, 200, file.type, file.body);
  }

  async function answerApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { ok: false, error: { message: TOO_LARGE } });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { message: 'The request body is not valid JSON.' } });
    }
    const reply = await dispatch(options.handlers, method, input);
    return send(res, reply.ok ? 200 : 400, JSON_TYPE, replyJson(method, reply));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ownHost = `${hostName}:${port}`;
  ownOrigin = `http://${ownHost}`;
  const newLaunchUrl = () => `${ownOrigin}/?code=${sessions.newLaunchCode()}`;
  return {
    url: newLaunchUrl(),
    origin: ownOrigin,
    port,
    hostName,
    newLaunchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Neither the launch exchange nor a page may come back from a cache once the session is gone.
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON_TYPE, JSON.stringify(value));
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
