import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { ensureFolder, writeFileAtomic } from '../store/atomic-write';
import { UserError } from '../store/errors';
import { SIZE_LIMITS, readRegularFile } from '../store/project-fs';
import { serverOf } from './remote-url';

export interface GitCredentials {
  readonly username: string;
  readonly password: string;
}

/** Kept beside the app's settings, readable by its user alone: one entry per server (scheme, host and port). */
export const CREDENTIALS_FILE = 'git-credentials.json';

const CredentialsFileSchema = z.record(z.string(), z.object({ username: z.string().min(1), password: z.string() }));

/**
 * The credentials for a remote: from the environment first (POLICYWRIGHT_GIT_USERNAME with POLICYWRIGHT_GIT_PASSWORD,
 * or POLICYWRIGHT_GIT_TOKEN, which hosted servers take as the password), for a team's scripts and CI; else from the
 * credentials file in the app's settings folder; null when there are none (the server may not ask).
 */
export async function findCredentials(url: string, home: string, env: NodeJS.ProcessEnv = process.env): Promise<GitCredentials | null> {
  const password = env.POLICYWRIGHT_GIT_PASSWORD ?? env.POLICYWRIGHT_GIT_TOKEN;
  if (password !== undefined && password !== '') return { username: env.POLICYWRIGHT_GIT_USERNAME || 'token', password };
  const file = path.join(home, CREDENTIALS_FILE);
  const stats = await fs.lstat(file).catch(() => null);
  if (!stats) return null;
  // Another user who can read the file can push as this one: it is refused, not used.
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
    throw new UserError(`${file} can be read by other users of this computer; make it readable by you alone (chmod 600 "${file}") and sync again.`);
  }
  const text = await readRegularFile(file, SIZE_LIMITS.settings);
  const parsed = CredentialsFileSchema.safeParse(parseJson(text));
  if (!parsed.success) throw new UserError(`${file} is not a credentials file Policywright can read; remove it and save the credentials again.`);
  return parsed.data[serverOf(url)] ?? null;
}

/** Saves a server's credentials in the app's settings folder, in a file only its user may read (mode 0600). */
export async function saveCredentials(url: string, home: string, credentials: GitCredentials): Promise<void> {
  const file = path.join(home, CREDENTIALS_FILE);
  const existing = await readRegularFile(file, SIZE_LIMITS.settings).catch(() => null);
  const parsed = CredentialsFileSchema.safeParse(parseJson(existing));
  const all = { ...(parsed.success ? parsed.data : {}), [serverOf(url)]: { ...credentials } };
  await ensureFolder(home);
  await writeFileAtomic(file, `${JSON.stringify(all, null, 2)}\n`, undefined, 0o600);
  // The mode of a file that was already there is kept by the rename's new file, but an older, looser one is tightened.
  await fs.chmod(file, 0o600).catch(() => undefined);
}

function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '{}');
  } catch {
    return null;
  }
}
