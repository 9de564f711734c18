import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** Whether git's smart-HTTP program is installed: the tests that need a server skip, saying so, where it is not. */
export const HAS_HTTP_BACKEND = spawnSync('git', ['http-backend'], { env: { ...process.env, REQUEST_METHOD: 'GET' } }).error === undefined;

/**
 * A real git server for tests, on 127.0.0.1: git's own smart-HTTP CGI (`git http-backend`, as Gitea, GitLab and
 * cgit run it) behind a small Node server with Basic authentication, serving the bare repositories in `root`. It
 * can be taken down and brought back on the same port, to test a sync while the server is away.
 */
export interface TestGitServer {
  readonly url: string;
  /** Makes an empty bare repository `name` (with .git) and returns its URL. */
  createRepo(name: string): Promise<string>;
  /** Stops answering (connections are refused) until `start` again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  /** How many requests came, and how many were refused for their credentials. */
  readonly stats: { requests: number; unauthorized: number };
}

export async function startTestGitServer(root: string, users: Readonly<Record<string, string>>): Promise<TestGitServer> {
  const stats = { requests: 0, unauthorized: 0 };
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    stats.requests++;
    const user = authorized(request.headers.authorization, users);
    if (!user) {
      stats.unauthorized++;
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="policywright test"', 'Content-Type': 'text/plain' });
      response.end('Authentication required\n');
      return;
    }
    void backend(root, user, request, response);
  };
  let server = http.createServer(handler);
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stats,
    async createRepo(name) {
      const dir = path.join(root, name);
      await fs.mkdir(dir, { recursive: true });
      await run('git', ['init', '--bare', '--initial-branch=main', dir]);
      return `${url}/${name}`;
    },
    async stop() {
      await closeServer(server);
    },
    async start() {
      server = http.createServer(handler);
      await listen(server, port);
    },
    async close() {
      if (server.listening) await closeServer(server);
    },
  };
}

function authorized(header: string | undefined, users: Readonly<Record<string, string>>): string | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const [user, ...rest] = Buffer.from(match[1] as string, 'base64').toString('utf8').split(':');
  return user !== undefined && Object.hasOwn(users, user) && users[user] === rest.join(':') ? user : null;
}

/** Runs `git http-backend` for one request, as a web server runs a CGI program. */
async function backend(root: string, user: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body: Buffer[] = [];
  for await (const chunk of request) body.push(chunk as Buffer);
  const input = Buffer.concat(body);
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(input.length),
      HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
    },
  });
  // git may answer (and exit) before it has read the whole request; what it did not read no longer matters.
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  const out: Buffer[] = [];
  for await (const chunk of child.stdout) out.push(chunk as Buffer);
  const raw = Buffer.concat(out);
  const split = raw.indexOf('\r\n\r\n') !== -1 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const separator = raw.indexOf('\r\n\r\n') !== -1 ? 4 : 2;
  const head = raw.subarray(0, split).toString('latin1');
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  response.writeHead(status, headers);
  response.end(raw.subarray(split + separator));
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}
