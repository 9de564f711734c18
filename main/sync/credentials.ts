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

/**
 * Seals a password with the operating system's keychain (Electron's safeStorage in the desktop app). Injected, so the
 * storage is the same code, and tested the same way, with or without one.
 */
export interface CredentialCipher {
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Buffer): string;
}

/** Kept beside the app's settings, readable by its user alone: one entry per server (scheme, host and port). */
export const CREDENTIALS_FILE = 'git-credentials.json';

/** A password in the clear (web host, CLI) or sealed by the keychain (desktop app), base64. */
const EntrySchema = z.union([
  z.object({ username: z.string().min(1), password: z.string() }).strict(),
  z.object({ username: z.string().min(1), sealed: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
]);
const CredentialsFileSchema = z.record(z.string(), EntrySchema);
type Entry = z.infer<typeof EntrySchema>;

/**
 * The credentials for a remote: from the environment first (POLICYWRIGHT_GIT_USERNAME with POLICYWRIGHT_GIT_PASSWORD,
 * or POLICYWRIGHT_GIT_TOKEN, which hosted servers take as the password), for a team's scripts and CI; else from the
 * credentials file in the app's settings folder (a sealed password opened with `cipher`); null when there are none
 * (the server may not ask).
 */
export async function findCredentials(url: string, home: string, env: NodeJS.ProcessEnv = process.env, cipher: CredentialCipher | null = null): Promise<GitCredentials | null> {
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
  const server = serverOf(url);
  const entry = parsed.data[server];
  return entry ? openEntry(entry, server, cipher) : null;
}

function openEntry(entry: Entry, server: string, cipher: CredentialCipher | null): GitCredentials {
  if ('password' in entry) return { username: entry.username, password: entry.password };
  if (!cipher) {
    throw new UserError(
      `The password for ${server} was saved by the desktop app, sealed by this computer's keychain; give it in POLICYWRIGHT_GIT_USERNAME and POLICYWRIGHT_GIT_PASSWORD here.`,
    );
  }
  try {
    return { username: entry.username, password: cipher.decrypt(Buffer.from(entry.sealed, 'base64')) };
  } catch {
    throw new UserError(`The saved password for ${server} cannot be opened with this computer's keychain; connect to the server again to save it anew.`);
  }
}

/**
 * Saves a server's credentials in the app's settings folder, in a file only its user may read (mode 0600); with a
 * cipher, the password is sealed by the keychain and only the user name is in the clear.
 */
export async function saveCredentials(url: string, home: string, credentials: GitCredentials, cipher: CredentialCipher | null = null): Promise<void> {
  const file = path.join(home, CREDENTIALS_FILE);
  const existing = await readRegularFile(file, SIZE_LIMITS.settings).catch(() => null);
  const parsed = CredentialsFileSchema.safeParse(parseJson(existing));
  const entry: Entry = cipher
    ? { username: credentials.username, sealed: Buffer.from(cipher.encrypt(credentials.password)).toString('base64') }
    : { username: credentials.username, password: credentials.password };
  const all = { ...(parsed.success ? parsed.data : {}), [serverOf(url)]: entry };
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
