import * as fs from 'node:fs/promises';
import * as path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A built renderer file for a URL path, or index.html for app routes; never anything outside `root`. */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  const file = await fileOrIndex(root, resolved);
  if (!file) return null;
  return { body: await fs.readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

async function fileOrIndex(root: string, resolved: string): Promise<string | null> {
  const stat = await fs.stat(resolved).catch(() => null);
  if (stat?.isFile()) return resolved;
  // Unknown paths without an extension are app routes; a missing asset is a real 404.
  if (path.extname(resolved) === '' || stat?.isDirectory()) return path.join(root, 'index.html');
  return null;
}
