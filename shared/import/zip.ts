import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { ImportError, describeFailure } from './errors';
import { megabytes } from './decode';

/*
 * A DOCX is a ZIP archive, and a ZIP from outside may be a bomb (a few megabytes that inflate to petabytes), may
 * name entries "../../etc/passwd" or "__proto__", or may lie about its sizes. Before anything is inflated, the
 * central directory is read (fflate's unzipSync with a filter that inflates nothing) and checked against the limits
 * below. Then every entry is inflated once (unpack.ts with fflate, or verifyZip here with JSZip for archives unpack.ts
 * leaves alone), as a stream checked by InflateGuard, stopping the moment an entry grows past the size the directory
 * declared for it: a bomb that lies about its sizes costs at most one more chunk than the limits allow. Only then is
 * anything read from the parts.
 */

export const ZIP_LIMITS = {
  /** The largest .docx file accepted. */
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressed: 200 * 1024 * 1024,
  /**
   * Uncompressed / compressed size of one entry. Deflate tops out near 1032:1 and bombs sit close to it; Word's XML
   * is typically 5–30:1, and a generated 2,000-section policy of repetitive text measured about 100:1.
   */
  maxRatio: 250,
  /** Entries smaller than this may have any ratio: they cannot hurt. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
}

export { looksLikeZip } from './zip-signature';

class ZipStop extends Error {}

/** The central directory's entries, checked against ZIP_LIMITS; nothing is inflated. */
export function listZip(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(info) {
        if (entries.length >= ZIP_LIMITS.maxEntries) {
          throw new ZipStop(`has more than ${ZIP_LIMITS.maxEntries.toLocaleString('en')} entries in its ZIP archive, which no Word document needs`);
        }
        const entry = { name: info.name, compressedSize: info.size, size: info.originalSize, method: info.compression };
        checkEntry(entry);
        total += entry.size;
        if (total > ZIP_LIMITS.maxTotalUncompressed) {
          throw new ZipStop(`would expand to more than ${megabytes(ZIP_LIMITS.maxTotalUncompressed)} when unpacked, so it was not opened (it may be a ZIP bomb)`);
        }
        entries.push(entry);
        return false; // inflate nothing
      },
    });
  } catch (error) {
    if (error instanceof ZipStop) throw new ImportError(file, 'unsafe-zip', error.message);
    throw new ImportError(file, 'corrupt', `is a damaged ZIP archive and cannot be read as a Word document (${describeFailure(error)})`);
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new ImportError(file, 'unsafe-zip', `has two entries named "${printable(entry.name)}" in its ZIP archive`);
    seen.add(entry.name);
  }
  return entries;
}

function checkEntry(entry: ZipEntryInfo): void {
  const name = entry.name;
  // eslint-disable-next-line no-control-regex -- control characters in an entry name are the thing refused
  if (name.length === 0 || name.length > 1024 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new ZipStop('has an entry with an impossible name in its ZIP archive');
  }
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) {
    throw new ZipStop(`has an entry with an absolute path ("${printable(name)}") in its ZIP archive`);
  }
  const segments = name.split(/[/\\]/);
  if (segments.includes('..')) throw new ZipStop(`has an entry that points outside the archive ("${printable(name)}")`);
  if (segments.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype')) {
    throw new ZipStop(`has an entry with a forbidden name ("${printable(name)}") in its ZIP archive`);
  }
  if (name.endsWith('/')) return; // a folder
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipStop(`uses a compression method (${entry.method}) that Word documents do not use`);
  }
  if (!Number.isSafeInteger(entry.size) || !Number.isSafeInteger(entry.compressedSize) || entry.size < 0 || entry.compressedSize < 0) {
    throw new ZipStop('declares impossible sizes in its ZIP archive');
  }
  if (entry.size > ZIP_LIMITS.maxTotalUncompressed) {
    throw new ZipStop(`has an entry that would expand to ${megabytes(entry.size)}, more than the ${megabytes(ZIP_LIMITS.maxTotalUncompressed)} allowed (it may be a ZIP bomb)`);
  }
  // Deflate never grows data by more than a few bytes per 16 KB block: a larger compressed size is a lie.
  const honest = entry.method === 0 ? entry.compressedSize === entry.size : entry.compressedSize <= entry.size * 1.01 + 1024;
  if (!honest) throw new ZipStop(`declares sizes for "${printable(name)}" that cannot be right (the archive is damaged or forged)`);
  if (entry.size > ZIP_LIMITS.ratioFloorBytes && entry.size > entry.compressedSize * ZIP_LIMITS.maxRatio) {
    throw new ZipStop(
      `has an entry that expands ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} times over, more than the ${ZIP_LIMITS.maxRatio} times a real document does (it may be a ZIP bomb)`,
    );
  }
}

