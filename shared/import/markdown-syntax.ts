import type { Nodes, Root } from 'mdast';

/*
 * Which of GitHub's extensions to CommonMark a Markdown text can use. Each extension costs micromark time on every
 * character whether or not the text uses it (the bare-address one most: it doubles the parse of a policy), so the
 * reader turns on only those whose syntax appears. Each test below is a superset of what its extension recognises —
 * a text it says "no" to cannot hold that construct, so leaving the extension out changes nothing — and errs on the
 * side of "yes", which only costs the time saved.
 */

export interface GfmSyntax {
  /** Bare addresses (`www.…`, `https://…`, `name@host`) that become links by themselves. */
  readonly autolinkLiteral: boolean;
  readonly footnote: boolean;
  readonly strikethrough: boolean;
  readonly table: boolean;
  readonly taskListItem: boolean;
}

/**
 * Where a bare address can start: `www.`, `http://` or `https://`, or an `@` after a character of an address's local
 * part (an escaped `\@`, as the Markdown export writes one in text, is none).
 */
const BARE_ADDRESS = /www\.|https?:\/\/|[A-Za-z0-9+\-._]@/i;

/**
 * What cannot hold a bare address and fills the Markdown export's text: link destinations `](<…>)` / `](…)` and
 * `<…>` autolinks. Taking them out is only a first guess (a `](…)` that is not a link, in odd text, may be cut out
 * too): `mayHoldBareAddress` checks the parsed text before the guess is trusted.
 */
const NOT_TEXT = /\]\(<[^<>\n]*>|\]\([^()\s]*|<[^<>\s]*>/g;

/** A delimiter row of a table: dashes, colons, pipes and spaces, maybe after the marks of a list or a quote. */
const DELIMITER_ROW = /^[ \t>*+\-0-9.):|]*-[ \t>*+\-0-9.):|]*$/;

export function gfmSyntaxIn(markdown: string): GfmSyntax {
  return {
    autolinkLiteral: BARE_ADDRESS.test(markdown.replace(NOT_TEXT, ' ')),
    footnote: markdown.includes('[^'),
    strikethrough: markdown.includes('~'),
    table: mayHoldTable(markdown),
    taskListItem: /\[[\s xX]\]/.test(markdown),
  };
}

/**
 * A table needs a delimiter row under its header row, with a pipe or a colon in one of them (a row of dashes alone
 * under a line without a pipe is a heading's underline or a rule).
 */
function mayHoldTable(markdown: string): boolean {
  if (!markdown.includes('-')) return false;
  const lines = markdown.split(/\r\n|\r|\n/);
  return lines.some((line, i) => DELIMITER_ROW.test(line) && (/[|:]/.test(line) || (i > 0 && (lines[i - 1] ?? '').includes('|'))));
}

/**
 * Whether a tree parsed without the bare-address extension has text where the extension would have found an address:
 * the source of each text node and of each image (whose description is not kept as text nodes). Each source is read
 * from one character before the node, to be safe: an address's local part may begin with an `_` that the parse
 * without the extension took as emphasis.
 */
export function mayHoldBareAddress(tree: Root, markdown: string): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'text' || node.type === 'image' || node.type === 'imageReference') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      // A node without a position cannot be checked: assume the worst.
      if (start === undefined || end === undefined) return true;
      if (BARE_ADDRESS.test(markdown.slice(Math.max(0, start - 1), end))) return true;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}
