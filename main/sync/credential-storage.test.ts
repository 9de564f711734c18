import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorageCipher } from '../electron/credential-cipher';
import { CREDENTIALS_FILE, findCredentials, saveCredentials, type CredentialCipher } from './credentials';

// The desktop app seals saved passwords with the keychain (safeStorage); here a reversible stand-in with a key.
const KEY = 0x5a;
const xor = (bytes: Uint8Array) => Uint8Array.from(bytes, (byte) => byte ^ KEY);
const cipher: CredentialCipher = {
  encrypt: (plain) => xor(Buffer.from(`sealed:${plain}`, 'utf8')),
  decrypt: (sealed) => {
    const text = Buffer.from(xor(sealed)).toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this key');
    return text.slice('sealed:'.length);
  },
};

let home: string;
const url = 'https://git.example.com/team/policies.git';
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cred-sealed-'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('saved credentials sealed by a keychain', () => {
  it('keeps no password in the clear, only the user name, in a file the user alone can read', async () => {
    await saveCredentials(url, home, { username: 'ann', password: 'hunter2-secret' }, cipher);
    const file = path.join(home, CREDENTIALS_FILE);
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain('hunter2-secret');
    expect(JSON.parse(text)).toEqual({ 'https://git.example.com': { username: 'ann', sealed: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) } });
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await findCredentials(url, home, {}, cipher)).toEqual({ username: 'ann', password: 'hunter2-secret' });
  });

  it('says in one sentence when a sealed password cannot be opened here (no keychain, or another key)', async () => {
    await saveCredentials(url, home, { username: 'ann', password: 'pw' }, cipher);
    await expect(findCredentials(url, home, {})).rejects.toThrow(/^The password for https:\/\/git\.example\.com was saved by the desktop app, sealed by this computer's keychain; give it in POLICYWRIGHT_GIT_USERNAME and POLICYWRIGHT_GIT_PASSWORD here\.$/);
    const otherKey: CredentialCipher = { encrypt: cipher.encrypt, decrypt: () => { throw new Error('wrong key'); } };
    await expect(findCredentials(url, home, {}, otherKey)).rejects.toThrow(/cannot be opened with this computer's keychain; connect to the server again/);
  });

  it('keeps other servers as they were saved, sealed or not, and the environment still comes first', async () => {
    await saveCredentials('https://other.example.com/x.git', home, { username: 'bob', password: 'plain' });
    await saveCredentials(url, home, { username: 'ann', password: 'pw' }, cipher);
    expect(await findCredentials('https://other.example.com/y.git', home, {}, cipher)).toEqual({ username: 'bob', password: 'plain' });
    expect(await findCredentials(url, home, { POLICYWRIGHT_GIT_TOKEN: 'tok' }, cipher)).toEqual({ username: 'token', password: 'tok' });
  });
});

describe('safeStorageCipher (Electron typings, an injected safeStorage)', () => {
  const storage = (available: boolean, backend: ReturnType<Parameters<typeof safeStorageCipher>[0]['getSelectedStorageBackend']>) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(xor(Buffer.from(plain))),
    decryptString: (sealed: Buffer) => Buffer.from(xor(sealed)).toString(),
  });

  it('seals with the keychain where there is one, and round-trips through the credentials file', async () => {
    const sealer = safeStorageCipher(storage(true, 'gnome_libsecret'), 'linux');
    expect(sealer).not.toBeNull();
    await saveCredentials(url, home, { username: 'ann', password: 'pw' }, sealer);
    expect(await findCredentials(url, home, {}, sealer)).toEqual({ username: 'ann', password: 'pw' });
    expect(safeStorageCipher(storage(true, 'unknown'), 'darwin')).not.toBeNull();
  });

  it('is none where encryption is not available, or only the plain-text fallback on Linux', () => {
    expect(safeStorageCipher(storage(false, 'unknown'), 'win32')).toBeNull();
    expect(safeStorageCipher(storage(true, 'basic_text'), 'linux')).toBeNull();
  });
});
