import { spawn } from 'node:child_process';
import * as git from 'isomorphic-git';
import { UserError } from './errors';
import type { Repo } from './history-git';

/** Signs a commit's or a tag's payload: an ASCII-armoured detached OpenPGP signature, as git writes it. */
export type Signer = (payload: string) => Promise<string>;

const SIGN_TIMEOUT_MS = 60_000;

/** The OpenPGP program: gpg as found on the PATH. */
const GPG = 'gpg';

/**
 * A key's id or fingerprint (hex, `0x` or not, `!` to use that subkey), an e-mail address, or a name: not empty, not
 * over 255 characters, no leading dash or white space (gpg would read an option), no control characters.
 */
function isSigningKey(key: string): boolean {
  if (key.length === 0 || key.length > 255 || /^[\s-]/u.test(key)) return false;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/**
 * The signer the repository's own git configuration asks for (`git config user.signingkey <key>` in the clone), or
 * null when it names none: OpenPGP (`gpg.format` unset or `openpgp`) through the `gpg` on the PATH. A key in the
 * person's global configuration is not used: signing is asked for per project, not switched on for every repository of
 * the machine (nor for the tests'). SSH and X.509 signing are not done: with those configured, nothing is signed (the
 * README says so).
 *
 * The program is never taken from the repository's configuration (`gpg.program`): a project folder comes from a share
 * or an archive as it is, its `.git/config` with it, and whatever program that named would run as the person at the
 * next version saved. A key that could be read as an option of gpg's is refused in the same way.
 */
export async function signerFor(repo: Repo): Promise<Signer | null> {
  const key = await configValue(repo, 'user.signingkey');
  if (!key) return null;
  const format = (await configValue(repo, 'gpg.format')) ?? 'openpgp';
  if (format !== 'openpgp') return null;
  if (!isSigningKey(key)) {
    throw new UserError(`The signing key in ${repo.git.dir}/.git/config (user.signingkey) is not a key's id, fingerprint or e-mail address; nothing was recorded; fix the key or unset it.`);
  }
  return (payload) => gpgSign(GPG, key, payload);
}

async function configValue(repo: Repo, name: string): Promise<string | null> {
  const value: unknown = await git.getConfig({ ...repo.git, path: name }).catch(() => undefined);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `gpg --status-fd=2 -bsau <key>`, as git itself signs: the payload on stdin, the signature on stdout. */
function gpgSign(program: string, key: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--batch', '--no-tty', '--status-fd=2', '-bsau', key], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), SIGN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const fail = (why: string) =>
      reject(new UserError(`Signing with the key ${key} (git config user.signingkey) failed: ${why.replace(/[.\s]+$/, '')}, so nothing was recorded; fix the key or unset it.`));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code === 'ENOENT' ? `${program} is not installed` : error.message);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && /\[GNUPG:\] SIG_CREATED /.test(err) && out.includes('-----BEGIN PGP SIGNATURE-----')) resolve(out);
      else fail(lastLine(err) || `${program} exited with ${code}`);
    });
    // A gpg that refuses the key may exit before it reads the payload: writing it then fails with EPIPE, which, not
    // listened for, would be thrown from the stream and end the app. Its exit says what went wrong ('close' above).
    child.stdin.on('error', () => undefined);
    child.stdin.end(payload);
  });
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('[GNUPG:]'))
      .at(-1) ?? ''
  );
}

/** Writes a commit, signed when there is a signer (the signature over the commit as git verifies it). */
export async function writeSignedCommit(gitArgs: Repo['git'], commit: git.CommitObject, sign: Signer | null): Promise<string> {
  const unsigned = await git.writeCommit({ ...gitArgs, commit });
  if (!sign) return unsigned;
  return git.writeCommit({ ...gitArgs, commit: { ...commit, gpgsig: await sign(await rawObject(gitArgs, unsigned)) } });
}

/** Writes an annotated tag object, signed when there is a signer (as `git tag -s` does, and `git verify-tag` checks). */
export async function writeSignedTag(gitArgs: Repo['git'], tag: git.TagObject, sign: Signer | null): Promise<string> {
  const unsigned = await git.writeTag({ ...gitArgs, tag });
  if (!sign) return unsigned;
  return git.writeTag({ ...gitArgs, tag: { ...tag, gpgsig: await sign(await rawObject(gitArgs, unsigned)) } });
}

/**
 * What git signs and verifies: the object's bytes without a signature, read back exactly as written (isomorphic-git's
 * `payload` of a tag has one newline more than git's).
 */
async function rawObject(gitArgs: Repo['git'], oid: string): Promise<string> {
  const { object } = await git.readObject({ ...gitArgs, oid, format: 'content' });
  return Buffer.from(object as Uint8Array).toString('utf8');
}
