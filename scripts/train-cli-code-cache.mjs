// Makes dist/main/cli-bundle.cache: V8's code cache of the CLI bundle, taken after the common commands have run once
// (so it holds the functions they compile, not only the bundle's top level). Run by build-main.mjs in a process of its
// own, started with no flags, as `policywright` runs: V8 takes a cache only from a process with the same flags.
// Everything the commands write goes into a temporary folder; the cache is written beside the bundle atomically,
// since a CLI started meanwhile may be reading the one before.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'main');
const { loadBundle, sealCache, CACHE_FILE } = await import(new URL('../dist/main/cli-launch.js', import.meta.url).href);

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
  await run('export', project, '--document', 'privacy-policy', '--to', 'md', '--out', oldMd);
  const markdown = await fs.readFile(oldMd, 'utf8');
  await fs.writeFile(newMd, markdown.replaceAll('personal information', 'personal data').replace(/\n\n/, '\n\nA sentence added.\n\n'));
  await run('diff', oldMd, newMd);
  await run('diff', oldMd, newMd, '--to', 'json');
  await run('diff', project, newMd, '--document', 'privacy-policy', '--to', 'html', '--out', out('redline.html'));
  await run('check', project);
  await run('check', newMd, '--json');
  await run('outline', project, '--json');
  await run('review', project);
  await run('status', project);
  await run('export', project, '--document', 'privacy-policy', '--to', 'html', '--out', out('policy.html'));
  await run('export', project, '--document', 'privacy-policy', '--to', 'docx', '--out', out('policy.docx'));
  await run('export', newMd, '--to', 'html', '--out', out('new.html'));

  // Sealed with the bytes this script was compiled from, not the file as it is now: a build running meanwhile may
  // have written another bundle, which this cache must not be taken for.
  const cache = sealCache(loaded.bytes, loaded.script.createCachedData());
  const target = path.join(DIST, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temporary, cache);
  await fs.rename(temporary, target);
  console.log(`CLI code cache: ${(cache.length / 1024).toFixed(0)} KiB`);
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
