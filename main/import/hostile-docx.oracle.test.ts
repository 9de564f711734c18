import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFiles, type HostileFile } from '../../shared/testing/hostile-docx';

/**
 * Hostile Word files through the app's own import, as the built CLI runs it (`policywright export <file>`: the import
 * runs in the worker with the importer's time and memory limits). Each is refused with one sentence naming the file,
 * or imported with nothing of the outside in it; and, traced with strace, no file is opened but the input, the output
 * and the program's own (Node, its libraries, the app's code). A canary file that many of them name is the one to
 * watch; /etc/passwd and /dev/zero are named too.
 */

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'main', 'cli.js');
const STRACE = '/usr/bin/strace';
const HAS_STRACE = existsSync(STRACE);
/** The importer's stated limits (main/import/import-file.ts): the worker's heap, and so the process, stays under it. */
const MEMORY_LIMIT_MB = 1024;
const SECRET = 'CANARY-7d1f0c secret text that must never be read';

let work: string;
let canary: string;
let files: HostileFile[];

interface Outcome {
  file: HostileFile;
  status: number | null;
  stderr: string;
  output: string | null;
  opened: string[];
  maxRssMb: number;
}
const outcomes: Outcome[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pw-hostile-docx-'));
  canary = path.join(work, 'outside', 'canary.txt');
  mkdirSync(path.dirname(canary));
  writeFileSync(canary, SECRET);
  mkdirSync(path.join(work, 'in'));
  mkdirSync(path.join(work, 'home'));
  files = hostileFiles(canary);
  if (builtIsStale()) {
    const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  }
  // Records the process's peak memory (worker included) where the test can read it, without touching stderr.
  const hook = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.PW_RSS_FILE, String(process.resourceUsage().maxRSS)));")}`;
  const runOne = async (file: HostileFile): Promise<Outcome> => {
    const input = path.join(work, 'in', file.name);
    writeFileSync(input, file.bytes);
    // The export writes atomically (a temporary file beside the output, the folder synced): a folder of its own.
    const outputDir = path.join(work, `out-${file.name}`);
    mkdirSync(outputDir);
    const output = path.join(outputDir, 'out.md');
    const rss = path.join(work, `${file.name}.rss`);
    const trace = path.join(work, `${file.name}.trace`);
    const node = [process.execPath, '--import', hook, CLI, 'export', input, '--to', 'md', '--out', output];
    const command = HAS_STRACE ? [STRACE, '-f', '-qq', '-e', 'trace=open,openat,openat2,creat,truncate,rename,unlink,mkdir', '-o', trace, ...node] : node;
    const child = spawn(command[0] as string, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, POLICYWRIGHT_HOME: path.join(work, 'home'), PW_RSS_FILE: rss },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Only so that a hung import cannot hang the suite; the importer's own limit is what a person relies on.
      timeout: 170_000,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    return {
      file,
      status,
      stderr,
      output: existsSync(output) ? readFileSync(output, 'utf8') : null,
      opened: HAS_STRACE ? outsideOpens(readFileSync(trace, 'utf8'), [input, rss], outputDir) : [],
      maxRssMb: existsSync(rss) ? Number(readFileSync(rss, 'utf8')) / 1024 : NaN,
    };
  };
  // Two at a time: the test machine has two cores.
  const queue = [...files];
  await Promise.all(
    [0, 1].map(async () => {
      for (let file = queue.shift(); file; file = queue.shift()) outcomes.push(await runOne(file));
    }),
  );
}, 600_000);

