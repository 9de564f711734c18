import * as path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { readStatic } from '../web/static';
import { APP_HOST } from './origin';

/**
 * Answers an app://policywright/ request from the built renderer. readStatic keeps every path inside rendererDir;
 * the CSP is the web host's, so both hosts give the page the same limits.
 */
export async function serveApp(rendererDir: string, request: { readonly url: string; readonly method: string }): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  const file = await readStatic(path.resolve(rendererDir), url.pathname);
  if (!file) return notFound();
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
