import { execFile, spawnSync } from 'node:child_process';
import * as os from 'node:os';

let installed: boolean | null = null;

/** Whether the system's git can be run (asked once): what a repository in a folder is synced with. */
export function hasSystemGit(): boolean {
  installed ??= spawnSync('git', ['--version'], { env: gitEnv(), stdio: 'ignore', timeout: 10_000 }).error === undefined;
  return installed;
}

export interface GitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What the project's own repository configuration (`.git/config`, which came with the folder from whoever shared it)
 * could otherwise make git run on this computer, as the person: its hooks (a fetch runs reference-transaction, a push
 * pre-push), a file-system monitor program, the automatic maintenance after a fetch, and transports that run programs
 * (`ext::`). Options given on the command line outrank every configuration file, an included one too.
 */
const REPOSITORY_CONFIG_OFF = [
  '-c', `core.hooksPath=${os.devNull}`,
  '-c', 'core.fsmonitor=false',
  '-c', 'gc.auto=0',
  '-c', 'maintenance.auto=false',
  '-c', 'core.alternateRefsCommand=true',
  '-c', 'protocol.allow=never',
  '-c', 'protocol.file.allow=always',
];

/**
 * Runs the system's git with a fixed list of arguments (no shell, nothing the person typed is ever parsed as an
 * option: paths go after `--` or as values of `--git-dir=`), with neither the system's nor the person's git
 * configuration (so no credential helper, alias or hook path of theirs takes part), nothing of the repository's own
 * configuration that runs a program (REPOSITORY_CONFIG_OFF), never prompting. Resolves with the exit code; rejects
 * only when git cannot be started.
 */
export function runGit(args: readonly string[], options: { timeoutMs?: number } = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    // Never run inside the project: git would take it for the repository to read configuration from.
    execFile('git', [...REPOSITORY_CONFIG_OFF, ...args], { cwd: os.tmpdir(), env: gitEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 120_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') return reject(error);
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function gitEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP'];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
}
