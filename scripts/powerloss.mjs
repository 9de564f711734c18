// The long power-loss simulation: 10,000 seeded runs (or the count given) over document and version saves.
// `npm test` runs a few hundred of the same runs; see main/store/history-powerloss.test.ts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? '10000';
const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'main/store/history-powerloss.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, POWERLOSS_RUNS: runs },
});
process.exit(result.status ?? 1);
