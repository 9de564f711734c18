import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../store/atomic-write';
import { UserError } from '../store/errors';

/** Writes a command's output file atomically; returns its absolute path. A missing folder is one sentence. */
export async function writeOutput(out: string, bytes: Uint8Array): Promise<string> {
  const absolute = path.resolve(out);
  const dir = await fs.stat(path.dirname(absolute)).catch(() => null);
  if (!dir?.isDirectory()) throw new UserError(`Cannot write ${absolute}: the folder ${path.dirname(absolute)} does not exist.`);
  await writeFileAtomic(absolute, bytes);
  return absolute;
}
