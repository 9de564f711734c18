import { onIdle } from '../common/tasks';
import type { StoredEdition } from './stored-text';

/**
 * Whether an edition's text is, byte for byte, the file whose stamp is given: a stamp is the SHA-256 of the file's
 * bytes (main/store/document-stamp.ts), so the edition's text is encoded and hashed the same way. The encoding is done
 * a little at a time in idle moments (a 1,000,000-word policy is 11 MB), the hashing by the browser off this thread.
 * `done` is told the answer; the returned function stops the check (`done` is then never told).
 */
export function checkSameAsFile(edition: StoredEdition, stamp: string, done: (same: boolean) => void): () => void {
  const encoder = new TextEncoder();
  const pieces = edition.pieces()[Symbol.iterator]();
  let bytes = new Uint8Array(1 << 16);
  let written = 0;
  let stopped = false;
  const append = (piece: string): void => {
    // Room for the piece at its longest (three bytes a UTF-16 unit), doubling so each byte is copied a few times at most.
    if (bytes.length - written < piece.length * 3) {
      const larger = new Uint8Array(Math.max(bytes.length * 2, written + piece.length * 3));
      larger.set(bytes.subarray(0, written));
      bytes = larger;
    }
    written += encoder.encodeInto(piece, bytes.subarray(written)).written;
  };
  const cancel = onIdle((deadline) => {
    // Without idle periods (a browser that has none), a few milliseconds a step.
    const until = performance.now() + 5;
    do {
      const next = pieces.next();
      if (next.done) {
        void crypto.subtle.digest('SHA-256', bytes.subarray(0, written)).then(
          (hash) => stopped || done(`sha256-${base64url(new Uint8Array(hash))}` === stamp),
          () => stopped || done(false),
        );
        return false;
      }
      append(next.value);
    } while (deadline ? deadline.timeRemaining() > 1 : performance.now() < until);
    return true;
  });
  return () => {
    stopped = true;
    cancel();
  };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
