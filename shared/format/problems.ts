import type { z } from 'zod';

/** A file that could not be read as what it claims to be. The message names the file and the place in it. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where ? `${where} ` : ''}${problem}`);
  }
}

/** "blocks[12].runs[0].text", the way a person finds the spot in the file. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function describeIssue(issue: z.core.$ZodIssue): { where: string; problem: string } {
  const where = formatPath(issue.path);
  // An unknown key is named only when it looks like a field's name: it is the place, but any longer text is content.
  if (issue.code === 'unrecognized_keys' && !issue.keys.every((key) => FIELD_NAME.test(key))) {
    return { where, problem: 'has a field that Policywright does not know' };
  }
  const problem = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return { where, problem };
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * JSON.parse says "at position 1234"; a person wants a line and a column. The problem is said in our own words, never
 * V8's: it quotes the file ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"), and a project file can be a link
 * to any file of the user's. The message names the file and the place only.
 */
export function jsonSyntaxProblem(text: string, error: unknown): { where: string; problem: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  // Some of V8's messages ("Unexpected token '}', ... is not valid JSON", "Unexpected end of JSON input") carry no
  // position at all: find the spot by reading the text the way JSON.parse does.
  const offset = position?.[1] ? Number(position[1]) : jsonErrorOffset(text);
  const detail = syntaxDetail(message);
  const problem = detail === null ? 'is not valid JSON' : `is not valid JSON (${detail})`;
  if (offset === null) return { where: '', problem };
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { where: `line ${line}, column ${column}:`, problem };
}

/** What V8 found wrong, in words that carry nothing of the file; null when its message is not one of these. */
const SYNTAX_DETAILS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unexpected token\b/, 'a character that cannot stand there'],
  [/^Unexpected end of JSON input/, 'the file ends too soon'],
  [/^Unexpected non-whitespace character after JSON/, 'text after the end of the JSON'],
  [/^Expected property name or '}'/, "expected a property name or '}'"],
  [/^Expected double-quoted property name/, 'expected a property name in double quotes'],
  [/^Expected ',' or '}' after property value/, "expected ',' or '}' after a property value"],
  [/^Expected ',' or ']' after array element/, "expected ',' or ']' after an array element"],
  [/^Expected ':' after property name/, "expected ':' after a property name"],
  [/^Bad control character in string literal/, 'a control character inside a string'],
  [/^Bad escaped character/, 'a bad escape inside a string'],
  [/^Unterminated string/, 'a string that is never closed'],
  [/^No number after minus sign/, 'no number after a minus sign'],
  [/^Exponent part is missing a number/, 'an exponent without a number'],
  [/^Unterminated fractional number/, 'a decimal point without digits'],
];

function syntaxDetail(message: string): string | null {
  for (const [pattern, words] of SYNTAX_DETAILS) if (pattern.test(message)) return words;
  return null;
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that makes `text` not JSON (its length when the text ends too soon), or null. */
function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(Math.min(i, text.length));
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (ch: string) => {
    if (text.charAt(i) !== ch) fail();
    i++;
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    if (i === start) fail();
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        const esc = text.charAt(i);
        if ('"\\/bfnrt'.includes(esc) && esc !== '') i++;
        else if (esc === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text.charAt(i))) fail();
            i++;
          }
        } else fail();
      } else if (ch < ' ') fail();
      else i++;
    }
  };
  const value = (): void => {
    space();
    const ch = text.charAt(i);
    if (ch === '{') {
      i++;
      space();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else return expect('}');
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else return expect(']');
      }
    }
    if (ch === '"') return string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      if (ch === '-') i++;
      if (text.charAt(i) === '0') i++;
      else digits();
      if (text.charAt(i) === '.') {
        i++;
        digits();
      }
      if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
        i++;
        if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (ch === word.charAt(0)) {
        for (const letter of word) expect(letter);
        return;
      }
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (stop) {
    // A RangeError from very deep nesting leaves the spot unknown: the message then names the file alone.
    return stop instanceof JsonStop ? stop.offset : null;
  }
}
