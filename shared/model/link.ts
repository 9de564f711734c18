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
  const url = parsed(text);
  if (url === null) return null;
  let href: string | null;
  if (url.protocol === 'http:' || url.protocol === 'https:') href = webLink(text, url);
  else if (url.protocol === 'mailto:') href = mailLink(url);
  else href = null;
  if (href === null || href.length > MAX_LINK_LENGTH) return null;
  // The written form must read back as itself, or an export would carry something other than what was checked.
  return parsed(href)?.href === href ? href : null;
}

/**
 * The parsed URL, or null. Not URL.canParse: in Node 20, once optimized, it answers false for some valid addresses
 * that hold non-ASCII characters ("http://½.a/" after a few thousand calls), which made this check change its mind.
 */
function parsed(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function webLink(text: string, url: URL): string | null {
  const authority = rawAuthority(text);
  // "http://@example.com" parses with an empty user name; any "@" before the host is a credentials trick.
  if (authority === null || authority.includes('@') || url.username !== '' || url.password !== '') return null;
  if (!PLAIN_HOST.test(url.hostname) && !IPV6_HOST.test(url.hostname)) return null;
  if (!followsBidiRule(url.hostname)) return null;
  // Node leaves "^" and "|" in a path as they are; Chromium encodes them. Written encoded, both read it alike.
  const path = url.pathname.replace(/\^/g, '%5E').replace(/\|/g, '%7C');
  return `${url.protocol}//${url.host}${path}${url.search}${url.hash}`;
}

/** The host and port as typed: after the scheme and its slashes, up to the path, query or fragment. */
function rawAuthority(text: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:[/\\]*([^/\\?#]*)/i.exec(text);
  return match?.[1] ?? null;
}

/**
 * Chromium holds a host with right-to-left characters to the IDNA bidi rule (RFC 5893) in every label; Node's parser
 * lets some of those through ("١.com", "1.ا", "1.xn--mgb"). Checked on the parsed host with its punycode labels
 * decoded, as Chromium checks it. A little stricter than the rule, never looser: in such a host every label starts
 * with a letter (a right-to-left one where the label holds any right-to-left character) and ends with a letter or a
 * digit, combining marks aside; a label that cannot be decoded is refused.
 */
function followsBidiRule(hostname: string): boolean {
  const labels: string[] = [];
  for (const label of hostname.split('.')) {
    const decoded = /^xn--/i.test(label) ? punycodeDecode(label.slice(4)) : label;
    if (decoded === null) return false;
    labels.push(decoded);
  }
  if (!labels.some((label) => RIGHT_TO_LEFT.test(label))) return true;
  return labels
    .filter((label) => label !== '')
    .every((label) => {
      const end = label.replace(/\p{M}+$/u, '');
      const rtl = RIGHT_TO_LEFT.test(label);
      const starts = rtl ? RIGHT_TO_LEFT_LETTER.test(label) : /^\p{L}/u.test(label);
      const ends = rtl ? /[\p{L}\p{Nd}]$/u.test(end) && !/[A-Za-z]$/.test(end) : /[\p{L}0-9]$/u.test(end);
      return starts && ends;
    });
}

/** RFC 3492's decoder, for a label's part after "xn--"; null where it is no valid punycode. */
function punycodeDecode(input: string): string | null {
  const base = 36;
  const basic = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(basic, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return null;
      const c = input.charCodeAt(index++);
      const digit = c >= 48 && c < 58 ? c - 22 : c >= 65 && c < 91 ? c - 65 : c >= 97 && c < 123 ? c - 97 : base;
      if (digit >= base) return null;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (i > 0x10ffff * 64 || w > 0x10ffff * 64) return null;
    }
    const length = output.length + 1;
    let delta = oldi === 0 ? Math.floor((i - oldi) / 700) : (i - oldi) >> 1;
    delta += Math.floor(delta / length);
    let k = 0;
    for (; delta > 455; k += base) delta = Math.floor(delta / 35);
    bias = Math.floor(k + (36 * delta) / (delta + 38));
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
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
