// Makes a bundle ASCII-only, its source map following. esbuild escapes non-ASCII characters in strings and templates
// but leaves them in regular expression literals (ours hold typographic quotes, dashes and §; isomorphic-git's holds
// U+FFFF). One such character makes V8 hold the whole 2.7 MB source in two bytes a character, and makes Node decode it
// as UTF-8 on every start of the CLI; ASCII is read as Latin-1, a copy (main/cli/launch.ts).
//
// In a regular expression, an escape \uXXXX matches what the character itself matched, with or without the u or v
// flag (under them a pair of surrogate escapes is one code point, as the pair of characters was). A raw template
// (String.raw) cannot be escaped without changing its value: the build fails on one, naming it.
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenizer } from 'acorn';
import MagicString from 'magic-string';
import remapping from '@jridgewell/remapping';

const NON_ASCII = /[\u0080-\uffff]/;

/** A regular expression literal (`/body/flags`) with each non-ASCII UTF-16 unit written as \uXXXX. */
export function escapeRegexLiteral(literal) {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const unit = literal.charCodeAt(i);
    if (literal[i] === '\\' && i + 1 < literal.length) {
      // An escape: kept as it is, unless it escapes a non-ASCII character (an identity escape), which becomes \uXXXX.
      const next = literal.charCodeAt(i + 1);
      out += next > 0x7f ? unitEscape(next) : literal.slice(i, i + 2);
      i++;
    } else out += unit > 0x7f ? unitEscape(unit) : literal[i];
  }
  return out;
}

function unitEscape(unit) {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/** Rewrites `file` (and `file.map`) ASCII-only; throws, naming them, on non-ASCII characters it cannot escape. */
export function asciiBundle(file) {
  const code = readFileSync(file, 'utf8');
  if (!NON_ASCII.test(code)) return { escaped: 0 };
  const edited = new MagicString(code);
  const comments = [];
  const stuck = [];
  let escaped = 0;
  const tokens = tokenizer(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, _text, start, end) => comments.push([start, end]),
  });
  for (const token of tokens) {
    const text = code.slice(token.start, token.end);
    if (!NON_ASCII.test(text)) continue;
    if (token.type.label === 'regexp') {
      edited.overwrite(token.start, token.end, escapeRegexLiteral(text));
      escaped++;
    } else stuck.push(`${token.type.label} at ${token.start}: ${text.slice(0, 80)}`);
  }
  // A comment's text means nothing to the program: its non-ASCII characters are written as escapes too.
  for (const [start, end] of comments) {
    const text = code.slice(start, end);
    if (NON_ASCII.test(text)) edited.overwrite(start, end, text.replace(/[\u0080-\uffff]/g, (c) => unitEscape(c.charCodeAt(0))));
  }
  if (stuck.length > 0) throw new Error(`${file} has non-ASCII characters outside regular expressions, which cannot be escaped without changing them: ${stuck.join('; ')}`);
  const output = edited.toString();
  if (NON_ASCII.test(output)) throw new Error(`${file} is still not ASCII after escaping`);
  writeFileSync(file, output);
  const mapFile = `${file}.map`;
  const edits = edited.generateMap({ hires: true, source: file, includeContent: false });
  const original = JSON.parse(readFileSync(mapFile, 'utf8'));
  writeFileSync(mapFile, remapping([edits.toString(), original], () => null).toString());
  return { escaped };
}
