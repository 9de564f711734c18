import { createHash } from 'node:crypto';

/**
 * What a save states it was based on: a hash of the file's bytes. Modification times are not enough: a `git checkout`
 * of an older file or a copy from another machine can bring back any time, and two writes can share one.
 */
export function stampOf(bytes: Uint8Array | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64url')}`;
}
