import { onIdle } from '../common/tasks';
import type { StoredEdition } from './stored-text';

/** Pieces encoded in one go: a few hundred blocks' lines, well under a millisecond. */
const PIECES_PER_BATCH = 800;

/**
 * Whether an edition's text is, byte for byte, the file whose stamp is given: a stamp is the SHA-256 of the file's
 * bytes (main/store/document-stamp.ts), so the edition's text is encoded and hashed the same way. The encoding (and
 * the writing of each block's line, when not written yet) is done a little at a time in idle moments — a
 * 1,000,000-word policy is 11 MB — and the hashing by the browser, off this thread. `done` is told the answer; the
 * returned function stops the check (`done` is then never told).
 */
export function checkSameAsFile(edition: StoredEdition, stamp: string, done: (same: boolean) => void): () => void {
  const encoder = new TextEncoder();
  const pieces = edition.pieces()[Symbol.iterator]();
  const encoded: Uint8Array[] = [];
  let size = 0;
  let stopped = false;
  const batch: string[] = [];
  const encodeBatch = (): void => {
    const bytes = encoder.encode(batch.join(''));
    encoded.push(bytes);
    size += bytes.length;
    batch.length = 0;
  };
  const cancel = onIdle((deadline) => {
    // Without idle periods (a browser that has none), a few milliseconds a step.
    const until = performance.now() + 5;
    do {
      for (let i = 0; i < PIECES_PER_BATCH; i++) {
        const next = pieces.next();
        if (next.done) {
          encodeBatch();
          hash(encoded, size).then(
            (hashed) => stopped || done(`sha256-${hashed}` === stamp),
            () => stopped || done(false),
          );
          return false;
        }
        batch.push(next.value);
      }
      encodeBatch();
    } while (deadline ? deadline.timeRemaining() > 1 : performance.now() < until);
    return true;
  });
  return () => {
    stopped = true;
    cancel();
  };
}

/** The SHA-256 of the bytes, in base64url as stamps write it. */
async function hash(parts: readonly Uint8Array[], size: number): Promise<string> {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', whole));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
