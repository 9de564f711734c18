import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,main,renderer}/**/*.test.ts'],
    // Some tests build or spawn the CLI; a two-core CI machine running them in parallel needs more than 5 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
