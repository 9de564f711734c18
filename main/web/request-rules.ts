import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The rules every request to the web host must pass, each a plain function of the request so it reads as the rule
 * it is. Any web page the person visits can send requests to 127.0.0.1, and DNS rebinding can give them any host
 * name: an exact Host defeats rebinding, an exact Origin and Sec-Fetch-Site defeat cross-site writes.
 */

/**
 * A name under `.localhost` that no other server is ever visited under, so the session cookie (which, like every
 * cookie, ignores ports) goes to this host alone. Browsers resolve `*.localhost` to the loopback address themselves.
 */
export function randomHostName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const label = [...randomBytes(16)].map((byte) => alphabet[byte % 32]).join('');
  return `policywright-${label}.localhost`;
}

/** Only the host's own name with its port: not 127.0.0.1, not localhost, not a rebound name. */
export function isOwnHost(headers: IncomingHttpHeaders, ownHost: string): boolean {
  return headers.host?.toLowerCase() === ownHost;
}

/**
 * A browser says where a request comes from. Same-site is refused too: every `*.localhost` name is one site to some
 * browsers, and no page of this host is ever framed or linked from another.
 */
export function isFromThisSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function isOwnOrigin(headers: IncomingHttpHeaders, ownOrigin: string): boolean {
  return headers.origin === ownOrigin;
}

/** `application/json`, optionally with `charset=utf-8`, and nothing else: a form or a text/plain body is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.length === 0 || (parameters.length === 1 && /^charset=("?)utf-8\1$/.test(parameters[0] ?? ''));
}

/**
 * The path and query of a request. Built by appending the raw target to a fixed origin, so `//a//evil.example/x`
 * stays a path here; URL's own base resolution would read it as a host.
 */
export function requestTarget(raw: string | undefined): URL | null {
  if (!raw?.startsWith('/')) return null;
  try {
    return new URL(`http://target${raw}`);
  } catch {
    return null;
  }
}

export function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
