#!/usr/bin/env node
// The CLI's entry: the bundles are built by `npm ci` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const launcher = new URL('../dist/main/cli-launch.js', import.meta.url);
if (!existsSync(launcher)) {
  process.stderr.write(`policywright: not built yet; run "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))}\n`);
  process.exit(2);
}
const { launch } = await import(launcher.href);
await launch(process.argv.slice(2));
