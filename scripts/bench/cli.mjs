// The command line's part of `npm run bench`: how long `policywright --version` takes from a shell (node itself
// starting is its peer), and `policywright diff` on two real-size Markdown policies (about 20 KB each: the sample
// project's privacy policy, exported, and an edition of it with words changed and a section moved) against
// `git diff --no-index --word-diff` on the same two files. Wall time of each process, median of RUNS.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './exports.mjs';

export const CLI_TARGETS = { 'cli.start.ms': 100, 'cli.diff.ms': 250 };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'policywright.mjs');
const RUNS = 9;

function wall(command, args) {
  const t = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - t;
  // git diff exits 1 when the files differ; anything else is a broken measurement.
  if (result.error || (result.status !== 0 && !(command === 'git' && result.status === 1))) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`);
  }
  return { ms, stdout: result.stdout };
}

function timed(command, args) {
  wall(command, args); // the first run fills the file cache
  return median(Array.from({ length: RUNS }, () => wall(command, args).ms));
}

/** The second edition: a word changed throughout, a sentence added, and the second top-level section moved to the end. */
function edit(markdown) {
  const sections = markdown.split(/\n(?=## )/);
  const [head, moved, ...rest] = sections;
  const edited = [head, ...rest, moved].join('\n').replaceAll('personal information', 'personal data');
  return edited.replace(/\n\n/, '\n\nThis edition adds a sentence for the bench.\n\n');
}

export async function measureCli({ tmp, log = console.log }) {
  const oldFile = path.join(tmp, 'cli-old.md');
  const newFile = path.join(tmp, 'cli-new.md');
  wall(process.execPath, [CLI, 'export', path.join(ROOT, 'assets', 'sample-project'), '--document', 'privacy-policy', '--to', 'md', '--out', oldFile]);
  await fs.writeFile(newFile, edit(await fs.readFile(oldFile, 'utf8')));
  const sizes = await Promise.all([oldFile, newFile].map(async (file) => (await fs.stat(file)).size));
  const problems = [];
  const report = wall(process.execPath, [CLI, 'diff', oldFile, newFile]).stdout;
  if (!/\bmoved\b/.test(report) || !/changed/.test(report)) problems.push(`cli diff did not report the moved section and the changes:\n${report}`);

  const start = timed(process.execPath, [CLI, '--version']);
  const nodeAlone = timed(process.execPath, ['-e', '']);
  const diff = timed(process.execPath, [CLI, 'diff', oldFile, newFile]);
  const gitDiff = timed('git', ['diff', '--no-index', '--word-diff', oldFile, newFile]);
  log(`  cli: --version ${start.toFixed(0)} ms (node alone ${nodeAlone.toFixed(0)} ms); diff of ${sizes.map((s) => `${(s / 1024).toFixed(0)} KB`).join(' and ')} Markdown ${diff.toFixed(0)} ms (git diff --word-diff ${gitDiff.toFixed(0)} ms)`);
  const round = (v) => Math.round(v * 10) / 10;
  return {
    problems,
    rows: [
      { name: 'cli.start.ms', value: round(start), unit: 'ms', peer: 'node -e "" (Node starting, nothing loaded)', peerValue: round(nodeAlone) },
      { name: 'cli.diff.ms', value: round(diff), unit: 'ms', peer: 'git diff --no-index --word-diff (same two files)', peerValue: round(gitDiff) },
    ],
  };
}
