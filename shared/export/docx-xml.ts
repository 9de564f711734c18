/**
 * Text and attribute values as WordprocessingML may hold them. The five XML specials are escaped, quotes too, so one
 * function serves text and attributes alike, and the C0 control characters XML 1.0 forbids are left out (exportableText
 * has already removed them from a policy's text; names, dates and addresses pass through here as well). The same
 * escaping the `docx` library applies, so our parts and its parts agree.
 */
// eslint-disable-next-line no-control-regex -- the forbidden control characters are what it finds
const SPECIAL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// A test without a match is much cheaper than a replace: almost every run of a policy has nothing to escape.
// eslint-disable-next-line no-control-regex -- as above
const HAS_SPECIAL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export function escapeXml(value: string): string {
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (char) => ENTITIES[char] ?? '') : value;
}
