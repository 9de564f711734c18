import { appHome } from '../store/app-paths';
import { systemUserName } from '../store/user-name';
import {
  cloneProject,
  findCredentials,
  remoteOfProject,
  resolveConflict,
  syncProject,
  syncStatus,
  type SyncOutcome,
} from '../sync';
import { checkRemoteUrl } from '../sync/remote-url';
import { UsageError } from './args';

export interface SyncCommandOptions {
  remote?: string;
  author?: string;
  status: boolean;
  resolve?: string;
  take?: string;
}

/**
 * `sync <project> [--remote <url>] [--author <name>]`, `--status`, and `--resolve <file> --take mine|theirs`.
 * Exit code 0 when done, 1 when conflicts need a person; failures (offline, refused credentials) are thrown as one
 * sentence, exit code 2.
 */
export async function syncCommand(projectDir: string, options: SyncCommandOptions): Promise<{ stdout: string; code: number }> {
  if (options.status) {
    const status = await syncStatus(projectDir);
    switch (status.state) {
      case 'not-shared':
        return { stdout: 'Not shared: the project has no git server to sync with.\n', code: 0 };
      case 'up-to-date':
        return { stdout: 'Up to date (as of the last sync).\n', code: 0 };
      case 'changes':
        return { stdout: `${status.toSend} to send, ${status.toReceive} to receive (as of the last sync).\n`, code: 0 };
      case 'offline':
        return { stdout: `Offline: ${status.message}\n`, code: 2 };
      case 'needs-attention':
        return { stdout: `Needs attention: ${status.message}\n`, code: 1 };
    }
  }
  const url = options.remote !== undefined ? checkRemoteUrl(options.remote) : await remoteOfProject(projectDir);
  const credentials = url ? await findCredentials(url, appHome()) : null;
  const syncOptions = { remoteUrl: options.remote, credentials, author: options.author ?? systemUserName() };
  if (options.resolve !== undefined) {
    if (options.take !== 'mine' && options.take !== 'theirs') throw new UsageError('--resolve needs --take mine or --take theirs');
    return report(projectDir, await resolveConflict(projectDir, options.resolve, options.take, syncOptions));
  }
  if (options.take !== undefined) throw new UsageError('--take goes with --resolve <file>');
  return report(projectDir, await syncProject(projectDir, syncOptions));
}

function report(projectDir: string, outcome: SyncOutcome): { stdout: string; code: number } {
  const result = outcomeLine(projectDir, outcome);
  const kept = outcome.status === 'needs-attention' ? [] : (outcome.versionsKeptHere ?? []);
  const notes = kept.map((tag) => `Version tag ${tag} is kept here only: the server has another version of that name.\n`).join('');
  return { ...result, stdout: `${result.stdout}${notes}` };
}

function outcomeLine(projectDir: string, outcome: SyncOutcome): { stdout: string; code: number } {
  switch (outcome.status) {
    case 'up-to-date':
      return { stdout: 'Up to date.\n', code: 0 };
    case 'synced': {
      const parts = [`sent ${outcome.sent} change(s)`, `received ${outcome.received} change(s)`];
      if (outcome.versionsSent > 0) parts.push(`sent ${outcome.versionsSent} version(s)`);
      const merged = outcome.merged ? ', merged by section' : '';
      return { stdout: `Synced: ${parts.join(', ')}${merged}.\n`, code: 0 };
    }
    case 'needs-attention':
      return {
        stdout: outcome.files
          .map((file) => `Conflict: ${file} was changed at the same place by you and a colleague; the file holds your text. Resolve with: policywright sync "${projectDir}" --resolve ${file} --take mine|theirs\n`)
          .join(''),
        code: 1,
      };
  }
}

/** `clone <url> <dir>`: one line naming the folder. */
export async function cloneCommand(url: string, dir: string): Promise<string> {
  const checked = checkRemoteUrl(url);
  const cloned = await cloneProject(checked, dir, await findCredentials(checked, appHome()));
  return `Cloned ${checked} into ${cloned.dir} (${cloned.files} project file(s)).\n`;
}
