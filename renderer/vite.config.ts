import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** The start-up request's modules (see codeSplitting below): boot.ts, the API client and the page's transport. */
const BOOT_MODULES = /[\\/](renderer[\\/]boot|renderer[\\/]api[\\/](transport|page-worker|request-reply)|shared[\\/]api[\\/](client|methods))\.ts$/;

// The renderer is plain React + TypeScript; Vite's own transform handles TSX, so no plugin is needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // For reading CPU profiles by function name (bench/README.md); releases are always minified.
    minify: process.env.POLICYWRIGHT_BUILD_NO_MINIFY !== '1',
    // A desktop app loads from disk or loopback: one bundle of ~600 kB is fine.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // The start-up request (boot.ts) and what it needs to leave, in a chunk of their own that is evaluated
          // first. A request made from the top of the whole bundle makes Chromium record where it was made; with an
          // inspector attached (DevTools, the bench's and tests' driver), V8 then re-parses all 800 kB of it for
          // source positions: 30–70 ms of each start. From a 4 kB chunk that costs a fraction of a millisecond.
          groups: [{ name: 'boot', test: BOOT_MODULES }],
        },
      },
    },
  },
});
