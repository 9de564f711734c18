// `npm run bench` (after `npm run build`): opens a generated 2,000-section / ~100,000-word policy in the real app
// (the built web host) and in a plain slate-react peer page, in Debian's Chromium, and measures open time and
// keystroke-to-paint latency in both: once with frames at the display's refresh, once with frames made on demand.
// Prints a table and writes bench/results.json. See bench/README.md.
//
// Then times the app's exporters (HTML, DOCX) and DOCX importer on the same document in Node, against pandoc and
// mammoth alone (scripts/bench/exports.mjs).
//
// Options: --seed <n>  --keys <n> (measured keystrokes, default 240)  --enters <n> (default 40)  --opens <n> (open
// measurements per editor, median reported; default 3)  --only ours|peer  --part editor|export|compare|find|tenfold|tenfold-editor|sync|projects (only those
// rows; the other rows are written with null values)  --profile (V8 CPU profiles of the last open, of the typing and of the Enters,
// summarised by function)  --trace (Chrome traces of the last open, of the typing and of the Enters
// into .tmp/bench/; BENCH_TRACE_CPU=1 adds V8's samples to them, BENCH_TRACE_GC=1 the collector's events; BENCH_HEAP=1
// writes sampling heap profiles of the last open and of the Enters; BENCH_PROFILE_OPEN=1 profiles or traces the 1M-word
// policy's last open too, which the tenfold part otherwise leaves out)  --keep (keep the temporary folder). The tenfold part also opens and types into the 1M-word policy
// in the app (measureTenfoldEditor), beside the browser alone on the same page.
//
// Exit code: 0 when everything was measured (whether or not the targets were met), 1 when a measurement broke or a
// correctness check failed (an HTML export without every section anchor, a DOCX that re-imports with other headings).
/* global window, document, getSelection, requestAnimationFrame -- inside page.evaluate callbacks, which run in the page */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { COMPARE_TARGETS } from './bench/compare.mjs';
import { COMPARE_VIEW_TARGETS, measureCompareView, prepareComparedProject } from './bench/compare-view.mjs';
import { EXPORT_PEER_TARGETS, EXPORT_TARGETS } from './bench/exports.mjs';
import { CLI_TARGETS, measureCli } from './bench/cli.mjs';
import { STORE_TARGETS } from './bench/store.mjs';
import { FIND_TARGETS, measureFind } from './bench/find.mjs';
import { TENFOLD_TARGETS } from './bench/tenfold.mjs';
import { SYNC_TARGETS } from './bench/sync.mjs';
import { BIG_PROJECT_TARGETS } from './bench/big-projects.mjs';
import { DOCUMENT_ID, TARGET_SECTION, writeBenchProject } from './bench/generate.mjs';
import { LAUNCH_ADDRESS, appSession, sessionContext } from './bench/app-session.mjs';
import { inChild } from './bench/in-child.mjs';
import { installProbe } from './bench/probe.mjs';
import { startStaticServer } from './bench/static-server.mjs';
import { summariseTrace } from './bench/trace-summary.mjs';
import { summariseProfile } from './bench/profile-summary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');
const TRACE_DIR = path.join(ROOT, '.tmp', 'bench');

const OURS = 'Policywright';
const PEER = 'slate-react (plain, no chunking)';
const FLOOR = 'the browser alone (our page, its editor swapped for a copy with no React or Slate behind it)';
const REVIEW = 'Policywright on the review document (500 open suggestions, 200 comment threads), suggesting mode on where the app has it';
const REVIEW_FLOOR = 'the browser alone on the review document (our page, its editor swapped for a copy with no React or Slate behind it)';
const TENFOLD_EDITOR = 'Policywright on the 1M-word document (20,000 sections)';
const TENFOLD_FLOOR = 'the browser alone on the 1M-word document (our page, its editor swapped for a copy with no React or Slate behind it)';
const LABELS = { ours: OURS, peer: PEER, floor: FLOOR, review: REVIEW, reviewFloor: REVIEW_FLOOR, tenfold: TENFOLD_EDITOR, tenfoldFloor: TENFOLD_FLOOR };
/** The measurements of the browser alone: the page with its editor swapped for a copy that no script edits. */
const FLOORS = new Set(['floor', 'reviewFloor', 'tenfoldFloor']);
/** Ten times the bench document, typed into in its middle (section 10,000). */
const TENFOLD_SIZE = { sections: 20_000, words: 1_000_000, target: 10_000 };
/** The 1M-word editor rows, in their order (measureTenfoldEditor). */
const TENFOLD_EDITOR_ROWS = ['editor.open.1m.ms', 'editor.open.full.1m.ms', 'editor.keystroke.1m.p95.ms', 'editor.enter.1m.p95.ms', 'editor.jsheap.1m.mb'];
/** What measureTenfoldEditor measured, for the details printed after the table. */
const tenfoldMeasured = {};

/** What the suggesting row says while the toggle it presses (another part of issue 15) is not in the app. */
const SUGGESTING_NOT_BUILT = 'n/a (suggesting mode not built)';
/** Rows that must also be so many times faster than their peer in the same run (peerValue / value ≥ the number). */
const PEER_TARGETS = { ...EXPORT_PEER_TARGETS };
const EDITOR_TARGETS = {
  'editor.open.ms': 500,
  'editor.open.full.ms': 1000,
  'editor.keystroke.p95.ms': 16,
  'editor.enter.p95.ms': 16,
  'editor.open.1m.ms': 1000,
  'editor.jsheap.1m.mb': 400,
};
/** Rows whose figure must stay within a factor of their peer's (the browser alone on the same page), same run. */
const RATIO_TARGETS = {
  'editor.keystroke.p95.vs-browser.ms': 1.3,
  'editor.keystroke.suggesting.p95.ms': 1.3,
  'editor.keystroke.review.p95.ms': 1.3,
  'editor.enter.p95.vs-browser.ms': 1.5,
  'editor.keystroke.1m.p95.ms': 1.5,
};
const TARGETS = { ...EDITOR_TARGETS, ...EXPORT_TARGETS, ...STORE_TARGETS, ...CLI_TARGETS, ...COMPARE_TARGETS, ...COMPARE_VIEW_TARGETS, ...FIND_TARGETS, ...TENFOLD_TARGETS, ...SYNC_TARGETS, ...BIG_PROJECT_TARGETS };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// Frames on demand: Chromium produces a frame as soon as there is something to show, instead of at the display's next
// 60 Hz refresh. Keystroke latency is then the key's own cost to the screen (script, style, layout, paint), not that
// plus a wait for the refresh, which in this harness is set by when Playwright happens to send the key.
const FRAMES_ON_DEMAND_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const VIEWPORT = { width: 1440, height: 900 };

