import type { Steps } from '../../shared/steps/steps';

/** The most a piece of idle work takes in one go: a key pressed meanwhile waits no longer than this. */
const PIECE_MS = 5;

/**
 * Runs `steps` in the window's idle moments, never more than PIECE_MS at a time, and hands their result to `done`.
 * Under load without idle moments a piece still runs every `timeout` ms, so the work ends however busy the window is.
 * Returns the function that stops it (the result is then never handed over).
 */
export function runWhenIdle<T>(steps: Steps<T>, done: (value: T) => void, { timeout = 1000 }: { timeout?: number } = {}): () => void {
  let handle: number | null = null;
  const piece = (deadline: IdleDeadline) => {
    handle = null;
    const until = performance.now() + (deadline.didTimeout ? PIECE_MS : Math.min(PIECE_MS, deadline.timeRemaining()));
    do {
      const next = steps.next();
      if (next.done) {
        done(next.value);
        return;
      }
    } while (performance.now() < until);
    handle = requestIdleCallback(piece, { timeout });
  };
  handle = requestIdleCallback(piece, { timeout });
  return () => {
    if (handle !== null) cancelIdleCallback(handle);
    handle = null;
  };
}
