// Bundles the Node side (CLI, web host, Electron shell, preload) into dist/main with esbuild.
import { build } from 'esbuild';
import { asciiBundle } from './ascii-bundle.mjs';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __POLICYWRIGHT_VERSION__: JSON.stringify(version) },
};

// The CLI loads each command's code when it runs (main/cli/main.ts): split into chunks, `--version` reads one small
// file. The chunks sit beside cli.js, since code in them finds the import worker beside itself. Chunks of earlier
// builds are removed only once they are a day old: a web host started before this build still loads its chunks.
const DAY_MS = 24 * 60 * 60 * 1000;
if (existsSync('dist/main')) {
  for (const name of readdirSync('dist/main')) {
    const file = `dist/main/${name}`;
    // The launcher and the bundle keep their names from build to build: each build writes them anew.
    const kept = name.startsWith('cli-launch.') || name.startsWith('cli-bundle.');
    if (name.startsWith('cli-') && !kept && Date.now() - statSync(file).mtimeMs > DAY_MS) rmSync(file);
  }
}
/**
 * zod's namespace export carries its error messages in every language it has (a third of its code); Policywright
 * shows its own sentences and uses zod's English ones at most, so the bundles the CLI loads get English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

// The CLI bundle's code caches are made for one build of it (main/cli/launch.ts): the old ones go before the bundle changes.
const removeCaches = () => {
  if (!existsSync('dist/main')) return;
  for (const name of readdirSync('dist/main')) if (/^cli-bundle\.(?:\w+\.)?cache(?:\.\d+\.tmp)?$/.test(name)) rmSync(`dist/main/${name}`, { force: true });
};
removeCaches();

const builds = [
  // Packages stay in node_modules: the CLI must work right after `npm ci`, and nothing gains from inlining them.
  {
    ...common,
    entryPoints: { cli: 'main/cli/index.ts' },
    outdir: 'dist/main',
    splitting: true,
    chunkNames: 'cli-[name]-[hash]',
    format: 'esm',
    // Every run parses the chunks it loads (about 0.9 MB for `diff`): without white space and with simpler syntax there
    // is less to parse. Names stay, so a stack trace still reads without the source map.
    minifyWhitespace: true,
    minifySyntax: true,
    // Playwright finds its own files (and the browser's) from where it is installed: it stays in node_modules.
    external: ['playwright-core', 'electron'],
    plugins: [zodEnglishOnly],
    // ESM wants require() for the CommonJS packages inlined here.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
  },
  // The commands' code in one CommonJS file, which V8 can compile from a code cache (main/cli/launch.ts).
  {
    ...common,
    entryPoints: { 'cli-bundle': 'main/cli/bundle.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    minifyWhitespace: true,
    minifySyntax: true,
    external: ['playwright-core', 'electron'],
    // A script compiled from a code cache has no import(): the packages left outside (Playwright) come by require().
    supported: { 'dynamic-import': false },
    plugins: [zodEnglishOnly],
    // Code that finds files beside itself (the import worker, the install's root) reads import.meta.url.
    define: { ...common.define, 'import.meta.url': '__cliBundleUrl' },
    banner: { js: "const __cliBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  // What `policywright` starts: the bundle above, or cli.js for --version and --help.
  { ...common, entryPoints: { 'cli-launch': 'main/cli/launch.ts' }, outdir: 'dist/main', format: 'esm', packages: 'external' },
  // Imports run in a worker with time and memory limits (main/import/import-file.ts looks for it beside the bundle).
  { ...common, entryPoints: ['main/import/worker.ts'], outfile: 'dist/main/import-worker.js', format: 'esm', packages: 'external' },
];
if (existsSync('main/electron/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/main/electron-main.js',
    format: 'esm',
    packages: 'external',
  });
}
if (existsSync('main/electron/preload.ts')) {
  // A sandboxed preload can require only 'electron': everything else it uses is inlined.
  builds.push({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] });
}
await Promise.all(builds.map((options) => build(options)));
// The bundle every command runs from is ASCII, which the launcher reads as Latin-1 (scripts/ascii-bundle.mjs).
asciiBundle('dist/main/cli-bundle.cjs');

// The bundle's code caches, each from a training run in a process of its own (two at a time). Without them the CLI
// works, only slower.
const { OWN_CACHE_COMMANDS } = await import(new URL('../dist/main/cli-launch.js', import.meta.url).href);
const train = (command) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/train-cli-code-cache.mjs', ...(command ? [command] : [])], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ command, ok: false, why: String(error) }));
    child.on('close', (code) => resolve({ command, ok: code === 0, why: stderr }));
  });
const trainings = [undefined, ...OWN_CACHE_COMMANDS];
const results = [];
for (let i = 0; i < trainings.length; i += 2) results.push(...(await Promise.all(trainings.slice(i, i + 2).map(train))));
if (results.some((result) => !result.ok)) {
  removeCaches();
  const failed = results.filter((result) => !result.ok).map((result) => `${result.command ?? 'every command'}: ${result.why}`);
  process.stderr.write(`build-main: no code cache for the CLI (it runs without one, slower): ${failed.join('; ')}\n`);
}
