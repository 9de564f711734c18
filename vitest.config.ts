import { defineConfig } from 'vitest/config';

/**
 * Three tiers, told apart by file name:
 * - `unit` (`*.test.ts`): pure and portable, no other program run; the whole tier well under a minute.
 * - `oracle` (`*.oracle.test.ts`): our output checked by programs that owe nothing to it (LibreOffice, pandoc,
 *   python-docx, tidy, Chromium, strace, the built CLI); each skips, saying why, where its program is absent.
 * - `bench` (`*.bench.test.ts`): speed figures on the bench's 2,000-section document, printed and never asserted;
 *   run by `npm run bench`, not by `npm test`.
 * `npm test` runs unit then oracle (`npm run test:unit`, `npm run test:oracle`); `vitest run --project <name>` runs
 * one tier, and a bare `vitest run` all three.
 */
const ALL = '{shared,main,renderer}/**/';
const ORACLE = `${ALL}*.oracle.test.ts`;
const BENCH = `${ALL}*.bench.test.ts`;

export default defineConfig({
  test: {
    // Some tests build or spawn the CLI; a two-core CI machine running them in parallel needs more than 5 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: [`${ALL}*.test.ts`], exclude: [ORACLE, BENCH] } },
      { extends: true, test: { name: 'oracle', include: [ORACLE] } },
      { extends: true, test: { name: 'bench', include: [BENCH] } },
    ],
  },
});
