import { NotMine } from './not-mine';

/*
 * A strict, minimal XML scanner for the parts of a .docx: start tags (with their attributes unparsed), end tags and
 * text, in order, with names checked to nest. No DOCTYPE reaches it (zip.ts refuses one), and it has no entities
 * beyond the five XML predefines and character references. Anything it does not expect — CDATA, a DOCTYPE, a tag it
 * cannot read, a stray "<" or "&", an end tag that does not match, nesting past MAX_DEPTH — is NotMine: mammoth's XML
 * reader then has the last word on the file, as it had before this reader existed.
 */

export const MAX_DEPTH = 400;

export interface XmlHandler {
  /** A start tag; `attributes` is the raw text between the name and ">" (or "/>"). */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between two tags, entities still encoded (decodeXml), only when the handler asks for text. */
  text(raw: string): void;
  /** Whether the text at this point is read at all (text elsewhere is only checked for stray markup). */
  wantsText(): boolean;
}

// A tag from "<": its name, its attributes (quoted values may hold ">"), and "/" if it closes itself.
const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

export function scanXml(xml: string, handler: XmlHandler): void {
  const names: string[] = [];
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  let rootSeen = false;
  const length = xml.length;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    const end = lt === -1 ? length : lt;
    if (end > pos) {
      if (names.length > 0 && handler.wantsText()) handler.text(xml.slice(pos, end));
      else if (names.length === 0 && xml.slice(pos, end).trim() !== '') throw new NotMine('text outside the root element');
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      // the end tag must name the open element: compared in place, without a pattern or a new string
      const name = names.pop();
      if (name === undefined) throw new NotMine('an end tag with nothing open');
      const after = lt + 2 + name.length;
      if (xml.startsWith(name, lt + 2) && xml.charCodeAt(after) === 0x3e /* > */) {
        pos = after + 1;
      } else {
        END_TAG.lastIndex = lt;
        const m = END_TAG.exec(xml);
        if (!m || m[1] !== name) throw new NotMine('an end tag that does not match');
        pos = END_TAG.lastIndex;
      }
      handler.close(name);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1 || names.length > 0) throw new NotMine('a processing instruction');
      pos = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) throw new NotMine('a DOCTYPE or CDATA section');
      const close = xml.indexOf('-->', lt + 4);
      if (close === -1) throw new NotMine('an unclosed comment');
      pos = close + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) throw new NotMine('a start tag it cannot read');
    const name = m[1] as string;
    const selfClosing = m[3] === '/';
    if (names.length === 0) {
      if (rootSeen) throw new NotMine('a second root element');
      rootSeen = true;
    }
    pos = TAG.lastIndex;
    if (selfClosing) {
      handler.open(name, m[2] as string, true);
      handler.close(name);
    } else {
      if (names.length >= MAX_DEPTH) throw new NotMine('nesting deeper than any Word document');
      names.push(name);
      handler.open(name, m[2] as string, false);
    }
  }
  if (names.length > 0 || !rootSeen) throw new NotMine('an element left open, or no root element');
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text or an attribute value with its entities decoded; a bare "&" or an unknown entity is NotMine. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] as string;
    if (hex === undefined && dec === undefined) throw new NotMine('a bare "&" or an unknown entity');
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new NotMine('a character reference to no character');
    return String.fromCodePoint(code);
  });
}

/** One attribute's value from a start tag's raw attributes, decoded; undefined when it is not there. */
export function attribute(attributes: string, name: string): string | undefined {
  if (attributes === '' || !attributes.includes(name)) return undefined;
  const re = ATTRIBUTE_CACHE.get(name) ?? cacheAttribute(name);
  const m = re.exec(attributes);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

const ATTRIBUTE_CACHE = new Map<string, RegExp>();

function cacheAttribute(name: string): RegExp {
  const re = new RegExp(`(?:^|\\s)${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  ATTRIBUTE_CACHE.set(name, re);
  return re;
}

/** All attributes of a start tag, for the few elements whose every attribute matters (the root's namespaces). */
export function attributes(raw: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of raw.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (map.has(m[1] as string)) throw new NotMine('an attribute given twice');
    map.set(m[1] as string, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return map;
}