const RUN_TIMEOUT_MS = 960_000; // the whole run, build of the peer, the review document, the export/import rows and the 1M-word document included
const OPEN_TIMEOUT_MS = 60_000;
const KEY_TIMEOUT_MS = 10_000;
const WARMUP_KEYS = 10;
const SETTLE_MS = 2500; // after typing: longer than the app's autosave delay (1.2 s), so a save never lands in Enter

// What gets typed into the body of section ~1,000: plain ASCII that Playwright types key by key.
const PHRASE = 'The Processor shall notify the Controller without undue delay after becoming aware of a breach. ';

const { values: options } = parseArgs({
  options: {
    seed: { type: 'string', default: '20260101' },
    keys: { type: 'string', default: '240' },
    enters: { type: 'string', default: '40' },
    opens: { type: 'string', default: '3' },
    only: { type: 'string' },
    part: { type: 'string' },
    trace: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SEED = positiveInt(options.seed, 'seed');
const KEYS = positiveInt(options.keys, 'keys');
const ENTERS = positiveInt(options.enters, 'enters');
const OPENS = positiveInt(options.opens, 'opens');
if (options.only && options.only !== 'ours' && options.only !== 'peer') fail('--only takes "ours" or "peer"');
if (options.part && !['editor', 'export', 'compare', 'find', 'tenfold', 'tenfold-editor', 'sync', 'projects'].includes(options.part)) fail('--part takes "editor", "export", "compare", "find", "tenfold", "tenfold-editor", "sync" or "projects"');
const EDITOR = !options.part || options.part === 'editor';
const EXPORT = !options.part || options.part === 'export';
const COMPARE = !options.part || options.part === 'compare';
const FIND = !options.part || options.part === 'find';
const TENFOLD = !options.part || options.part === 'tenfold';
/** Only the 1M-word document in the editor, without the tenfold part's saves, compares and exports in Node. */
const TENFOLD_IN_EDITOR = TENFOLD || options.part === 'tenfold-editor';
const SYNC = !options.part || options.part === 'sync';
const PROJECTS = !options.part || options.part === 'projects';

/** Everything started by this run, undone in reverse order whatever happens. */
const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      await step().catch((error) => console.error(`bench: cleanup: ${error instanceof Error ? error.message : error}`));
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (cleaning) process.exit(1); // a second signal: stop waiting for the cleanup
    console.error(`bench: ${signal}, stopping`);
    void cleanup().finally(() => process.exit(1));
  });
}

const started = performance.now();
const watchdog = setTimeout(() => {
  console.error(`bench: the run took longer than ${RUN_TIMEOUT_MS / 1000} s; stopping`);
  void cleanup().finally(() => process.exit(1));
}, RUN_TIMEOUT_MS);

