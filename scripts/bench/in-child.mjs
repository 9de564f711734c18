// Runs one of the bench's measurements that time code in Node (exporters, store, compare, the 1M-word document, sync,
// big projects) in a Node process of its own. In the bench process they ran after the editor passes, in a heap holding
// Playwright's protocol traffic and with whatever the engine had compiled by then: the same exportHtml call took a
// median 10 ms in one run and 22 ms in another. A fresh process is what the app's own main process or a CLI command
// starts from. The child's lines go to the bench's own output as it prints them; its result comes back through a file.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
/** The children under way: a bench that stops (its watchdog, a signal, a failure) takes them with it. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Calls `exportName` of the module `file` (a path under scripts/bench) with `args` (JSON only) in a new Node process and
 * resolves to what it returned (JSON only). A child that fails rejects with its exit code; its message is already
 * printed. The bench's own Node flags are passed on (a --cpu-prof reaches the child), but not --inspect, whose port
 * the bench holds.
 */
export async function inChild(file, exportName, args) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policywright-bench-'));
  const resultFile = path.join(dir, 'result.json');
  const flags = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
  try {
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...flags, HERE, path.resolve(path.dirname(HERE), file), exportName, resultFile], { stdio: ['pipe', 'inherit', 'inherit'] });
      running.add(child);
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => {
        running.delete(child);
        resolve(exitCode ?? signal);
      });
      // A child that dies before reading its arguments closes the pipe; its exit code says why.
      child.stdin.on('error', () => undefined);
      child.stdin.end(JSON.stringify(args));
    });
    if (code !== 0) throw new Error(`bench: ${exportName} (${path.basename(file)}) in its own process exited with ${code}`);
    return JSON.parse(await fs.readFile(resultFile, 'utf8'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function runAsChild() {
  const [file, exportName, resultFile] = process.argv.slice(2);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const args = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const measure = (await import(pathToFileURL(file).href))[exportName];
  if (typeof measure !== 'function') throw new Error(`bench: ${path.basename(file)} has no function ${exportName}`);
  const result = await measure(args);
  await fs.writeFile(resultFile, JSON.stringify(result));
}

if (process.argv[1] && path.resolve(process.argv[1]) === HERE) {
  runAsChild().then(
    // Handles a measurement left open (a server, a timer) must not keep the bench waiting.
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
