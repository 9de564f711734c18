// Characters that start inline markup somewhere in GFM: emphasis, code, links, raw HTML, autolinks, tables,
// strikethrough, and ATX heading marks (escaped everywhere, so a heading's text can never close it early).
const INLINE_SPECIAL = /[\\`*_[\]<>|~#]/g;
// "&amp;" written as text must stay those five characters, not become "&".
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g;
// GFM links bare addresses by itself (https://…, www.…, name@host): an escape anywhere in them stops it, so an address
// the author typed as text stays text, as it does in the HTML export.
const BARE_ADDRESS = /([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)|\b(www)\.|@/gi;
// What turns a line into a list item, a setext underline or a thematic break when it starts the line.
const LINE_START_MARKER = /^([-+=])|^(\d{1,9})([.)])/;

/**
 * Escapes text so GFM reads it back as the same text and nothing else. `atLineStart` says whether the text begins a
 * line of the output, where "-", "+", "=" and "1." mean something: there they are escaped too. Leading spaces of a
 * line are dropped, as four of them would make a code block and HTML would collapse them anyway.
 */
export function escapeMarkdownText(text: string, atLineStart: boolean): string {
  let escaped = text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(ENTITY_LIKE, '\\&')
    .replace(BARE_ADDRESS, (_all, scheme?: string, www?: string) =>
      scheme !== undefined ? `${scheme}\\:` : www !== undefined ? `${www}\\.` : '\\@',
    );
  if (atLineStart) {
    escaped = escaped.replace(/^[ \t]+/, '').replace(LINE_START_MARKER, (_all, sign?: string, digits?: string, dot?: string) =>
      sign !== undefined ? `\\${sign}` : `${digits ?? ''}\\${dot ?? ''}`,
    );
  }
  return escaped;
}

/**
 * A link destination that cannot end the link early or be read as anything else: whitespace, brackets, quotes,
 * backslashes and pipes (which end a table cell before any link is read) are percent-encoded, which every URL reader
 * decodes back to the same address.
 */
export function escapeMarkdownUrl(href: string): string {
  return href.replace(/[\s()<>[\]\\`"|]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
  });
}

/** A YAML double-quoted scalar. JSON's escapes are YAML's; what YAML alone forbids raw is escaped on top of them. */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007F-\u009F\u2028\u2029\uFEFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
