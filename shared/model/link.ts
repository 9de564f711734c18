/**
 * The one check every link passes, wherever it comes from (the Link prompt, paste, import, a project file) and wherever
 * it goes (the model, every export, the desktop shell's "open in browser"). Only http, https and mailto survive, and
 * only in a form that the browser's own URL parser reads the same way: the address returned is the parsed one, so what
 * was checked is exactly what gets written or opened.
 */

/** Longer addresses are refused rather than cut: a link that needs more than this is not a policy's link. */
export const MAX_LINK_LENGTH = 2048;

/** The only mailto parameters a mail client gets: others (attach, attachment, file …) can make it attach local files. */
const MAILTO_PARAMETERS = new Set(['subject', 'body', 'cc', 'bcc']);

// C0 and C1 controls and DEL: the URL parser silently drops tabs and newlines ("java\tscript:" becomes "javascript:"),
// so a link that needs them to look harmless is refused. Invisible format characters (bidi overrides, zero widths, the
// BOM) only ever serve to make an address read differently from what it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/u;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const DECODED_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- a body may hold line breaks and tabs, nothing else of the controls
const DECODED_BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A host the browser's parser reads as Node's does: ASCII letters, digits, hyphens and underscores in dot-separated
 * labels (IDNs arrive here already as punycode), or an IPv6 literal. Anything else that Node accepts ("*", "(1)") is
 * written differently or refused by Chromium.
 */
const PLAIN_HOST = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?$/;
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;

/**
 * Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko …) and the Arabic-Indic digits, except
 * the extended Arabic-Indic digits, which the IDNA bidi rule counts as European numbers.
 */
const RIGHT_TO_LEFT = /[\u0590-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const RIGHT_TO_LEFT_LETTER = /^(?=[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}])\p{L}/u;

/**
 * The normalized address (as the WHATWG URL parser writes it) when `raw` is a safe http, https or mailto link, or null.
 * Refused: other schemes, control and invisible characters anywhere, credentials (`user:pass@`), hosts the browser
 * would read differently, mailto parameters other than subject, body, cc and bcc (each at most once, spelled plainly),
 * and anything the parser cannot read. Spaces at either end are dropped, as a browser drops them from an href.
 */
export function safeLink(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/^ +| +$/g, '');
  if (text === '' || text.length > MAX_LINK_LENGTH || HIDDEN_CHARACTERS.test(text)) return null;
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  let href: string | null;
  if (url.protocol === 'http:' || url.protocol === 'https:') href = webLink(text, url);
  else if (url.protocol === 'mailto:') href = mailLink(url);
  else href = null;
  if (href === null || href.length > MAX_LINK_LENGTH) return null;
  // The written form must read back as itself, or an export would carry something other than what was checked.
  return URL.canParse(href) && new URL(href).href === href ? href : null;
}

function webLink(text: string, url: URL): string | null {
  const authority = rawAuthority(text);
  // "http://@example.com" parses with an empty user name; any "@" before the host is a credentials trick.
  if (authority === null || authority.includes('@') || url.username !== '' || url.password !== '') return null;
  if (!PLAIN_HOST.test(url.hostname) && !IPV6_HOST.test(url.hostname)) return null;
  if (!followsBidiRule(authority)) return null;
  return url.href;
}

/** The host and port as typed: after the scheme and its slashes, up to the path, query or fragment. */
function rawAuthority(text: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:[/\\]*([^/\\?#]*)/i.exec(text);
  return match?.[1] ?? null;
}

/**
 * Chromium refuses a host label holding right-to-left characters or Arabic-Indic digits unless it starts with a
 * right-to-left letter (the IDNA bidi rule, RFC 5893); Node's parser lets some of those through ("١.com"). Checked on
 * the host as typed, percent-decoded as the parser decodes it, since the parsed host is already punycode.
 */
function followsBidiRule(authority: string): boolean {
  let host: string;
  try {
    host = decodeURIComponent(authority.replace(/:[0-9]*$/, ''));
  } catch {
    return false;
  }
  if (!RIGHT_TO_LEFT.test(host)) return true;
  return host.split(/[.\u3002\uFF0E\uFF61]/).every((label) => !RIGHT_TO_LEFT.test(label) || RIGHT_TO_LEFT_LETTER.test(label));
}

/**
 * A mailto link rebuilt from its checked parts: the address as the parser wrote it, then subject, body, cc and bcc,
 * each value decoded and encoded again, so no mail client can read a parameter into it that was not checked here.
 */
function mailLink(url: URL): string | null {
  // Spaces stay as they are in an opaque path; encoded, no mail client can split the address at them.
  const address = url.pathname.replace(/ /g, '%20');
  const decodedAddress = decoded(address);
  if (address === '' || decodedAddress === null || DECODED_CONTROL.test(decodedAddress) || /[?&]/.test(decodedAddress)) return null;
  const query = url.search.replace(/^\?/, '');
  if (query === '') return `mailto:${address}`;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return null;
    const name = pair.slice(0, equals).toLowerCase();
    const value = decoded(pair.slice(equals + 1));
    if (!MAILTO_PARAMETERS.has(name) || seen.has(name) || value === null) return null;
    seen.add(name);
    if ((name === 'body' ? DECODED_BODY_CONTROL : DECODED_CONTROL).test(value)) return null;
    // A client that decodes before it splits would read "x&attach=/etc/passwd" inside a value as a parameter.
    if (/[&;?]\s*[a-z][a-z0-9_-]*\s*=/i.test(value)) return null;
    parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  return `mailto:${address}?${parts.join('&')}`;
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
