/** Strict UTF-8: a file is read as exactly the text it holds, or refused with the place of its first bad byte. */

const strict = new TextDecoder('utf-8', { fatal: true });

export class NotUtf8Error extends Error {
  constructor(
    /** Counted from the start of the file, from 0. */
    readonly offset: number,
    /** From 1, counting line feeds before the bad byte. */
    readonly line: number,
  ) {
    super(`the byte at offset ${offset} (line ${line}) is not UTF-8`);
  }
}

/**
 * The text of UTF-8 bytes, a leading byte-order mark dropped; throws NotUtf8Error rather than replace a bad byte. The
 * decoder does not say where it stopped, so the bytes are searched again only when it fails.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstBadUtf8Byte(bytes) ?? 0;
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    throw new NotUtf8Error(offset, line);
  }
}

/**
 * Where the first sequence that is not well-formed UTF-8 starts (Unicode's table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or null when all of it is.
 */
export function firstBadUtf8Byte(bytes: Uint8Array): number | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return null;
}