afterAll(() => {
  const refused = outcomes.filter((o) => o.status !== 0).length;
  const peak = Math.max(...outcomes.map((o) => o.maxRssMb));
  console.log(
    `hostile DOCX: ${outcomes.length} files, ${refused} refused with one sentence, ${outcomes.length - refused} imported safely; ` +
      `opens outside the input: ${outcomes.reduce((n, o) => n + o.opened.length, 0)}${HAS_STRACE ? '' : ' (not traced: no strace)'}; peak memory ${peak.toFixed(0)} MB`,
  );
  console.log(`imported safely: ${outcomes.filter((o) => o.status === 0).map((o) => o.file.name).sort().join(', ')}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Where a program may look: Node and the system's libraries, the app's own code, and the process's own state. */
function allowedPlaces(): { folders: string[]; files: string[] } {
  return {
    folders: [
      ROOT,
      realpathSync(ROOT),
      realpathSync(path.join(ROOT, 'node_modules')),
      path.dirname(path.dirname(realpathSync(process.execPath))),
      '/lib',
      '/lib64',
      '/usr/lib',
      '/usr/lib64',
      '/usr/share/zoneinfo',
      '/etc/ssl',
      '/proc',
      '/sys/fs/cgroup',
      '/sys/devices/system/cpu',
      '/dev/pts',
    ],
    files: ['/etc/ld.so.cache', '/etc/ld.so.preload', '/etc/localtime', '/dev/null', '/dev/urandom', '/dev/tty'],
  };
}

/** Every file the traced process opened (or tried to) that is none of the expected ones. */
function outsideOpens(trace: string, expected: readonly string[], outputDir?: string): string[] {
  const { folders, files: allowedFiles } = allowedPlaces();
  const out: string[] = [];
  for (const line of trace.split('\n')) {
    const match = /^\d+\s+(?:open|openat|openat2|creat|truncate|rename|unlink|mkdir)\((?:AT_FDCWD, |\d+<[^>]*>, )?"((?:[^"\\]|\\.)*)"/.exec(line);
    if (!match?.[1]) continue;
    const file = path.resolve(ROOT, match[1]);
    if (outputDir !== undefined && (file === outputDir || file.startsWith(`${outputDir}/`))) continue;
    if (expected.includes(file) || allowedFiles.includes(file) || folders.some((folder) => file === folder || file.startsWith(`${folder}/`))) continue;
    out.push(file);
  }
  return [...new Set(out)];
}

/** The bundles are missing, or older than the sources they are built from: build them again, as the CLI test does. */
function builtIsStale(): boolean {
  const worker = path.join(ROOT, 'dist', 'main', 'import-worker.js');
  if (!existsSync(CLI) || !existsSync(worker)) return true;
  const built = Math.min(statSync(CLI).mtimeMs, statSync(worker).mtimeMs);
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(full) : /\.ts$/.test(entry.name) ? statSync(full).mtimeMs : 0);
    }, 0);
  return ['shared', 'main'].some((dir) => newest(path.join(ROOT, dir)) > built);
}

const outcome = (name: string) => outcomes.find((o) => o.file.name === name) as Outcome;

describe('hostile Word files through the import worker', () => {
  it('a corpus of at least 50 hostile files', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(50);
  });

  it('each is refused with one sentence naming it, or imported with nothing from outside it', () => {
    for (const o of outcomes) {
      const label = `${o.file.name} (${o.file.what})`;
      if (o.status === 0) {
        expect(o.output, label).not.toBeNull();
        const text = o.output as string;
        expect(text, label).not.toContain('CANARY');
        expect(text, label).not.toMatch(/root:x:0:0/);
        expect(text, label).not.toContain('\u0000');
        // an expanded entity bomb would be megabytes of "lol"
        expect(text.length, label).toBeLessThan(200_000);
      } else {
        expect(o.status, label).toBe(2);
        const message = o.stderr.trim();
        expect(message.split('\n'), label).toHaveLength(1);
        expect(message, label).toMatch(new RegExp(`^policywright: ${o.file.name.replace(/[.]/g, '\\.')} [^\\n]*\\.$`));
        expect(message, label).not.toMatch(/\bE[A-Z]{3,}\b|\bat .+:\d+:\d+|Error:|CANARY|root:x/);
        // our words, not an XML reader's or the engine's
        // eslint-disable-next-line no-control-regex -- a control character in a message is what is looked for
        expect(message, label).not.toMatch(/[\u0000-\u001f]|xmldom|call stack|Not implemented|entity not found/i);
      }
    }
  });

  it.skipIf(!HAS_STRACE)('opens no file outside the input: not the canary, /etc/passwd or /dev/zero (needs strace)', () => {
    for (const o of outcomes) expect(o.opened, `${o.file.name} (${o.file.what})`).toEqual([]);
  });

  it('the tracing sees what it should: the input itself is among the opened files', () => {
    if (!HAS_STRACE) return;
    // a check of the check: strace's output is parsed, or every file would pass for want of any opens
    const trace = readFileSync(path.join(work, 'image-canary.docx.trace'), 'utf8');
    expect(trace).toContain(path.join(work, 'in', 'image-canary.docx'));
    expect(outsideOpens(trace, [])).toContain(path.join(work, 'in', 'image-canary.docx'));
  });

  it('stays within the importer’s stated memory limit', () => {
    for (const o of outcomes) expect(o.maxRssMb, o.file.name).toBeLessThan(MEMORY_LIMIT_MB);
  });

  it.each([
    ['bomb-ratio.docx', /expands \d+ times over/],
    ['bomb-declared.docx', /would expand to more than 200 MB/],
    ['bomb-liar.docx', /expands past the size its ZIP directory declares/],
    ['many-entries.docx', /more than 10,000 entries/],
    ['slip-parent.docx', /points outside the archive/],
    ['slip-absolute.docx', /absolute path/],
    ['proto.docx', /forbidden name/],
    ['png.docx', /is not a Word document/],
    ['pdf.docx', /is a PDF/],
    ['truncated-half.docx', /damaged ZIP archive/],
    ['billion-laughs.docx', /has a DOCTYPE in "word\/document\.xml", which Word never writes/],
    ['external-entity-canary.docx', /has a DOCTYPE/],
    ['parameter-entity.docx', /has a DOCTYPE/],
    ['entity-in-core.docx', /has a DOCTYPE in "docProps\/core\.xml"/],
    ['deep-tables.docx', /nested more deeply than any Word document/],
  ])('%s is refused as it should be', (name, pattern) => {
    expect(outcome(name).stderr).toMatch(pattern);
  });

  it('the canary is still there, unchanged', () => {
    expect(readFileSync(canary, 'utf8')).toBe(SECRET);
    expect(statSync(canary).isFile()).toBe(true);
  });
});
