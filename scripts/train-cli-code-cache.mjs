// Makes a code cache of the CLI bundle (main/cli/launch.ts): V8's cache taken after commands have run once, so that it
// holds the functions they compile, not only the bundle's top level. `node scripts/train-cli-code-cache.mjs` runs
// every common command and writes dist/main/cli-bundle.cache; `... diff` (or another of OWN_CACHE_COMMANDS) runs that
// command alone and writes its own cache (cacheFileFor), which holds no other command's code.
// Run by build-main.mjs, each in a process of its own started with no flags, as `policywright` runs: V8 takes a cache
// only from a process with the same flags, and a cache holds whatever its process compiled. Everything the commands
// write goes into a temporary folder; the cache is written beside the bundle atomically, since a CLI started meanwhile
// may be reading the one before.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'main');
const { loadBundle, sealCache, cacheFileFor, OWN_CACHE_COMMANDS } = await import(new URL('../dist/main/cli-launch.js', import.meta.url).href);

const command = process.argv[2];
if (command !== undefined && !OWN_CACHE_COMMANDS.includes(command)) throw new Error(`no training for "${command}": it takes one of ${OWN_CACHE_COMMANDS.join(', ')}, or nothing`);

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-training-'));
// The commands read the app's settings (a team library folder, say) from POLICYWRIGHT_HOME: the training reads none of
// the builder's own.
process.env.POLICYWRIGHT_HOME = path.join(work, 'home');
try {
  const loaded = loadBundle(DIST, false);
  if (!loaded) throw new Error('dist/main/cli-bundle.cjs is not built');
  const project = path.join(work, 'project');
  await fs.cp(path.join(ROOT, 'assets', 'sample-project'), project, { recursive: true });
  const out = (name) => path.join(work, name);
  const oldMd = out('old.md');
  const newMd = out('new.md');
  const run = async (...argv) => {
    let err = '';
    const code = await loaded.bundle.runCli(argv, { out: () => undefined, err: (text) => (err += text) });
    // check exits 1 on findings: that is a run, not a failure.
    if (code === 2 || (code !== 0 && argv[0] !== 'check')) throw new Error(`policywright ${argv.join(' ')} failed (${code}): ${err}`);
  };
  // The two editions the commands read, exported by another process: an export run here would put its code in a
  // cache meant for diff or check alone.
  const exported = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), 'export', project, '--document', 'privacy-policy', '--to', 'md', '--out', oldMd], {
    encoding: 'utf8',
    env: process.env,
  });
  if (exported.status !== 0) throw new Error(`policywright export failed (${exported.status}): ${exported.stderr || exported.error}`);
  const markdown = await fs.readFile(oldMd, 'utf8');
  await fs.writeFile(newMd, markdown.replaceAll('personal information', 'personal data').replace(/\n\n/, '\n\nA sentence added.\n\n'));

  const trainings = {
    diff: async () => {
      await run('diff', oldMd, newMd);
      await run('diff', oldMd, newMd, '--to', 'json');
    },
    check: async () => {
      await run('check', project);
      await run('check', newMd, '--json');
    },
    export: async () => {
      await run('export', project, '--document', 'privacy-policy', '--to', 'html', '--out', out('policy.html'));
      await run('export', project, '--document', 'privacy-policy', '--to', 'docx', '--out', out('policy.docx'));
      await run('export', newMd, '--to', 'html', '--out', out('new.html'));
      await run('export', project, '--document', 'privacy-policy', '--to', 'md', '--out', out('policy.md'));
    },
  };
  if (command) await trainings[command]();
  else {
    await trainings.diff();
    await run('diff', project, newMd, '--document', 'privacy-policy', '--to', 'html', '--out', out('redline.html'));
    await trainings.check();
    await run('outline', project, '--json');
    await run('review', project);
    await run('status', project);
    await trainings.export();
  }

  // Sealed with the bytes this script was compiled from, not the file as it is now: a build running meanwhile may
  // have written another bundle, which this cache must not be taken for.
  const cache = sealCache(loaded.bytes, loaded.script.createCachedData());
  const target = path.join(DIST, cacheFileFor(command));
  const temporary = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temporary, cache);
  await fs.rename(temporary, target);
  console.log(`CLI code cache${command ? ` for ${command}` : ''}: ${(cache.length / 1024).toFixed(0)} KiB`);
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
