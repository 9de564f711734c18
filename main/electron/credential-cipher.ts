import type { SafeStorage } from 'electron';
import type { CredentialCipher } from '../sync/credentials';

/**
 * The git server's password sealed by the operating system's keychain (Keychain, DPAPI, libsecret or kwallet) through
 * Electron's safeStorage; null where no keychain is available (Linux's plain-text fallback counts as none), and the
 * password is then kept as the web host keeps it: in a file only the user can read. Only usable once the app is ready.
 */
export function safeStorageCipher(storage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>, platform: NodeJS.Platform = process.platform): CredentialCipher | null {
  if (!storage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') return null;
  return { encrypt: (plain) => storage.encryptString(plain), decrypt: (sealed) => storage.decryptString(sealed) };
}
