// The export and import half of `npm run bench`: the app's own exporters (shared/export) and importer (shared/import),
// bundled from the TypeScript sources with esbuild as generate.mjs does, timed in a Node process of their own
// (in-child.mjs) on the benchmark document, against pandoc (HTML and DOCX) and mammoth alone (DOCX import). See
// bench/README.md.
//
// Only the call is timed: the document is read and parsed from disk before, the DOCX bytes the importer reads are the
// ones exportDocx returned, in memory. pandoc is a process of its own, so its times are wall clock from spawn to exit,
// Markdown in on stdin, HTML out on stdout or the .docx written by pandoc itself; its start-up is measured apart.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { loadShared, ROOT } from './load-shared.mjs';


export const PANDOC = process.env.PANDOC_PATH ?? '/usr/bin/pandoc';
export const EXPORT_TARGETS = { 'export.html.100k.ms': 20, 'export.docx.100k.ms': 300, 'import.docx.100k.ms': 500 };
/** How many times faster than its peer, measured in the same run, a row must be (issue 21: DOCX export ≥ 4× pandoc). */
export const EXPORT_PEER_TARGETS = { 'export.docx.100k.ms': 4 };

const HTML_RUNS = 5;
const DOCX_RUNS = 5;
const IMPORT_RUNS = 3;
const PANDOC_RUNS = 3;
const PANDOC_TIMEOUT_MS = 60_000;

/**
 * The exporters and the importer, bundled from shared/ into one module loaded from memory. The packages (docx,
 * mammoth, jszip, parse5 …) are bundled too; the CommonJS ones ask for Node built-ins with require(), which an ES
 * module does not have, so the banner gives them one.
 */
function loadSharedCode() {
  return loadShared([
    "export { exportHtml } from './shared/export/html';",
    "export { exportDocx } from './shared/export/docx';",
    "export { exportMarkdown } from './shared/export/markdown';",
    "export { importDocument } from './shared/import/index';",
    "export { parseFile } from './shared/format/parse';",
    "export { PolicyDocumentSchema } from './shared/model/document';",
    "export { default as mammoth } from 'mammoth';",
  ]);
}

/**
 * A full garbage collection before each timed run, so that no run pays for the garbage of the one before it. Garbage
 * a run makes itself is still collected, and counted, during that run. Without --expose-gc it is a no-op.
 */
export const collectGarbage = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    return typeof gc === 'function' ? gc : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/** Times `run` once cold (which is also the warm-up), then `rounds` more times; returns { cold, runs, median, last }. */
async function timeRuns(run, rounds) {
  collectGarbage();
  let t = performance.now();
  let last = await run();
  const cold = performance.now() - t;
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    t = performance.now();
    last = await run();
    runs.push(performance.now() - t);
  }
  return { cold, runs, median: median(runs), last };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** pandoc's first --version line, or why it cannot be used (then the pandoc peers are skipped). */
async function pandocVersion() {
  if (!existsSync(PANDOC)) return { skipped: `pandoc is not installed at ${PANDOC} (set PANDOC_PATH)` };
  try {
    const { code, stdout, stderr } = await runProcess(PANDOC, ['--version'], { input: '' });
    if (code !== 0) return { skipped: `"${PANDOC} --version" exited with ${code}: ${stderr.trim().slice(0, 200)}` };
    return { version: stdout.split('\n')[0].trim() };
  } catch (error) {
    return { skipped: `${PANDOC} could not be run: ${error instanceof Error ? error.message : error}` };
  }
}

/** Runs a process with `input` on stdin; resolves to { code, stdout, stderr, ms } (wall clock, spawn to exit). */
function runProcess(command, args, { input, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), PANDOC_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      resolve({ code: code ?? signal, ms, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined); // a pandoc that dies early closes its stdin; the exit code tells
    child.stdin.end(input ?? '');
  });
}

/** pandoc once per warm-up and per measured run; a failed run makes the whole peer skipped, with pandoc's message. */
async function timePandoc(args, input, cwd, check) {
  const times = [];
  let first = null;
  for (let i = 0; i <= PANDOC_RUNS; i++) {
    const result = await runProcess(PANDOC, args, { input, cwd });
    if (result.code !== 0) {
      return { skipped: `pandoc ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim().slice(0, 300)}` };
    }
    const wrong = await check(result);
    if (wrong) return { wrong };
    if (i === 0) first = result.ms;
    else times.push(result.ms);
  }
  return { cold: first, runs: times, median: median(times) };
}

