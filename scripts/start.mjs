// What `npm start` runs after the build: the desktop app where Electron's runtime works, else the same app served
// to the browser by the web host. Extra arguments (a project folder, --port) are passed on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

const electron = findElectron();
if (electron.binary) {
  // Electron reads package.json's "main" (dist/main/electron-main.js) from the folder it is given.
  run(electron.binary, [root, ...args]);
} else {
  process.stderr.write(`Electron's runtime is not available on this machine (${electron.reason}), so Policywright is served in the browser instead.\n`);
  run(process.execPath, [fileURLToPath(new URL('../bin/policywright.mjs', import.meta.url)), 'serve', ...args]);
}

/**
 * Asks the electron package for its binary in a child process: where the binary was never installed, requiring it
 * tries a download and throws, and that must neither hang nor take this process down.
 */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (probe.error?.code === 'ETIMEDOUT') return { reason: 'looking for it timed out after 15 s' };
  if (probe.error) return { reason: `could not ask the electron package: ${probe.error.message}` };
  if (probe.status !== 0) {
    const stderr = probe.stderr ?? '';
    if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|Downloading/i.test(stderr + probe.stdout)) {
      return { reason: 'its binary is not installed and could not be downloaded' };
    }
    const error = stderr.split('\n').find((line) => /^\w*Error\b/.test(line));
    return { reason: (error ?? `require('electron') exited with code ${probe.status}`).slice(0, 160) };
  }
  const binary = probe.stdout.trim();
  if (!binary || !existsSync(binary)) return { reason: `its binary is missing${binary ? ` at ${binary}` : ''}` };
  return { binary };
}

/** Runs a command with this terminal, passes on Ctrl+C and termination, and exits as it exits. */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    process.stderr.write(`policywright: could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
  });
}
