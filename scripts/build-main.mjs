// Bundles the Node side (CLI, web host, Electron shell, preload) into dist/main with esbuild.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __POLICYWRIGHT_VERSION__: JSON.stringify(version) },
};

const builds = [
  // Packages stay in node_modules: the CLI must work right after `npm ci`, and nothing gains from inlining them.
  { ...common, entryPoints: ['main/cli/index.ts'], outfile: 'dist/main/cli.js', format: 'esm', packages: 'external' },
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