const headingIdsOf = (doc) => doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.id);
const headingLevelsOf = (doc) => doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level);
const textOf = (block) => block.runs.map((r) => r.text).join('');

/**
 * Every heading must be an anchor in the HTML: exactly one element with its section id as id (the heading, h2–h6), and
 * a table-of-contents link to it. Returns what is wrong, or null.
 */
function checkHtmlAnchors(html, doc) {
  const ids = headingIdsOf(doc);
  const headingIds = new Map();
  for (const m of html.matchAll(/<h([2-6]) id="([^"]*)"/g)) headingIds.set(m[2], (headingIds.get(m[2]) ?? 0) + 1);
  const allIds = new Map();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) allIds.set(m[1], (allIds.get(m[1]) ?? 0) + 1);
  const links = new Set([...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]));
  const missing = ids.filter((id) => !headingIds.has(id));
  const duplicated = ids.filter((id) => (allIds.get(id) ?? 0) > 1);
  const unlinked = ids.filter((id) => !links.has(id));
  const wrong = [];
  if (missing.length) wrong.push(`${missing.length} of ${ids.length} headings have no <h2>–<h6> with their section id as id (first: ${missing.slice(0, 3).join(', ')})`);
  if (duplicated.length) wrong.push(`${duplicated.length} section ids are used as id more than once (first: ${duplicated.slice(0, 3).join(', ')})`);
  if (unlinked.length) wrong.push(`${unlinked.length} headings have no table-of-contents link href="#id" (first: ${unlinked.slice(0, 3).join(', ')})`);
  return wrong.length ? wrong.join('; ') : null;
}

/** The DOCX must read back with as many headings as the original; says where the extra or missing ones are. */
function checkReimport(imported, doc) {
  const want = headingIdsOf(doc).length;
  const got = headingIdsOf(imported).length;
  if (got === want) return null;
  // Line the headings up by text to name the first ones that do not belong (or are missing).
  const a = doc.blocks.filter((b) => b.kind === 'heading').map(textOf);
  const b = imported.blocks.filter((x) => x.kind === 'heading');
  const strays = [];
  let i = 0;
  for (let j = 0; j < b.length && strays.length < 3; j++) {
    if (i < a.length && textOf(b[j]).trim() === a[i].trim()) i++;
    else strays.push(`"${textOf(b[j]).slice(0, 50)}" (level ${b[j].level}, imported block ${imported.blocks.indexOf(b[j])})`);
  }
  return (
    `the DOCX re-imports with ${got.toLocaleString('en')} headings, the original has ${want.toLocaleString('en')} ` +
    `(${imported.blocks.length.toLocaleString('en')} blocks against ${doc.blocks.length.toLocaleString('en')})` +
    (strays.length ? `; first headings out of line: ${strays.join(', ')}` : '')
  );
}

/** Sections in pandoc's HTML: h2–h6 elements (the title is the only h1). */
const countHtmlSections = (html) => [...html.matchAll(/<h[2-6][\s>]/g)].length;

/**
 * Measures the three rows. `documentFile` is the generated document as written (the untouched copy, not the original
 * that the app autosaves into); `tmp` a folder for pandoc's .docx; `only` as bench.mjs's --only ('ours', 'peer' or
 * undefined); `busy` the CPU share in use just before, for the details. Returns
 * { rows: [{ name, value, unit, peer, peerValue }], details: [lines], problems: [strings] }.
 */
