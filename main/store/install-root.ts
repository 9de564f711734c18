import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder Policywright is installed in (the repository, or the app's resources when packaged). Sources sit in
 * main/<part>/ and the bundles in dist/main/: both are two folders below it.
 */
export function installRoot(): string {
  if (process.env.POLICYWRIGHT_ROOT) return path.resolve(process.env.POLICYWRIGHT_ROOT);
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
