/*
 * Front matter as the Markdown export writes it: one `key: "text"` per line, each value in double quotes with no
 * escapes. Read here without the YAML library (as much code as the Markdown parser, for a `diff` of two files);
 * anything else (YAML's other forms, escapes, comments, lists) is the YAML library's to read.
 */

// Control characters are not allowed unescaped in a YAML double-quoted scalar: such a value is YAML's to refuse.
// eslint-disable-next-line no-control-regex
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*): +"([^"\\\u0000-\u001f\u007f]*)" *$/;

/** The keys and values of front matter of that simple form, or null where it takes a YAML parser. */
export function simpleFrontMatter(source: string): Record<string, string> | null {
  const data: Record<string, string> = {};
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) return null;
    // As YAML reads a key given twice here (uniqueKeys off): the last one stands.
    data[match[1] as string] = match[2] as string;
  }
  return data;
}