try {
  await main();
  clearTimeout(watchdog);
  await cleanup();
  process.exit(process.exitCode ?? 0);
} catch (error) {
  clearTimeout(watchdog);
  if (cleaning) await new Promise(() => undefined); // stopped by a signal: its handler exits once cleaned up
  console.error(`bench: measurement failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  await cleanup();
  process.exit(1);
}

async function main() {
  // The export part's command-line rows run the built CLI; the editor, compare and find parts, the built app in Chromium.
  const browsing = EDITOR || COMPARE || FIND || TENFOLD_IN_EDITOR;
  const needed = [...(EXPORT || browsing ? ['dist/main/cli.js'] : []), ...(browsing ? ['dist/renderer/index.html'] : [])];
  for (const built of needed) {
    if (!existsSync(path.join(ROOT, built))) fail(`${built} is missing: run "npm run bench" (it builds first) or "npm run build"`);
  }
  if (browsing && !existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'policywright-bench-'));
  cleanups.push(() => (options.keep ? (console.log(`bench: kept ${tmp}`), Promise.resolve()) : fs.rm(tmp, { recursive: true, force: true })));
  const projectDir = path.join(tmp, 'project');
  const home = path.join(tmp, 'home');
  await fs.mkdir(home);

  const gen = await writeBenchProject(projectDir, SEED);
  // The app autosaves what is typed into the project; the peer must load the document as generated.
  const peerDocument = path.join(tmp, 'peer-document.policy.json');
  await fs.copyFile(gen.documentFile, peerDocument);
  console.log(
    `Document: ${gen.words.toLocaleString('en')} words, ${gen.blocks.toLocaleString('en')} blocks ` +
      `(${gen.counts.heading} headings: ${gen.levels.join('/')} at levels 1/2/3; ${gen.counts.paragraph} paragraphs; ` +
      `${gen.counts['list-item']} list items), ${(gen.bytes / 1024).toFixed(0)} KiB, seed ${SEED}`,
  );

  const ids = { firstId: gen.firstHeadingId, lastId: gen.lastHeadingId, targetId: gen.targetHeadingId };
  const measured = {}; // pass 1: frames at the display's refresh
  const unpaced = {}; // pass 2: frames on demand
  const problems = [];

  if (EDITOR) {
    // Signals are this script's to handle: it closes each browser itself, after the pages it measures.
    const launch = async (args) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args, timeout: 30_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
      let closed = false;
      const close = () => (closed ? Promise.resolve() : ((closed = true), browser.close()));
      cleanups.push(close);
      return { browser, close };
    };
    const launchUrl = options.only !== 'peer' ? await startApp(projectDir, home) : null;
    let app = null;
    // The same document in the middle of a review, in its own project and host: typing there with suggesting mode on.
    const review = launchUrl ? await prepareReviewProject(tmp) : null;
    let reviewApp = null;
    let peerUrl = null;
    if (options.only !== 'ours') {
      const peerDist = path.join(tmp, 'peer');
      await buildPeer(peerDist);
      const server = await startStaticServer(peerDist, { '/document.policy.json': peerDocument });
      cleanups.push(() => server.close());
      peerUrl = `${server.url}/plain.html`;
    }
    // Each editor opens the document as generated, never as an earlier measurement autosaved it.
    const measureAll = async (browser, into, opens, diagnose) => {
      if (launchUrl) {
        app ??= await appSession(browser, launchUrl);
        await fs.copyFile(peerDocument, gen.documentFile);
        into.ours = await measureEditor(browser, 'ours', app, ids, problems, { opens, diagnose });
        // The same page and DOM with no script behind the editor: what the browser itself takes per key.
        await fs.copyFile(peerDocument, gen.documentFile);
        into.floor = await measureEditor(browser, 'floor', app, ids, problems, { opens: 1 });
        reviewApp ??= await appSession(browser, await review.start());
        await fs.copyFile(review.pristine, review.gen.documentFile);
        into.review = await measureEditor(browser, 'review', reviewApp, review.ids, problems, { opens, diagnose, suggesting: true });
        await fs.copyFile(review.pristine, review.gen.documentFile);
        into.reviewFloor = await measureEditor(browser, 'reviewFloor', reviewApp, review.ids, problems, { opens: 1 });
      }
      if (peerUrl) into.peer = await measureEditor(browser, 'peer', { url: peerUrl, cookies: [] }, ids, problems, { opens, diagnose });
    };

    const paced = await launch(CHROMIUM_ARGS);
    console.log(`Browser: Chromium ${paced.browser.version()} (headless), ${os.cpus().length} CPUs\n`);
    console.log("Pass 1: frames at the display's 60 Hz refresh (opening, and keystrokes as the display paces them)");
    await measureAll(paced.browser, measured, OPENS, false);
    await paced.close();

    // The keystroke and Enter rows are read on this pass, several against the browser alone: each is measured in two
    // sessions, the second in the reverse order (the browser alone first), and the samples pooled, so that a stretch
    // of the run in which the two cores were busier falls on both sides alike.
    const onDemand = await launch([...CHROMIUM_ARGS, ...FRAMES_ON_DEMAND_ARGS]);
    console.log('\nPass 2: frames on demand (keystroke to the frame that shows it, no wait for a refresh)');
    await measureAll(onDemand.browser, unpaced, 1, true);
    if (launchUrl) {
      console.log('Pass 2, second round, the browser alone first');
      for (const who of ['floor', 'ours', 'reviewFloor', 'review']) {
        const reviewing = who === 'review' || who === 'reviewFloor';
        await fs.copyFile(reviewing ? review.pristine : peerDocument, reviewing ? review.gen.documentFile : gen.documentFile);
        const again = await measureEditor(onDemand.browser, who, reviewing ? reviewApp : app, reviewing ? review.ids : ids, problems, { opens: 1, suggesting: who === 'review' });
        unpaced[who] = poolSessions(unpaced[who], again);
      }
    }
    // Nothing of the browser's keeps running while the exporters are timed.
    await onDemand.close();
  }

  let exported = null;
  if (EXPORT) {
    const busy = await machineBusy(1000);
    console.log(`${EDITOR ? '\n' : ''}Export and import: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    // The untouched copy: the app has autosaved what the editor measurements typed into the original.
    exported = await inChild('exports.mjs', 'measureExports', { documentFile: peerDocument, tmp, only: options.only, busy });
    problems.push(...exported.problems);
    exported.rows.push(...(await inChild('store.mjs', 'measureStore', { documentFile: peerDocument, tmp })));
    const cli = await measureCli({ tmp });
    problems.push(...cli.problems);
    exported.rows.push(...cli.rows);
  }

  let compared = null;
  if (COMPARE) {
    const busy = await machineBusy(1000);
    console.log(`\nCompare: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    compared = await inChild('compare.mjs', 'measureCompare', { seed: SEED });
    problems.push(...compared.problems);

    // The same two editions in the app: the generated document as a saved version, the edited one as the draft.
    const compareDir = path.join(tmp, 'compare-project');
    const compareGen = await writeBenchProject(compareDir, SEED);
    await prepareComparedProject(compareDir, compareGen.documentFile, SEED);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    cleanups.push(() => browser.close().catch(() => undefined));
    const view = await measureCompareView(browser, await appSession(browser, await startApp(compareDir, home)), VIEWPORT);
    await browser.close();
    problems.push(...view.problems);
    compared.rows.push(...view.rows);
  }

  let found = null;
  if (FIND) {
    const busy = await machineBusy(1000);
    console.log(`\nFind and replace: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    // Its own copy of the project, as generated: the editor rows typed into theirs, and their host may still run.
    const findDir = path.join(tmp, 'find-project');
    const findGen = await writeBenchProject(findDir, SEED);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    cleanups.push(() => browser.close().catch(() => undefined));
    found = await measureFind(browser, await appSession(browser, await startApp(findDir, home)), { documentFile: findGen.documentFile, viewport: VIEWPORT });
    await browser.close();
    problems.push(...found.problems);
  }

  let tenfold = null;
  if (TENFOLD_IN_EDITOR) {
    const busy = await machineBusy(1000);
    console.log(`\nTen times the document: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    tenfold = TENFOLD ? await inChild('tenfold.mjs', 'measureTenfold', { seed: SEED, tmp }) : { rows: [], problems: [] };
    problems.push(...tenfold.problems);
    if (options.only !== 'peer') tenfold.rows.unshift(...(await measureTenfoldEditor(tmp, problems)));
  }

  let synced = null;
  if (SYNC) {
    const busy = await machineBusy(1000);
    console.log(`\nSync: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    synced = await inChild('sync.mjs', 'measureSync', { seed: SEED, tmp });
    problems.push(...synced.problems);
  }

  let big = null;
  if (PROJECTS) {
    const busy = await machineBusy(1000);
    console.log(`\nBig projects: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
    if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
    big = await inChild('big-projects.mjs', 'measureBigProjects', { tmp });
    problems.push(...big.problems);
  }

  const row = (name, unit, pass, get, peer = PEER, peerWho = 'peer') => ({
    name,
    value: pass.ours ? round(get(pass.ours)) : null,
    unit,
    peer,
    peerValue: pass[peerWho] ? round(get(pass[peerWho])) : null,
  });
  const p95 = (m) => percentile(m.type, 95);
  const editorRows = [
    row('editor.open.ms', 'ms', measured, (m) => m.open.median),
    row('editor.open.full.ms', 'ms', measured, (m) => m.full.median),
    row('editor.keystroke.p95.ms', 'ms', unpaced, p95),
    row('editor.keystroke.p50.ms', 'ms', unpaced, (m) => percentile(m.type, 50)),
    row('editor.enter.p95.ms', 'ms', unpaced, (m) => percentile(m.enter, 95)),
    // The same figures beside the browser's own share of them, on exactly our page: how much our script adds.
    row('editor.keystroke.p95.vs-browser.ms', 'ms', unpaced, p95, FLOOR, 'floor'),
    // The browser's own Enter in the script-free copy splits the paragraph as an editor does (a new block, the caret in it).
    row('editor.enter.p95.vs-browser.ms', 'ms', unpaced, (m) => percentile(m.enter, 95), FLOOR, 'floor'),
    row('editor.keystroke.p95.vsync.ms', 'ms', measured, p95),
    row('editor.keystroke.p50.vsync.ms', 'ms', measured, (m) => percentile(m.type, 50)),
    row('editor.keystroke.p95.vsync.vs-browser.ms', 'ms', measured, p95, FLOOR, 'floor'),
    row('editor.jsheap.mb', 'MB', measured, (m) => m.heapMb),
    // Issue 15: the review document opens, and types with suggesting mode on within 1.3× the browser alone on it.
    { ...row('editor.open.review.ms', 'ms', { ours: measured.review, peer: measured.ours }, (m) => m.open.median), peer: `${OURS} on the same document without suggestions or comments` },
    ...reviewTypingRows(unpaced, p95, row),
  ];
  const exportRows =
    exported?.rows ??
    [...Object.keys(EXPORT_TARGETS), ...Object.keys(STORE_TARGETS), ...Object.keys(CLI_TARGETS)].map((name) => ({ name, value: null, unit: 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const compareRows =
    compared?.rows ??
    [...Object.keys(COMPARE_TARGETS), ...Object.keys(COMPARE_VIEW_TARGETS), 'compare.scroll.p95.ms'].map((name) => ({ name, value: null, unit: 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const findRows =
    found?.rows ?? Object.keys(FIND_TARGETS).map((name) => ({ name, value: null, unit: 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const tenfoldRows =
    tenfold?.rows ??
    [...TENFOLD_EDITOR_ROWS, ...Object.keys(TENFOLD_TARGETS)].map((name) => ({ name, value: null, unit: name.endsWith('.mb') ? 'MB' : 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const syncRows =
    synced?.rows ?? Object.keys(SYNC_TARGETS).map((name) => ({ name, value: null, unit: 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const bigRows =
    big?.rows ??
    [...Object.keys(BIG_PROJECT_TARGETS), 'versions.check.1000.ms', 'compare.version.1000.ms', 'compare.version.10.ms'].map((name) => ({ name, value: null, unit: 'ms', peer: `(not measured: --part ${options.part})`, peerValue: null }));
  const rows = [...editorRows, ...exportRows, ...compareRows, ...findRows, ...tenfoldRows, ...syncRows, ...bigRows];

  printTable(rows);
  for (const [who, m] of Object.entries(measured)) printDetails(`${LABELS[who]}, frames at the display's refresh`, m, who);
  for (const [who, m] of Object.entries(unpaced)) printDetails(`${LABELS[who]}, frames on demand`, m, who);
  for (const [who, m] of Object.entries(tenfoldMeasured)) printDetails(`${LABELS[who]}, frames on demand`, m, who);
  if (exported) {
    console.log('');
    for (const line of exported.details) console.log(line);
  }

  await fs.mkdir(path.dirname(RESULTS), { recursive: true });
  await fs.writeFile(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(ROOT, RESULTS)} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);

  if (problems.length) {
    console.error(`\nbench: a measurement broke or a correctness check failed (figures above are not trustworthy):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

/**
 * The keystroke row of the review document, under the name of the mode it was typed in: suggesting mode on, or (while
 * the app has no toggle) off, the other row then saying why it has no figure.
 */
function reviewTypingRows(pass, p95, row) {
  const peers = { ours: pass.review, floor: pass.reviewFloor };
  const empty = (name, peer) => ({ name, value: null, unit: 'ms', peer, peerValue: null });
  if (!pass.review) return [empty('editor.keystroke.suggesting.p95.ms', REVIEW_FLOOR), empty('editor.keystroke.review.p95.ms', REVIEW_FLOOR)];
  if (pass.review.suggesting === 'missing') {
    return [empty('editor.keystroke.suggesting.p95.ms', SUGGESTING_NOT_BUILT), row('editor.keystroke.review.p95.ms', 'ms', peers, p95, REVIEW_FLOOR, 'floor')];
  }
  return [row('editor.keystroke.suggesting.p95.ms', 'ms', peers, p95, REVIEW_FLOOR, 'floor'), empty('editor.keystroke.review.p95.ms', '(typed with suggesting mode on: see editor.keystroke.suggesting.p95.ms)')];
}

/**
 * Ten times the document in the editor (issue 21): the 20,000-section / 1M-word policy in the app, in its own project
 * and web host, then the browser alone on the same page. One browser, frames on demand (as the keystroke rows): the
 * document opens twice (first screen: the median, as editor.open.ms), then the same keys as on the 100k document are
 * typed into the middle of section 10,000's body, and the JS heap is read after a forced GC with all of it open. Then
 * a second session of each, the browser alone first; the keys and Enters of both sessions are pooled.
 */
async function measureTenfoldEditor(tmp, problems) {
  const dir = path.join(tmp, 'tenfold-editor-project');
  const home = path.join(tmp, 'tenfold-editor-home');
  await fs.mkdir(home);
  const gen = await writeBenchProject(dir, SEED, { size: TENFOLD_SIZE });
  // Each editor opens the document as generated, never as an earlier measurement autosaved it.
  const pristine = path.join(tmp, 'tenfold-editor-document.policy.json');
  await fs.copyFile(gen.documentFile, pristine);
  console.log(
    `  the editor on ${gen.words.toLocaleString('en')} words, ${gen.blocks.toLocaleString('en')} blocks (${(gen.bytes / 1024 / 1024).toFixed(1)} MB), ` +
      `typing into section ${TENFOLD_SIZE.target.toLocaleString('en')}:`,
  );
  const ids = { firstId: gen.firstHeadingId, lastId: gen.lastHeadingId, targetId: gen.targetHeadingId, section: TENFOLD_SIZE.target };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...FRAMES_ON_DEMAND_ARGS],
    timeout: 30_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close().catch(() => undefined));
  const session = await appSession(browser, await startApp(dir, home));
  // With --profile or --trace, the typing and the Enters are the ones profiled, as on the 100k document.
  tenfoldMeasured.tenfold = await measureEditor(browser, 'tenfold', session, ids, problems, { opens: 2, diagnose: options.profile || options.trace });
  await fs.copyFile(pristine, gen.documentFile);
  // With --trace the floor's typing is traced too, to set beside ours (profiles are of our code only).
  tenfoldMeasured.tenfoldFloor = await measureEditor(browser, 'tenfoldFloor', session, ids, problems, { opens: 1, diagnose: options.trace });
  // A second session of each, the browser alone first, pooled as on the 100k document (the ratio rows read them both).
  console.log('  second round, the browser alone first');
  for (const who of ['tenfoldFloor', 'tenfold']) {
    await fs.copyFile(pristine, gen.documentFile);
    tenfoldMeasured[who] = poolSessions(tenfoldMeasured[who], await measureEditor(browser, who, session, ids, problems, { opens: 1 }));
  }
  await browser.close();

  const ours = tenfoldMeasured.tenfold;
  const floor = tenfoldMeasured.tenfoldFloor;
  const row = (name, unit, value, peer, peerValue = null) => ({ name, value: round(value), unit, peer, peerValue: peerValue === null ? null : round(peerValue) });
  return [
    row('editor.open.1m.ms', 'ms', ours.open.median, '(no peer: the first screen of the 1M-word document, median of 2 opens, frames on demand)'),
    row('editor.open.full.1m.ms', 'ms', ours.full.median, '(no peer: every block of the 1M-word document in the page, same opens)'),
    row('editor.keystroke.1m.p95.ms', 'ms', percentile(ours.type, 95), TENFOLD_FLOOR, percentile(floor.type, 95)),
    row('editor.enter.1m.p95.ms', 'ms', percentile(ours.enter, 95), TENFOLD_FLOOR, percentile(floor.enter, 95)),
    row('editor.jsheap.1m.mb', 'MB', ours.heapMb, '(no peer: JS heap after a forced GC, the 1M-word document open and typed into)'),
  ];
}

/** Starts the built app's web host on the project, as the e2e tests do, and returns the launch address it prints. */
async function startApp(projectDir, home) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), 'serve', projectDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, POLICYWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start in 15 s: ${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = LAUNCH_ADDRESS.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      onData(chunk);
      process.stderr.write(`[web host] ${chunk}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited (${code ?? signal}): ${output}`));
    });
  });
}

/** Builds renderer/bench/plain.html with its own Vite config, into this run's temporary folder. */
async function buildPeer(outDir) {
  const t = performance.now();
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'renderer', 'bench', 'vite.config.mjs'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  console.log(`Built the peer page in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/**
 * Opens the editor OPENS times (a fresh browser context each time) and keeps the last page open for typing:
 * WARMUP_KEYS + KEYS characters into the middle of section ~1,000's body paragraph, then ENTERS presses of Enter there.
 */
async function measureEditor(browser, who, session, ids, problems, { opens: openCount = OPENS, diagnose = false, suggesting = false } = {}) {
  const label = LABELS[who];
  const isFloor = FLOORS.has(who);
  const busy = await machineBusy(1000);
  console.log(`${label}: measuring (machine ${busy.toFixed(0)}% busy just before, load average ${os.loadavg()[0].toFixed(1)})`);
  if (busy > 25) console.log(`  warning: other processes are using the CPU; these figures will be pessimistic and noisy`);
  const opens = [];
  let page = null;
  let context = null;
  const pageErrors = [];
  for (let i = 0; i < openCount; i++) {
    if (context) await context.close();
    context = await sessionContext(browser, session, { viewport: VIEWPORT });
    const ctx = context;
    cleanups.push(() => ctx.close().catch(() => undefined));
    await context.addInitScript(installProbe, ids);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    const profiler = options.profile && (!diagnose || process.env.BENCH_PROFILE_OPEN === '1') && !isFloor && i === openCount - 1 ? await startProfile(context, page) : null;
    const tracingOpen = options.trace && (!diagnose || process.env.BENCH_PROFILE_OPEN === '1') && !isFloor && i === openCount - 1;
    if (tracingOpen) await startTrace(browser, page);
    const openHeap = process.env.BENCH_HEAP && !diagnose && !isFloor && i === openCount - 1 ? await startHeapSampling(context, page) : null;
    await page.goto(session.url, { waitUntil: 'commit', timeout: OPEN_TIMEOUT_MS });
    await page.waitForFunction(() => window.__bench?.open && window.__bench.firstScreen, null, { timeout: OPEN_TIMEOUT_MS, polling: 100 });
    if (profiler) await stopProfile(profiler, `${who}-open`, { top: 30 });
    if (tracingOpen) await stopTrace(browser, `${who}-open`, 1);
    if (openHeap) await stopHeapSampling(openHeap, `${who}-open`);
    const open = await page.evaluate(() => ({
      ...window.__bench.open,
      first: window.__bench.firstScreen,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      api: performance
        .getEntriesByType('resource')
        .filter((e) => /\/api\/|\.json$/.test(e.name))
        .map((e) => ({ name: e.name.replace(/^.*\//, ''), start: e.startTime, ms: e.duration, kb: e.transferSize / 1024 })),
    }));
    opens.push(open);
    if (!open.shown) problems.push(`${label}: the first section was not visible ${open.frames} frames after the document loaded`);
    if (!open.first?.shown) problems.push(`${label}: the first section was not visible, in an editor taking input, ${open.first?.frames} frames after it was in the page`);
    console.log(
      `  open ${i + 1}/${openCount}: first screen ${open.first.painted.toFixed(0)} ms, whole document ${open.painted.toFixed(0)} ms (FCP ${open.fcp?.toFixed(0) ?? '?'} ms; ` +
        `${open.api.map((a) => `${a.name} ${a.start.toFixed(0)}+${a.ms.toFixed(0)} ms`).join(', ')})`,
    );
  }

  if (isFloor) {
    // A deep copy carries no listeners and no React or Slate behind it; the browser edits it natively.
    await page.evaluate(() => {
      const editor = document.querySelector('[data-slate-editor]');
      editor.replaceWith(editor.cloneNode(true));
    });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const described = await page.evaluate(() => window.__bench.describe());

  // Click into the middle of section ~1,000's body paragraph.
  const paragraph = await page.evaluate(async (targetId) => {
    const bench = window.__bench;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    for (let i = 0; i < 3; i++) {
      // Off-screen chunks have estimated heights until they render: scroll, let them render, scroll again.
      bench.blockAfterHeading(targetId)?.element?.scrollIntoView({ block: 'center' });
      await frame();
      await frame();
    }
    const found = bench.blockAfterHeading(targetId);
    if (!found?.element) return null;
    const r = found.element.getBoundingClientRect();
    return { index: found.index, text: found.element.textContent, x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 40), tag: found.element.tagName };
  }, ids.targetId);
  const section = ids.section ?? TARGET_SECTION;
  if (!paragraph) throw new Error(`${label}: cannot find the body paragraph of section ${section}`);
  await page.mouse.click(paragraph.x, paragraph.y);
  await page.waitForTimeout(300);
  const caretInside = await page.evaluate((index) => {
    const block = window.__bench.blocks()[index];
    const selection = getSelection();
    return Boolean(block && selection?.anchorNode && block.contains(selection.anchorNode));
  }, paragraph.index);
  if (!caretInside) throw new Error(`${label}: the click did not put the caret into section ${section}'s body`);
  // Without the toggle (another part of issue 15), the review document is typed into with suggesting mode off: what
  // its marks and comments alone cost a key (editor.keystroke.review.p95.ms).
  const mode = suggesting ? await turnOnSuggesting(page) : null;
  if (mode === 'off') problems.push(`${label}: Ctrl+Shift+E did not turn suggesting mode on (the "Suggesting" button is not pressed)`);
  if (mode === 'missing') console.log(`  typing with suggesting mode off: ${SUGGESTING_NOT_BUILT}`);

  const text = PHRASE.repeat(Math.ceil((WARMUP_KEYS + KEYS) / PHRASE.length)).slice(0, WARMUP_KEYS + KEYS);
  /** One key at a time: each is sent only when the previous one's sample has been recorded. */
  const pressKeys = async (keys, phase, press) => {
    let n = await page.evaluate((p) => (window.__bench.setPhase(p), window.__bench.samples.length), phase);
    for (const key of keys) {
      await press(key);
      n += 1;
      await page.evaluate(([count, timeout]) => window.__bench.waitForSamples(count, timeout), [n, KEY_TIMEOUT_MS]);
    }
  };
  const typeKeys = (chars, phase) => pressKeys([...chars], phase, (ch) => page.keyboard.type(ch));

  await typeKeys(text.slice(0, WARMUP_KEYS), 'warmup');
  const tracing = options.trace && diagnose;
  if (tracing) await startTrace(browser, page);
  const typingProfiler = options.profile && diagnose && !isFloor ? await startProfile(context, page) : null;
  const before = metricsOf(await cdp.send('Performance.getMetrics'));
  const typeStart = performance.now();
  await typeKeys(text.slice(WARMUP_KEYS), 'type');
  const typeWallMs = performance.now() - typeStart;
  const after = metricsOf(await cdp.send('Performance.getMetrics'));
  if (typingProfiler) await stopProfile(typingProfiler, `${who}-typing`, { per: KEYS, unit: 'ms per key' });
  if (tracing) await stopTrace(browser, `${who}-typing`, KEYS);

  const typedOk = await page.evaluate(([index, typed]) => (window.__bench.blocks()[index]?.textContent ?? '').includes(typed), [paragraph.index, text]);
  if (!typedOk) problems.push(`${label}: the typed text is not in section ${section}'s body paragraph`);

  // Let typing-pause work (the app's outline refresh and autosave) finish outside the Enter measurements.
  await page.evaluate(() => window.__bench.setPhase('settle'));
  const settleProfiler = options.profile && diagnose && !isFloor ? await startProfile(context, page) : null;
  await page.waitForTimeout(SETTLE_MS);
  if (settleProfiler) await stopProfile(settleProfiler, `${who}-settle`, { top: 20 });

  const blocksBefore = await page.evaluate(() => window.__bench.blocks().length);
  if (tracing) await startTrace(browser, page);
  const enterProfiler = options.profile && diagnose && !isFloor ? await startProfile(context, page) : null;
  // BENCH_HEAP=1: a sampling heap profile of the Enters beside the traces.
  const heapSession = process.env.BENCH_HEAP && !isFloor ? await startHeapSampling(context, page) : null;
  await pressKeys(Array(ENTERS).fill('Enter'), 'enter', (key) => page.keyboard.press(key));
  if (heapSession) await stopHeapSampling(heapSession, `${who}-enter`);
  if (enterProfiler) await stopProfile(enterProfiler, `${who}-enter`, { per: ENTERS, unit: 'ms per Enter' });
  if (tracing) await stopTrace(browser, `${who}-enter`, ENTERS);
  await page.evaluate(() => window.__bench.setPhase('done'));
  const blocksAfter = await page.evaluate(() => window.__bench.blocks().length);
  // The browser's own Enter copies the block it splits, which is not what an editor does: only typing counts there.
  if (!isFloor && blocksAfter !== blocksBefore + ENTERS) {
    problems.push(`${label}: ${ENTERS} Enters made ${blocksAfter - blocksBefore} new blocks (${blocksBefore} → ${blocksAfter})`);
  }

  await cdp.send('HeapProfiler.collectGarbage');
  const final = metricsOf(await cdp.send('Performance.getMetrics'));
  const state = await page.evaluate(() => ({
    samples: window.__bench.samples,
    longTasks: window.__bench.longTasks,
    phases: window.__bench.phases,
    // The app's rehearsal of the first Enter (renderer/editor/rehearsal.tsx), when it ran: its place among the phases.
    rehearsal: performance.getEntriesByName('Policywright: Enter rehearsal').map((e) => ({ start: e.startTime, end: e.startTime + e.duration })),
  }));
  if (pageErrors.length) problems.push(`${label}: the page reported errors: ${pageErrors.slice(0, 3).join(' | ')}`);
  await context.close();

  const type = state.samples.filter((s) => s.phase === 'type').map((s) => s.ms);
  const enter = state.samples.filter((s) => s.phase === 'enter').map((s) => s.ms);
  // How long each typed key's event waited before the page could handle it (already part of its latency).
  const queued = state.samples.filter((s) => s.phase === 'type').map((s) => s.queued);
  if (type.length !== KEYS) problems.push(`${label}: ${type.length} typing samples, expected ${KEYS}`);
  if (enter.length !== ENTERS) problems.push(`${label}: ${enter.length} Enter samples, expected ${ENTERS}`);
  const paints = opens.map((o) => o.first.painted);
  const fullPaints = opens.map((o) => o.painted);
  const perKey = (name) => (after[name] - before[name]) / type.length;
  return {
    busy,
    suggesting: mode,
    open: { all: paints, median: percentile(paints, 50), last: opens[opens.length - 1] },
    full: { all: fullPaints, median: percentile(fullPaints, 50) },
    type,
    queued,
    enter,
    heapMb: final.JSHeapUsedSize / 1024 / 1024,
    typeWallMs,
    described: { ...described, blocksAfter },
    perKey: {
      scriptMs: perKey('ScriptDuration') * 1000,
      recalcStyleMs: perKey('RecalcStyleDuration') * 1000,
      layoutMs: perKey('LayoutDuration') * 1000,
      taskMs: perKey('TaskDuration') * 1000,
      layouts: perKey('LayoutCount'),
      styleRecalcs: perKey('RecalcStyleCount'),
    },
    longTasks: attributeLongTasks(state.longTasks, state.phases),
    rehearsal: state.rehearsal.map((r) => ({ from: phaseAt(state.phases, r.start), to: phaseAt(state.phases, r.end) })),
  };
}

/**
 * Presses Ctrl+Shift+E (suggesting mode, as Word's Track Changes) with the caret in the text, and reads the toolbar:
 * 'on' when its "Suggesting" button is pressed, 'off' when the button is there but not pressed, 'missing' without it.
 */
async function turnOnSuggesting(page) {
  await page.keyboard.press('Control+Shift+E');
  const pressed = page.getByRole('button', { name: 'Suggesting', pressed: true, includeHidden: true });
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if ((await pressed.count()) > 0) return 'on';
    await page.waitForTimeout(100);
  }
  return (await page.getByRole('button', { name: 'Suggesting', includeHidden: true }).count()) > 0 ? 'off' : 'missing';
}

/** The review variant of the bench project, a pristine copy of its document, and how to start a web host serving it. */
async function prepareReviewProject(tmp) {
  const dir = path.join(tmp, 'review-project');
  // Its own home: a host keeps its origin's name in its home, and the two hosts' session cookies stay apart.
  const home = path.join(tmp, 'review-home');
  await fs.mkdir(home);
  // The person has given their name already: suggesting asks for it once, and the bench measures typing, not that.
  await fs.writeFile(path.join(home, 'settings.json'), `${JSON.stringify({ teamLibrary: null, identity: { name: 'Bench Reviewer' } }, null, 2)}\n`);
  const gen = await writeBenchProject(dir, SEED, { review: true });
  const pristine = path.join(tmp, 'review-document.policy.json');
  await fs.copyFile(gen.documentFile, pristine);
  console.log(`Review document: the same, with ${gen.suggestions} open suggestions and ${gen.comments} comment threads, ${(gen.bytes / 1024).toFixed(0)} KiB`);
  // The host starts when the review rows are measured: its launch address is good for a minute only.
  return { gen, pristine, ids: { firstId: gen.firstHeadingId, lastId: gen.lastHeadingId, targetId: gen.targetHeadingId }, start: () => startApp(dir, home) };
}

async function startTrace(browser, page) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline.frame', ...(process.env.BENCH_TRACE_GC ? ['v8', 'disabled-by-default-v8.gc', 'blink.gc'] : []), ...(process.env.BENCH_TRACE_CPU ? ['disabled-by-default-v8.cpu_profiler'] : [])],
  });
}

async function stopTrace(browser, name, keys) {
  const buffer = await browser.stopTracing();
  await fs.mkdir(TRACE_DIR, { recursive: true });
  const file = path.join(TRACE_DIR, `trace-${name}.json`);
  await fs.writeFile(file, buffer);
  console.log(`  trace: ${path.relative(ROOT, file)} (open it in chrome://tracing or the DevTools Performance panel)`);
  for (const line of summariseTrace(buffer, keys, 12)) console.log(`    ${line}`);
}

/** A sampling heap profile (BENCH_HEAP=1): what a phase allocates, garbage included, by the function that allocated it. */
async function startHeapSampling(context, page) {
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
  return session;
}

async function stopHeapSampling(session, name) {
  const { profile } = await session.send('HeapProfiler.stopSampling');
  await session.detach();
  await fs.mkdir(TRACE_DIR, { recursive: true });
  await fs.writeFile(path.join(TRACE_DIR, `${name}.heapprofile`), JSON.stringify(profile));
}

async function startProfile(context, page) {
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return session;
}

async function stopProfile(session, name, summary) {
  const { profile } = await session.send('Profiler.stop');
  await session.detach();
  await fs.mkdir(TRACE_DIR, { recursive: true });
  const file = path.join(TRACE_DIR, `${name}.cpuprofile`);
  await fs.writeFile(file, JSON.stringify(profile));
  console.log(`  profile: ${path.relative(ROOT, file)} (open it in the DevTools Performance panel)`);
  for (const line of summariseProfile(profile, summary)) console.log(`    ${line}`);
}

/** Share of all CPUs not idle over the next `ms`, from /proc/stat (0 where that cannot be read). */
async function machineBusy(ms) {
  const sample = async () => {
    const line = (await fs.readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = await sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = await sample();
  return b.total > a.total ? (100 * (1 - (b.idle - a.idle) / (b.total - a.total))) : 0;
}

function metricsOf(reply) {
  return Object.fromEntries(reply.metrics.map((m) => [m.name, m.value]));
}

/** Long tasks per phase: how many, the longest and the total, to show where stalls happened. */
function attributeLongTasks(longTasks, phases) {
  const out = {};
  for (const task of longTasks) {
    let phase = 'load';
    for (const p of phases) if (p.at <= task.start) phase = p.phase;
    const entry = (out[phase] ??= { count: 0, maxMs: 0, totalMs: 0 });
    entry.count++;
    entry.maxMs = Math.max(entry.maxMs, task.ms);
    entry.totalMs += task.ms;
  }
  return out;
}

function printTable(rows) {
  const header = ['name', 'ours', 'peer', 'unit', 'target', 'met'];
  const lines = rows.map((r) => {
    const target = TARGETS[r.name];
    const times = PEER_TARGETS[r.name];
    const fastEnough = times === undefined || (r.value !== null && r.peerValue !== null && r.peerValue / r.value >= times);
    const met = target === undefined || r.value === null ? '' : r.value <= target && fastEnough ? 'yes' : 'NO';
    const wanted = [target === undefined ? '' : `≤ ${target}`, times === undefined ? '' : `≥ ${times}× peer`].filter(Boolean).join(', ');
    return [r.name, fmt(r.value), fmt(r.peerValue), r.unit, wanted, met];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\nOurs: ${OURS} (editor rows: web host, ${DOCUMENT_ID}; export/import rows: shared/ code in Node)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  // Each row's peer, rows with the same peer together.
  const peers = new Map();
  for (const r of rows) peers.set(r.peer, [...(peers.get(r.peer) ?? []), r.name]);
  console.log('editor.open.ms is the first screen, shown in an editor that takes input; editor.open.full.ms has every block in the page.');
  console.log(
    'editor.keystroke and editor.enter rows: from the key event to the frame that shows it, frames made on demand (the key\'s own cost to the screen);\n' +
      '*.vsync rows: the same keys with frames at the display\'s 60 Hz refresh, which adds the wait for the next refresh.',
  );
  console.log('Peers:');
  for (const [peer, names] of peers) console.log(`  ${names.length > 1 ? `${names[0]} … ${names[names.length - 1]}` : names[0]}: ${peer}`);
  for (const [name, target] of Object.entries(TARGETS)) {
    const row = rows.find((r) => r.name === name);
    if (row?.value !== null && row?.value !== undefined) {
      console.log(`${row.value <= target ? 'Target met' : 'Target MISSED'}: ${name} = ${row.value} (target ≤ ${target})`);
    }
  }
  for (const [name, times] of Object.entries(PEER_TARGETS)) {
    const row = rows.find((r) => r.name === name);
    if (row?.value && row.peerValue) {
      const ratio = row.peerValue / row.value;
      console.log(`${ratio >= times ? 'Target met' : 'Target MISSED'}: ${name} is ${ratio.toFixed(1)}× faster than its peer (target ≥ ${times}×)`);
    }
  }
  // Issue 12: the journal and the save's check cost the typist nothing: typing within 1.3× the browser alone, same run.
  // Issue 15: the same with suggesting mode on, 500 open suggestions and 200 comment threads in the document.
  // Issue 21: Enter within 1.5× the browser's own, and typing into the 1M-word document within 1.5× the browser alone on it.
  for (const [name, limit] of Object.entries(RATIO_TARGETS)) {
    const typed = rows.find((r) => r.name === name);
    if (typed?.value && typed.peerValue) {
      const ratio = typed.value / typed.peerValue;
      console.log(`${ratio <= limit ? 'Target met' : 'Target MISSED'}: ${name.replace(/\.vs-browser\.ms$|\.ms$/, '')} / browser alone = ${ratio.toFixed(2)} (target ≤ ${limit})`);
    }
  }
}

function printDetails(label, m, who) {
  const k = m.perKey;
  console.log(`\n${label} (machine ${m.busy.toFixed(0)}% busy before measuring):`);
  if (!FLOORS.has(who)) console.log(`  opens, first screen: ${m.open.all.map((v) => v.toFixed(0)).join(', ')} ms (median ${m.open.median.toFixed(0)})`);
  if (!FLOORS.has(who)) console.log(`  opens, whole document in the page: ${m.full.all.map((v) => v.toFixed(0)).join(', ')} ms (median ${m.full.median.toFixed(0)})`);
  const waited = percentile(m.queued, 95);
  const sessions = m.sessions ?? [m];
  console.log(
    `  typing: ${m.type.length} keys${sessions.length > 1 ? ` in ${sessions.length} sessions` : ` in ${(m.typeWallMs / 1000).toFixed(1)} s`}; p50 ${fmt(round(percentile(m.type, 50)))}, ` +
      `p95 ${fmt(round(percentile(m.type, 95)))}, max ${fmt(round(Math.max(...m.type)))} ms; ` +
      `Enter p50 ${fmt(round(percentile(m.enter, 50)))}, p95 ${fmt(round(percentile(m.enter, 95)))}, max ${fmt(round(Math.max(...m.enter)))} ms; ` +
      `a key waited p95 ${fmt(round(waited))} ms before it was handled`,
  );
  for (const [n, session] of sessions.entries()) {
    const which = sessions.length > 1 ? ` (session ${n + 1}, ${session.busy.toFixed(0)}% busy before)` : '';
    console.log(`  each Enter in order${which}: ${session.enter.map((ms) => fmt(round(ms))).join(', ')} ms`);
    // Where the slow keys fall (every few keys, or in a few bursts) says what delays them: a render, a timer, a task.
    const slowest = session.type.map((ms, index) => ({ ms, index })).sort((a, b) => b.ms - a.ms).slice(0, 16);
    console.log(`  slowest keys${which} (key number: ms): ${slowest.map(({ ms, index }) => `${index + 1}: ${fmt(round(ms))}`).join(', ')}`);
  }
  console.log(
    `  per key (CDP, main thread): script ${k.scriptMs.toFixed(1)} ms, style ${k.recalcStyleMs.toFixed(1)} ms, ` +
      `layout ${k.layoutMs.toFixed(1)} ms, all tasks ${k.taskMs.toFixed(1)} ms; ${k.styleRecalcs.toFixed(1)} style recalcs, ${k.layouts.toFixed(1)} layouts`,
  );
  console.log(
    `  DOM: ${m.described.domNodes.toLocaleString('en')} elements (${m.described.editorNodes.toLocaleString('en')} nodes inside the editor), ` +
      `${m.described.blocks.toLocaleString('en')} blocks, ` +
      `${m.described.contentVisibilityAuto} content-visibility:auto containers; JS heap after GC ${m.heapMb.toFixed(1)} MB`,
  );
  const lt = Object.entries(m.longTasks).map(([phase, t]) => `${phase} ${t.count}× (max ${t.maxMs.toFixed(0)}, total ${t.totalMs.toFixed(0)} ms)`);
  if (lt.length) console.log(`  long tasks: ${lt.join('; ')}`);
  if (m.rehearsal?.length) console.log(`  the app's rehearsal of the first Enter ran ${m.rehearsal.map((r) => `from ${r.from} to ${r.to}`).join('; ')}`);
}

/** Two sessions of one editor as one measurement: their keys and Enters together; opening and the rest from the first. */
function poolSessions(first, second) {
  return {
    ...first,
    type: [...first.type, ...second.type],
    queued: [...first.queued, ...second.queued],
    enter: [...first.enter, ...second.enter],
    sessions: [...(first.sessions ?? [first]), second].map(({ type, enter, busy }) => ({ type, enter, busy })),
  };
}

/** Where a page time falls among the phases: "typing, 1.2 s in", say. */
function phaseAt(phases, at) {
  const phase = [...phases].reverse().find((p) => p.at <= at) ?? phases[0];
  return `${phase.phase}, ${((at - phase.at) / 1000).toFixed(2)} s in`;
}

/** Nearest-rank percentile. */
function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function round(value) {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
}

function fmt(value) {
  return value === null || value === undefined ? '—' : String(value);
}

function positiveInt(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number`);
  return n;
}

function fail(message) {
  throw new Error(message);
}
