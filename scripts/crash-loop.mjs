// Crash loop with real processes: a child journals the 100k-word bench document (as a window does while typing), saves
// it, and saves a version of it, over and over;
// the parent kills it with SIGKILL at random moments (half of them just after a file event inside .git) and checks
// the project after each kill: it loads, the document is the old or the new one, the versions listed are exactly the
// acknowledged ones (plus at most the one in flight), the journal holds the last kept text (or the one in flight),
// and `git fsck` is clean.
//   node scripts/crash-loop.mjs [kills=300] [seed=1] [--saves-only]
// With --saves-only the child journals and saves the document without versions, so every kill lands among saves.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeBenchProject } from './bench/generate.mjs';
import { ROOT } from './bench/load-shared.mjs';

const numbers = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const SAVES_ONLY = process.argv.includes('--saves-only');
const KILLS = Number(numbers[0] ?? 300);
const SEED = Number(numbers[1] ?? 1);
// A fresh project every so many kills keeps git fsck quick as versions pile up.
const KILLS_PER_PROJECT = 25;


const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-crash-loop-'));
const bundle = path.join(work, 'crash-loop.mjs');
await build({
  stdin: {
    contents: [
      "import { childLoop } from './main/store/testing/crash-loop-parts.ts';",
      "export * from './main/store/testing/crash-loop-parts.ts';",
      "export { seeded } from './shared/testing/seeded-random.ts';",
      "if (process.argv[2] === 'crash-loop-child') childLoop(process.argv[3], Number(process.argv[4]), process.argv[5] === 'saves-only').catch((e) => { console.error(e); process.exit(2); });",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
  banner: { js: `import { createRequire as __crashCreateRequire } from 'node:module'; const require = __crashCreateRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});` },
});
const parts = await import(bundle);

const template = path.join(work, 'template');
const { words, bytes } = await writeBenchProject(template, 1);
await parts.saveFirstVersion(template);
const random = parts.seeded(SEED);
/** Acknowledged saves over the whole run. */
const counted = { versions: 0, documents: 0, journals: 0 };
const figures = { kills: 0, aimed: 0, duringVersionSave: 0, duringDocumentSave: 0, acknowledgedVersions: 0, documentSaves: 0, projectsChecked: 0, violations: 0 };
const violations = [];

let dir = '';
let state = null;
for (let kill = 1; kill <= KILLS; kill++) {
  if ((kill - 1) % KILLS_PER_PROJECT === 0) {
    dir = path.join(work, `project-${kill}`);
    fs.cpSync(template, dir, { recursive: true });
    state = { documentHash: await parts.documentHash(dir), documentInFlight: null, acknowledged: await parts.listedNames(dir), inFlight: null, journalHash: null, journalInFlight: null };
  }
  const aimed = random() < 0.5;
  const outcome = await runUntilKilled(dir, kill * 1000, aimed, state);
  figures.kills++;
  if (aimed) figures.aimed++;
  if (state.inFlight) figures.duringVersionSave++;
  else if (state.documentInFlight) figures.duringDocumentSave++;
  const problems = outcome.exitedByItself ? [`the child exited by itself: ${outcome.stderr.trim().split('\n').slice(0, 3).join(' ')}`] : [];
  problems.push(
    ...(await parts.checkAfterKill(dir, {
      documentHashes: [state.documentHash, state.documentInFlight].filter(Boolean),
      journalHashes: [state.journalHash, state.journalInFlight].filter(Boolean),
      acknowledged: state.acknowledged,
      inFlight: state.inFlight,
    })),
  );
  // What the next launch finds is now the starting point: the in-flight version is kept only if it was listed.
  const listed = (await parts.listedNames(dir)) ?? [];
  if (state.inFlight && listed.includes(state.inFlight)) state.acknowledged.push(state.inFlight);
  state.inFlight = null;
  state.documentHash = await parts.documentHash(dir).catch(() => state.documentHash);
  state.documentInFlight = null;
  // The next child journals again; what the journal holds now is the starting point.
  state.journalHash = await parts.journalHash(dir).catch(() => state.journalHash);
  state.journalInFlight = null;
  if (problems.length > 0) {
    figures.violations++;
    violations.push(`kill ${kill} (${aimed ? 'aimed at a .git event' : 'timed'}): ${problems.join('; ')}`);
  }
  if (kill % KILLS_PER_PROJECT === 0 || kill === KILLS) {
    await parts.versionsReadBack(dir);
    figures.projectsChecked++;
  }
  if (kill % 25 === 0) console.log(`${kill} kills, ${figures.violations} with violations`);
}

figures.acknowledgedVersions = counted.versions;
figures.documentSaves = counted.documents;
figures.journalEntries = counted.journals;
console.log(`crash loop${SAVES_ONLY ? ' (document saves only)' : ''} on a ${words}-word document (${bytes} bytes): ${JSON.stringify(figures)}`);
for (const line of violations.slice(0, 20)) console.log(line);
fs.rmSync(work, { recursive: true, force: true });
process.exit(figures.violations === 0 ? 0 : 1);

function runUntilKilled(projectDir, first, aimed, st) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, 'crash-loop-child', projectDir, String(first), SAVES_ONLY ? 'saves-only' : 'versions'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let killed = false;
    let watcher = null;
    let timer = null;
    const killNow = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const startClock = () => {
      if (timer || aimed) return;
      timer = setTimeout(killNow, 50 + random() * 4000);
    };
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const [word, what, ...rest] = line.split(' ');
        if (word === 'will' && what === 'journal') st.journalInFlight = rest[0];
        if (word === 'ack' && what === 'journal') {
          st.journalHash = rest[0];
          st.journalInFlight = null;
          counted.journals++;
        }
        if (word === 'will' && what === 'doc') st.documentInFlight = rest[1];
        if (word === 'ack' && what === 'doc') {
          st.documentHash = rest[0];
          st.documentInFlight = null;
          counted.documents++;
        }
        if (word === 'will' && what === 'version') st.inFlight = rest.join(' ');
        if (word === 'ack' && what === 'version') {
          st.acknowledged.push(rest.slice(0, -1).join(' '));
          st.inFlight = null;
          counted.versions++;
        }
        startClock();
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (aimed) {
      let skip = Math.floor(random() * 150);
      // Aimed at the moments just after a file event: in .git during versions, in documents/ during saves alone.
      watcher = fs.watch(path.join(projectDir, SAVES_ONLY ? 'documents' : '.git'), { recursive: true }, () => {
        if (skip-- <= 0) killNow();
      });
      watcher.on('error', () => undefined);
    }
    const safety = setTimeout(killNow, 15_000);
    child.on('exit', () => {
      clearTimeout(safety);
      if (timer) clearTimeout(timer);
      watcher?.close();
      resolve({ exitedByItself: !killed, stderr });
    });
  });
}