export async function measureExports({ documentFile, tmp, only, busy = null, log = console.log }) {
  const ours = only !== 'peer';
  const peers = only !== 'ours';
  const problems = [];
  const details = [];
  const fail = (message) => {
    problems.push(message);
    log(`  FAILED: ${message}`);
  };

  let t = performance.now();
  const shared = await loadSharedCode();
  const loadMs = performance.now() - t;
  const doc = shared.parseFile(shared.PolicyDocumentSchema, await fs.readFile(documentFile, 'utf8'), path.basename(documentFile));
  const headings = headingIdsOf(doc).length;
  const mammothVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'mammoth', 'package.json'), 'utf8')).version;
  const pandoc = peers ? await pandocVersion() : { skipped: '--only ours' };
  log(`  shared/ exporters and importer bundled and loaded in ${(loadMs / 1000).toFixed(1)} s; ${pandoc.version ?? `pandoc peers skipped: ${pandoc.skipped}`}`);

  const pandocDir = path.join(tmp, 'pandoc');
  await fs.mkdir(pandocDir, { recursive: true });

  // pandoc's own start-up, to read its rows by: a one-line document, as HTML.
  let pandocStart = null;
  if (pandoc.version) {
    const small = await timePandoc(['-f', 'gfm', '-t', 'html', '-s', '--metadata', 'title=x'], '# x\n', pandocDir, () => null);
    if (small.median !== undefined) pandocStart = small.median;
  }

  // --- HTML -----------------------------------------------------------------------------------------------------
  let html = null;
  let htmlPandoc = null;
  let anchors = '';
  if (ours) {
    html = await timeRuns(() => shared.exportHtml(doc), HTML_RUNS);
    const wrong = checkHtmlAnchors(html.last, doc);
    if (wrong) fail(`export.html: ${wrong}`);
    anchors = wrong ? 'anchors WRONG' : `all ${headings.toLocaleString('en')} section ids present as heading anchors and linked from the contents`;
    log(`  exportHtml: first (cold) ${ms(html.cold)}, then ${html.runs.map(ms0).join(', ')} ms; ${kib(html.last)}; ${anchors}`);
  }
  // The Markdown pandoc reads: exportMarkdown's, made once, untimed (after exportHtml, so that its cold run is cold).
  const markdown = shared.exportMarkdown(doc);
  if (pandoc.version) {
    htmlPandoc = await timePandoc(['-f', 'gfm', '-t', 'html', '-s'], markdown, pandocDir, ({ stdout }) => {
      const n = countHtmlSections(stdout);
      return n < headings ? `pandoc's HTML has ${n} section headings, the document ${headings}` : null;
    });
    logPandoc('pandoc -f gfm -t html -s', htmlPandoc, log);
  }

  // --- DOCX export ----------------------------------------------------------------------------------------------
  let docx = null;
  let docxPandoc = null;
  // The importer's input: exportDocx's bytes, from the measured runs or (with --only peer) from one untimed run.
  let docxBytes = null;
  if (ours) {
    docx = await timeRuns(() => shared.exportDocx(doc), DOCX_RUNS);
    docxBytes = docx.last;
    log(`  exportDocx: first (cold) ${ms(docx.cold)}, then ${docx.runs.map(ms0).join(', ')} ms; ${kib(docxBytes)}`);
  } else {
    docxBytes = await shared.exportDocx(doc);
  }
  if (pandoc.version) {
    const out = path.join(pandocDir, 'out.docx');
    docxPandoc = await timePandoc(['-f', 'gfm', '-t', 'docx', '-o', 'out.docx'], markdown, pandocDir, async () => {
      const size = (await fs.stat(out).catch(() => ({ size: 0 }))).size;
      return size < 50_000 ? `pandoc wrote a .docx of only ${size} bytes` : null;
    });
    logPandoc('pandoc -f gfm -t docx -o out.docx', docxPandoc, log);
  }

  // --- DOCX import ----------------------------------------------------------------------------------------------
  let imported = null;
  let mammothAlone = null;
  if (ours) {
    imported = await timeRuns(() => shared.importDocument('bench.docx', docxBytes), IMPORT_RUNS);
    const wrong = checkReimport(imported.last, doc);
    if (wrong) fail(`import.docx: ${wrong}`);
    const levelsMatch = headingLevelsOf(imported.last).join() === headingLevelsOf(doc).join();
    log(
      `  importDocument: first (cold) ${ms(imported.cold)}, then ${imported.runs.map(ms0).join(', ')} ms; ` +
        `${headingIdsOf(imported.last).length.toLocaleString('en')} headings (original ${headings.toLocaleString('en')})` +
        `${wrong ? ' — WRONG' : levelsMatch ? ', every level as in the original' : ', but not every level as in the original'}`,
    );
  }
  if (peers) {
    // The same bytes, given to mammoth as the importer gives them (a Buffer over them, no copy), default options.
    const buffer = Buffer.from(docxBytes.buffer, docxBytes.byteOffset, docxBytes.byteLength);
    mammothAlone = await timeRuns(() => shared.mammoth.convertToHtml({ buffer }), IMPORT_RUNS);
    const sections = countHtmlSections(mammothAlone.last.value) + [...mammothAlone.last.value.matchAll(/<h1[\s>]/g)].length;
    log(`  mammoth.convertToHtml alone: first (cold) ${ms(mammothAlone.cold)}, then ${mammothAlone.runs.map(ms0).join(', ')} ms; ${kib(mammothAlone.last.value)} of HTML, ${sections} headings`);
  }

  const pandocPeer = (what) => (pandoc.version ? `${pandoc.version}: ${what} (own process, wall clock)` : `pandoc (skipped: ${pandoc.skipped})`);
  const rows = [
    {
      name: 'export.html.100k.ms',
      value: html ? round(html.median) : null,
      unit: 'ms',
      peer: pandocPeer('-f gfm -t html -s on exportMarkdown output'),
      peerValue: htmlPandoc?.median !== undefined ? round(htmlPandoc.median) : null,
    },
    {
      name: 'export.docx.100k.ms',
      value: docx ? round(docx.median) : null,
      unit: 'ms',
      peer: pandocPeer('-f gfm -t docx -o out.docx on exportMarkdown output'),
      peerValue: docxPandoc?.median !== undefined ? round(docxPandoc.median) : null,
    },
    {
      name: 'import.docx.100k.ms',
      value: imported ? round(imported.median) : null,
      unit: 'ms',
      peer: `mammoth.convertToHtml alone (mammoth ${mammothVersion}, default options, same DOCX bytes)`,
      peerValue: mammothAlone ? round(mammothAlone.median) : null,
    },
  ];

  details.push(
    `Exporters and importer (Node ${process.version}, in a process of their own${busy === null ? '' : `; machine ${busy.toFixed(0)}% busy before measuring`}; ` +
      `cold = the first call, which is also the warm-up):`,
  );
  if (html) details.push(`  exportHtml: cold ${ms(html.cold)}, median of ${HTML_RUNS} warm ${ms(html.median)}; ${kib(html.last)}; ${anchors}`);
  if (docx) {
    const faster = docxPandoc?.median !== undefined ? `; ${(docxPandoc.median / docx.median).toFixed(1)}× faster than pandoc (median ${ms(docxPandoc.median)})` : '';
    details.push(`  exportDocx: cold ${ms(docx.cold)}, median of ${DOCX_RUNS} warm ${ms(docx.median)}; ${kib(docxBytes)}${faster}`);
  }
  if (imported) {
    details.push(
      `  importDocument (that DOCX): cold ${ms(imported.cold)}, median of ${IMPORT_RUNS} ${ms(imported.median)}` +
        (mammothAlone ? `; mammoth.convertToHtml alone on the same bytes ${ms(mammothAlone.median)} (median of ${IMPORT_RUNS})` : ''),
    );
  }
  if (pandoc.version) {
    details.push(
      `  ${pandoc.version}, Markdown from exportMarkdown (${kib(markdown)}) on stdin; medians of ${PANDOC_RUNS} after one warm-up, ` +
        `process start included (${pandocStart === null ? '?' : ms(pandocStart)} for a one-line document)`,
    );
  } else {
    details.push(`  pandoc peers skipped: ${pandoc.skipped}`);
  }
  return { rows, details, problems };
}

function logPandoc(label, result, log) {
  if (result.skipped) log(`  ${label}: peer skipped (peerValue null): ${result.skipped}`);
  else if (result.wrong) log(`  ${label}: peer skipped (peerValue null), its output looks wrong: ${result.wrong}`);
  else log(`  ${label}: first ${ms(result.cold)}, then ${result.runs.map(ms0).join(', ')} ms`);
}

const ms = (value) => `${value.toFixed(0)} ms`;
const ms0 = (value) => value.toFixed(0);
/** Size of bytes or of a string as UTF-8. */
const kib = (data) => `${((typeof data === 'string' ? Buffer.byteLength(data) : data.length) / 1024).toFixed(0)} KiB`;
const round = (value) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : null);
