import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

const HEADER = /^(blob|tree|commit|tag) (\d+)$/;

/** Whether a loose object file's bytes inflate to "<type> <size>\0<content>" of that size, hashing to its id. */
export function isWholeLooseObject(deflated: Uint8Array, oid: string): boolean {
  let raw: Buffer;
  try {
    raw = inflateSync(deflated);
  } catch {
    return false;
  }
  const nul = raw.indexOf(0);
  const header = nul > 0 ? HEADER.exec(raw.subarray(0, nul).toString('latin1')) : null;
  if (!header || Number(header[2]) !== raw.length - nul - 1) return false;
  return createHash('sha1').update(raw).digest('hex') === oid;
}

/** The id git gives a blob with these bytes. */
export function blobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
