import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { unpackZip } from './unpack';
import { listZip, verifyZip } from './zip';

/**
 * unpack.ts (fflate) and verifyZip (JSZip, for the archives unpack.ts leaves alone) give the same parts and stop the
 * same lying archive with the same sentence.
 */

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** An archive whose central directory says `name` inflates to `declared` bytes. */
function lying(name: string, actual: number, declared: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), [name]: [new Uint8Array(actual), { level: 9 }] });
  const view = new DataView(zip.buffer);
  const target = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const entry = zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true));
    if (entry.length === target.length && entry.every((b, k) => b === target[k])) view.setUint32(i + 24, declared, true);
  }
  return zip;
}

async function failure(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error('no error');
}

describe('unpacking a .docx', () => {
  it.each(['heading-styles.docx', 'libreoffice.docx', 'run-in.docx'])('%s: the same parts from fflate, JSZip and unzipSync', async (name) => {
    const bytes = fixture(name);
    const entries = listZip(bytes, name);
    const expected = Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([n]) => !n.endsWith('/')));
    const ours = unpackZip(bytes, entries, name);
    expect(ours && Object.fromEntries(ours)).toEqual(expected);
    expect(Object.fromEntries(await verifyZip(bytes, entries, name))).toEqual(expected);
  });

  it('stored and deflated entries, empty ones included', async () => {
    const bytes = zipSync({ 'a.xml': [strToU8('<a>stored</a>'), { level: 0 }], 'b.xml': strToU8('<b/>'.repeat(50_000)), 'empty.bin': new Uint8Array(0) });
    const entries = listZip(bytes, 'x.docx');
    const ours = unpackZip(bytes, entries, 'x.docx');
    expect(ours && Object.fromEntries(ours)).toEqual(unzipSync(bytes));
  });

  it('an entry that inflates past its declared size: the same sentence from both, and fflate stops early', async () => {
    const bytes = lying('word/liar.xml', 40 * 1024 * 1024, 512 * 1024);
    const entries = listZip(bytes, 'liar.docx');
    const started = performance.now();
    const ours = await failure(() => unpackZip(bytes, entries, 'liar.docx'));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(ours).toBe('liar.docx has an entry ("word/liar.xml") that expands past the size its ZIP directory declares (it may be a ZIP bomb).');
    expect(await failure(() => verifyZip(bytes, entries, 'liar.docx'))).toBe(ours);
  });
});
