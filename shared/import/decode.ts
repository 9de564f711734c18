import { ImportError } from './errors';

/** The largest text, Markdown or HTML file the importers read: a 100,000-word policy is well under 1 MB. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** TextDecoder is a global in Node and every browser (declared for shared/ in shared/platform.d.ts). */
function decoder(label: string, fatal: boolean) {
  return new TextDecoder(label, { fatal });
}

/**
 * Bytes to text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, and otherwise
 * Windows-1252, the usual encoding of text saved by older Windows programs. Binary content is refused.
 */
export function decodeText(bytes: Uint8Array, file: string, what = 'a text file'): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ImportError(file, 'too-large', `is ${megabytes(bytes.length)}, more than the ${megabytes(MAX_TEXT_BYTES)} that can be imported as ${what}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decoder('utf-16le', false).decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decoder('utf-16be', false).decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new ImportError(file, 'not-text', `does not contain text: it looks like a binary file, not ${what}`);
  try {
    return decoder('utf-8', true).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

// 0x80–0x9F in Windows-1252 (Node's TextDecoder reads that label as Latin-1, so the table is kept here).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    for (const b of bytes.subarray(start, start + 8192)) chunk += b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
    parts.push(chunk);
  }
  return parts.join('');
}

/** NUL bytes, or more than 2% control characters other than tab, line feed, form feed and carriage return. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

export function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Text from a string or from bytes. */
export function textOf(input: string | Uint8Array, file: string, what?: string): string {
  const text = typeof input === 'string' ? input : decodeText(input, file, what);
  if (typeof input === 'string' && input.length > MAX_TEXT_BYTES) {
    throw new ImportError(file, 'too-large', `is more than the ${megabytes(MAX_TEXT_BYTES)} that can be imported as ${what ?? 'a text file'}`);
  }
  if (text.trim() === '') throw new ImportError(file, 'empty', 'is empty');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
