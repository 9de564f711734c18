#!/usr/bin/env node
// The CLI's entry: the bundles are built by `npm ci` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const launcher = new URL('../dist/main/cli-launch.js', import.meta.url);
const cli = new URL('../dist/main/cli.js', import.meta.url);
if (existsSync(launcher)) {
  const { launch } = await import(launcher.href);
  await launch(process.argv.slice(2));
} else if (existsSync(cli)) {
  // A build from before the launcher existed: its ES module build runs every command, only slower to start.
  await import(cli.href);
} else {
  process.stderr.write(`policywright: not built yet; run "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))}\n`);
  process.exit(2);
}
