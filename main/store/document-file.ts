import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseFile } from '../../shared/format/parse';
import { serializeDocument } from '../../shared/format/serialize';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { writeFileAtomic } from './atomic-write';
import { stampOf } from './document-stamp';
import { UserError } from './errors';

/**
 * A document file outside any project (a `.policy.json` named on the command line), read and saved as the project
 * store reads and saves its own: validated both ways, written atomically, and never over a change made since it was read.
 */
export async function readDocumentFile(file: string): Promise<{ document: PolicyDocument; stamp: string }> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(error.code === 'ENOENT' ? `${file} does not exist.` : `${file} cannot be read (${error.code ?? error.message}).`);
  });
  return { document: parseFile(PolicyDocumentSchema, new TextDecoder().decode(bytes), path.basename(file)), stamp: stampOf(bytes) };
}

/** Saves `doc` over `file` if the file still holds what `base` stamps; returns the new stamp. */
export async function saveDocumentFile(file: string, doc: PolicyDocument, base: string): Promise<{ stamp: string }> {
  const checked = PolicyDocumentSchema.parse(doc);
  const now = await fs.readFile(file).then(stampOf, () => null);
  if (now !== base) throw new UserError(`${file} was changed or removed since it was read, so it was not saved over.`, now === null ? 'missing' : 'conflict');
  const text = serializeDocument(checked);
  await writeFileAtomic(file, text);
  return { stamp: stampOf(text) };
}
