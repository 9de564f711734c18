import { strFromU8, strToU8, unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded-random';
import { zipArchive } from './zip-writer';

/** Bytes that deflate poorly and well, from a seeded generator: what a package holds, and what it does not. */
function sampleFiles(): Record<string, Uint8Array> {
  const random = seeded(7);
  const noise = new Uint8Array(70_000).map(() => Math.floor(random() * 256));
  const words = Array.from({ length: 20_000 }, (_, i) => `clause ${i % 97} “quoted” §${i}`).join(' ');
  return {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(words),
    'word/media/noise.bin': noise,
    'word/empty.xml': new Uint8Array(0),
    'docProps/ünïcode name.xml': strToU8('é'),
  };
}

/** Where two byte arrays first differ (-1 where they are the same): a deep equality over 70,000 bytes is slow. */
function firstDifference(a: Uint8Array | undefined, b: Uint8Array): number {
  if (!a) return 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('zipArchive', () => {
  it('writes entries that fflate reads back byte for byte, in the order given', async () => {
    const files = sampleFiles();
    const read = unzipSync(await zipArchive(files));
    expect(Object.keys(read)).toEqual(Object.keys(files));
    for (const [name, bytes] of Object.entries(files)) expect(firstDifference(read[name], bytes), name).toBe(-1);
  });

  it('gives every entry its CRC-32, which JSZip checks', async () => {
    const files = sampleFiles();
    const zip = await JSZip.loadAsync(await zipArchive(files), { checkCRC32: true });
    expect(await zip.file('word/document.xml')?.async('string')).toBe(strFromU8(files['word/document.xml'] as Uint8Array));
    expect(await zip.file('docProps/ünïcode name.xml')?.async('string')).toBe('é');
  });

  it('deflates: text shrinks, and the entries carry the time given', async () => {
    const files = sampleFiles();
    const at = new Date(2026, 11, 5, 3, 30, 42);
    const bytes = await zipArchive({ 'word/document.xml': files['word/document.xml'] as Uint8Array }, at);
    expect(bytes.length).toBeLessThan((files['word/document.xml'] as Uint8Array).length / 3);
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('word/document.xml')?.date.getTime()).toBe(new Date(2026, 11, 5, 3, 30, 42).getTime());
  });
});
