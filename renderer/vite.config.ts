import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

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
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
      },
    },
  },
});