function printable(name: string): string {
  const clean = name.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

interface StreamHelper {
  on(event: 'data', fn: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', fn: (error: unknown) => void): StreamHelper;
  on(event: 'end', fn: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** The unpacked entries of a checked archive, folders left out, by name. */
export type ZipParts = ReadonlyMap<string, Uint8Array>;

/**
 * What every entry is checked for while it inflates, chunk by chunk: not past its declared size, the archive not past
 * the total limit, and no DOCTYPE before an XML part's root element. `take` throws the ImportError that stops it.
 */
export class InflateGuard {
  private total = 0;
  private readonly latin1 = new TextDecoder('latin1');
  private readonly declared: Map<string, number>;

  constructor(
    entries: readonly ZipEntryInfo[],
    private readonly file: string,
  ) {
    this.declared = new Map(entries.map((e) => [e.name, e.size]));
  }

  /** A guard for one entry's chunks, in order. */
  entry(name: string): (chunk: Uint8Array) => void {
    const limit = this.declared.get(name) ?? ZIP_LIMITS.maxTotalUncompressed;
    let size = 0;
    // The text before an XML part's root element, while it is still being read: where a DOCTYPE would stand.
    let prolog: string | null = /\.(?:xml|rels|vml)$/i.test(name) ? '' : null;
    return (chunk) => {
      size += chunk.length;
      this.total += chunk.length;
      if (prolog !== null) prolog = checkedProlog(prolog, this.latin1.decode(chunk), name, this.file);
      if (size > limit) throw new ImportError(this.file, 'unsafe-zip', `has an entry ("${printable(name)}") that expands past the size its ZIP directory declares (it may be a ZIP bomb)`);
      if (this.total > ZIP_LIMITS.maxTotalUncompressed) throw new ImportError(this.file, 'unsafe-zip', `expands to more than ${megabytes(ZIP_LIMITS.maxTotalUncompressed)} (it may be a ZIP bomb)`);
    };
  }

  damaged(name: string, error: unknown): ImportError {
    return new ImportError(this.file, 'corrupt', `is a damaged ZIP archive: "${printable(name)}" cannot be unpacked (${describeFailure(error)})`);
  }
}

/**
 * Inflates every entry once through JSZip, as a stream, stopping as soon as an entry grows past its declared size or
 * the total passes the limit. The way in for archives unpack.ts leaves alone (ZIP64, encryption, odd layouts), so
 * that they meet the same reader, and the same messages, as before it existed.
 */
export async function verifyZip(bytes: Uint8Array, entries: readonly ZipEntryInfo[], file: string): Promise<ZipParts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ImportError(file, 'corrupt', `is a damaged ZIP archive and cannot be read as a Word document (${describeFailure(error)})`);
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > entries.length) throw new ImportError(file, 'unsafe-zip', 'has a ZIP archive whose entries do not match its directory');
  const guard = new InflateGuard(entries, file);
  const parts = new Map<string, Uint8Array>();
  for (const entry of files) {
    const check = guard.entry(entry.name);
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    const chunks: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      let stopped = false;
      const stop = (error: ImportError) => {
        if (stopped) return;
        stopped = true;
        stream.pause();
        reject(error);
      };
      stream
        .on('data', (chunk) => {
          if (stopped) return;
          try {
            check(chunk);
            chunks.push(chunk);
          } catch (error) {
            stop(error as ImportError);
          }
        })
        .on('error', (error) => stop(guard.damaged(entry.name, error)))
        .on('end', () => {
          if (!stopped) resolve();
        })
        .resume();
    });
    parts.set(entry.name, concat(chunks));
  }
  return parts;
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const MAX_PROLOG = 64 * 1024;

/**
 * The prolog read so far, or null once the root element has begun. Word never writes a DOCTYPE; one in a part is
 * there for entity tricks (billion laughs, external entities naming local files), so the file is refused before any
 * XML reader sees it, whatever that reader would make of it. Bytes are read as Latin-1 with NULs dropped, so UTF-8
 * and UTF-16 parts are read alike.
 */
function checkedProlog(before: string, chunk: string, name: string, file: string): string | null {
  // eslint-disable-next-line no-control-regex -- the NULs of UTF-16 are what is dropped
  const text = before + chunk.slice(0, MAX_PROLOG + 16).replace(/\u0000/g, '');
  const root = /<[A-Za-z_]/.exec(text);
  const prolog = root ? text.slice(0, root.index) : text;
  if (/<!DOCTYPE/i.test(prolog) || /<!ENTITY/i.test(prolog)) {
    throw new ImportError(file, 'unsafe-xml', `has a DOCTYPE in "${printable(name)}", which Word never writes (it may be built to attack XML readers)`);
  }
  if (root) return null;
  if (prolog.length > MAX_PROLOG) {
    throw new ImportError(file, 'unsafe-xml', `has more than 64 KB before the XML of "${printable(name)}" begins, which no Word document has`);
  }
  return prolog;
}
