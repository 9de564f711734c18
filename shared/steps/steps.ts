/**
 * Work over a whole document written as a generator that yields between pieces: the same code runs at once
 * (`runToEnd`, for the command line and the tests) or a few milliseconds at a time in a window that must keep taking
 * keys (renderer/common/idle-steps.ts). A reading of a 1,000,000-word policy's terms is some 300 ms of work: in one
 * piece it is a pause the typist feels.
 */
export type Steps<T> = Generator<void, T, void>;

/** How many blocks a loop handles between two yields: a few hundred microseconds of work at most. */
export const BLOCKS_PER_STEP = 200;

/** Runs `steps` to their end now, and returns what they return. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
