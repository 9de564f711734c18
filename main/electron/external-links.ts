const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The URL to hand to the system's browser or mail client, or null to refuse it. shell.openExternal on anything else
 * (file:, javascript:, smb:, custom app schemes) can run code, so only these three pass, decided on the parsed URL.
 * The string returned is the parsed one: what was checked is exactly what gets opened.
 */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  // The URL parser silently drops tabs and newlines ("java\tscript:" becomes "javascript:"); a link that needs them
  // to look harmless is not one to open.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}
