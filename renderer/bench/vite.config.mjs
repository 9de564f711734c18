// Builds the benchmark's peer page (plain.html), apart from the app. `npm run bench` builds it into a temporary folder
// of its own; `npx vite build --config renderer/bench/vite.config.mjs` builds it into dist/bench for a look by hand.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { plain: fileURLToPath(new URL('plain.html', import.meta.url)) },
    },
  },
});
