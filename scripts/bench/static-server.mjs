// A tiny static server for the benchmark's peer page: one folder, plus named extra files, on 127.0.0.1 only.
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** Serves `root` and `extra` ({ '/url-path': '/file/on/disk' }); resolves to { url, close() }. */
export async function startStaticServer(root, extra = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      let file = extra[pathname];
      if (!file) {
        file = path.resolve(base, `.${path.posix.normalize(pathname === '/' ? '/plain.html' : pathname)}`);
        if (file !== base && !file.startsWith(base + path.sep)) file = null;
      }
      const body = file ? await fs.readFile(file).catch(() => null) : null;
      if (!body || req.method !== 'GET') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
