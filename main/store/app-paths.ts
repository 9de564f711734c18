import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where Policywright keeps its own files (the recent-projects list, the user's copy of the sample project).
 * POLICYWRIGHT_HOME moves all of it, which is how tests keep away from the real home folder.
 */
export function appHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POLICYWRIGHT_HOME) return path.resolve(env.POLICYWRIGHT_HOME);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Policywright');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Policywright');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'policywright');
}
