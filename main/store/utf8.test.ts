import { describe, expect, it } from 'vitest';
import { NotUtf8Error, decodeUtf8, firstBadUtf8Byte } from './utf8';
import { seeded } from '../../shared/testing/seeded-random';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('strict UTF-8', () => {
  it.each([
    ['a Latin-1 é between ASCII', bytes(0x61, 0xe9, 0x62), 1],
    ['a lone continuation byte', bytes(0x41, 0x80), 1],
    ['an overlong slash', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0x41, 0x42, 0xed, 0xa0, 0x80), 2],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short by the end', bytes(0x41, 0xe2, 0x82), 1],
    ['a sequence cut short by ASCII', bytes(0xe2, 0x41, 0x41), 0],
    ['0xFF', bytes(0xff), 0],
  ])('finds %s at its first byte', (_name, input, offset) => {
    expect(firstBadUtf8Byte(input)).toBe(offset);
    const error = (() => {
      try {
        decodeUtf8(input);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(NotUtf8Error);
    expect((error as NotUtf8Error).offset).toBe(offset);
  });

  it('counts the line of the bad byte', () => {
    const input = Buffer.from('{\n  "title": "Caf\u00e9"\n}\n', 'latin1');
    expect(() => decodeUtf8(input)).toThrow(expect.objectContaining({ offset: input.indexOf(0xe9), line: 2 }) as Error);
  });

  it('decodes valid text of every length exactly, and drops a byte-order mark', () => {
    const text = 'a é € 𝄞 z';
    expect(firstBadUtf8Byte(Buffer.from(text))).toBeNull();
    expect(decodeUtf8(Buffer.from(text))).toBe(text);
    expect(decodeUtf8(Buffer.from(`\ufeff${text}`))).toBe(text);
  });

  it('agrees with the WHATWG decoder on 20,000 random byte strings, and the bytes before the offset decode', () => {
    // A fixed-seed generator: the same strings on every run.
    const random = seeded(0x9e3779b9);
    const next = () => Math.floor(random() * 256);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    let bad = 0;
    const disagreements: string[] = [];
    for (let run = 0; run < 20_000; run++) {
      // Mostly bytes that start or continue multi-byte sequences, where the edge cases are.
      const input = Uint8Array.from({ length: 1 + (next() % 12) }, () => (next() < 64 ? next() & 0x7f : 0x80 | next()));
      const offset = firstBadUtf8Byte(input);
      let valid = true;
      try {
        fatal.decode(input);
      } catch {
        valid = false;
      }
      if ((offset === null) !== valid) disagreements.push(Buffer.from(input).toString('hex'));
      if (offset !== null) {
        bad++;
        try {
          fatal.decode(input.subarray(0, offset));
        } catch {
          disagreements.push(`prefix of ${Buffer.from(input).toString('hex')}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(bad).toBeGreaterThan(1000);
  });
});
