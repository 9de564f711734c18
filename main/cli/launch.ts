/**
 * How the CLI starts. A command like `diff` or `check` loads about a megabyte of code, and on Node 20 compiling it
 * was a fifth of a small diff's time, every run: teams run these commands in CI over dozens of documents. So those
 * commands run from one CommonJS bundle (`cli-bundle.cjs`) compiled with V8's code cache, made by the build from a
 * training run (scripts/train-cli-code-cache.mjs): `cli-bundle.cache` of the common commands, and for diff, check and
 * export a cache of their own (cacheFileFor). A cache is given to V8
 * only for the exact bundle it was made from (sealCache), and V8 checks its own version and flags; where either does
 * not match, the bundle compiles as usual: a stale or missing cache only makes a run slower. `--version` and `--help` need none of that code and start from the split ES module
 * build (`cli.js`), as does everything when the bundle is missing.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';

export const BUNDLE_FILE = 'cli-bundle.cjs';
export const CACHE_FILE = 'cli-bundle.cache';

/**
 * The commands teams run in CI over many documents, each with a code cache of its own, trained on that command alone.
 * V8 takes in the whole of a cache before anything runs, so one trained on every command made a `diff` read in the
 * code of `export` and `check` too: 2.1 MB against 1.3 MB, 10–15 ms of a 230 ms diff.
 */
export const OWN_CACHE_COMMANDS = ['diff', 'check', 'export'] as const;

/** The cache file a command starts with: its own, or the one trained on every command. */
export function cacheFileFor(command: string | undefined): string {
  return (OWN_CACHE_COMMANDS as readonly (string | undefined)[]).includes(command) ? `cli-bundle.${command}.cache` : CACHE_FILE;
}

/** What the bundle exports (main/cli/bundle.ts). */
export interface CliBundle {
  runCli(argv: readonly string[], io: { out(text: string): void; err(text: string): void }): Promise<number>;
}

export interface LoadedBundle {
  readonly bundle: CliBundle;
  readonly script: vm.Script;
  /** The bundle's bytes as compiled: a cache made from this script is sealed with these. */
  readonly bytes: Uint8Array;
  /** Whether a cache was given and V8 took it. */
  readonly cacheUsed: boolean;
}

/** The arguments that start without the bundle: printing the version or the usage needs none of the commands' code. */
export function startsLight(argv: readonly string[]): boolean {
  const [first] = argv;
  return first === undefined || first === '--version' || first === '--help' || first === '-h' || first === 'help';
}

/**
 * The cache file: the SHA-256 of the bundle it was made from, the SHA-256 of V8's data, then the data. V8 itself
 * checks a cache only against the source's length, so a rebuilt bundle of the same length would otherwise run the old
 * build's code; and it is not known to check the data itself, which a damaged disk could change.
 */
export function sealCache(bundle: Uint8Array, data: Uint8Array): Buffer {
  return Buffer.concat([digest(bundle), digest(data), data]);
}

const DIGEST_BYTES = 32;

function digest(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** V8's data from a cache file made for exactly these bundle bytes, and whole; undefined for any other. */
function openCache(file: string, bundle: Uint8Array): Buffer | undefined {
  let sealed: Buffer;
  try {
    sealed = readFileSync(file);
  } catch {
    return undefined;
  }
  if (sealed.length <= 2 * DIGEST_BYTES || !sealed.subarray(0, DIGEST_BYTES).equals(digest(bundle))) return undefined;
  const data = sealed.subarray(2 * DIGEST_BYTES);
  return sealed.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(digest(data)) ? data : undefined;
}

/**
 * Loads the bundle from `dir` (dist/main), with the code cache for `command` (cacheFileFor) unless `useCache` is
 * false; null when it is not built.
 */
export function loadBundle(dir: string, useCache = true, command?: string): LoadedBundle | null {
  const home = path.resolve(dir);
  const filename = path.join(home, BUNDLE_FILE);
  if (!existsSync(filename)) return null;
  const bytes = readFileSync(filename);
  const cachedData = useCache ? openCache(path.join(home, cacheFileFor(command)), bytes) : undefined;
  // The wrapper Node gives every CommonJS file, so the bundle runs as if required; in strict mode, as cli.js (an ES
  // module) does, whatever the bundle's first line is.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {'use strict';${sourceOf(bytes)}\n})`, { filename, cachedData });
  const module = { exports: {} as Partial<CliBundle> };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(filename), module, filename, home);
  if (typeof module.exports.runCli !== 'function') throw new Error(`${filename} does not export runCli`);
  return { bundle: module.exports as CliBundle, script, bytes, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * The bundle's text. The build makes it ASCII (scripts/ascii-bundle.mjs), which reads as Latin-1: a copy of the
 * bytes, where decoding 2.7 MB as UTF-8 took 5–7 ms of every start; any other bytes are decoded as UTF-8.
 */
function sourceOf(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Runs the CLI on `argv` and sets the exit code. */
export async function launch(argv: readonly string[]): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  let loaded: LoadedBundle | null = null;
  try {
    loaded = startsLight(argv) ? null : loadBundle(dir, true, argv[0]);
  } catch {
    // A bundle that does not load (written half by a build running now) is not the only way in: cli.js runs the same.
    loaded = null;
  }
  if (!loaded) {
    await import(new URL('./cli.js', import.meta.url).href);
    return;
  }
  const code = await loaded.bundle.runCli(argv, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
  if (!leavesWhenDone(argv)) return;
  // What the event loop still held was V8 finishing a garbage collection it had begun, 10–20 ms of a 230 ms diff that
  // nobody waits for: the process leaves once what it wrote has been handed over, as it would have anyway.
  await Promise.all([handedOver(process.stdout), handedOver(process.stderr)]);
  process.exit(code);
}

/**
 * Whether nothing of the command can still be running once runCli has resolved. Every command awaits its own work,
 * but `serve` returns once its server is closed, and a request that began before (a save, a version) may still be
 * finishing: that process leaves when the event loop is empty, as every command used to.
 */
export function leavesWhenDone(argv: readonly string[]): boolean {
  return argv[0] !== 'serve';
}

/** Resolves once everything written to the stream before has been handed to the system (or could not be). */
function handedOver(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}
