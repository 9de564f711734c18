import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/** The start-up request's modules (see codeSplitting below): boot.ts, the API client and the page's transport. */
const BOOT_MODULES = /[\\/](renderer[\\/]boot|renderer[\\/]api[\\/](transport|page-worker|request-reply)|shared[\\/]api[\\/](client|methods))\.ts$/;

/**
 * The start-up request's chunk as a script of its own, ahead of the app's, in the built page. Imported by the app
 * alone, it would be evaluated only once the browser had parsed all of the app's bundle (50–90 ms, on another
 * thread, during which nothing else can start); as its own module script it runs as soon as it is in, so the request
 * (which brings the first document) travels and is answered meanwhile. It is the same module either way: the app
 * imports the chunk from the same address, and the browser evaluates a module once.
 */
function bootScriptFirst(): Plugin {
  return {
    name: 'policywright-boot-script-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const boot = Object.values(context.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'boot');
        if (!boot) throw new Error('the build made no boot entry chunk');
        const script = `<script type="module" crossorigin src="./${boot.fileName}"></script>`;
        const main = /<script type="module" crossorigin src="[^"]+"><\/script>/;
        if (!main.test(html)) throw new Error('index.html has no module script to put the boot script before');
        return html.replace(main, (tag) => `${script}\n    ${tag}`).replace(new RegExp(`\\s*<link rel="modulepreload" crossorigin href="./${boot.fileName.replace(/[.]/g, '\\.')}">`), '');
      },
    },
  };
}

// The renderer is plain React + TypeScript; Vite's own transform handles TSX.
export default defineConfig({
  plugins: [bootScriptFirst()],
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
        boot: fileURLToPath(new URL('boot.ts', import.meta.url)),
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
