import * as fs from 'node:fs/promises';
import type { PolicyDocument } from '../../shared/model/document';
import { Project } from './project';
import * as path from 'node:path';
import { installRoot } from './install-root';

/** The sample project shipped in assets/. It is read-only: people get their own copy to edit. */
export function bundledSampleDir(): string {
  return path.join(installRoot(), 'assets', 'sample-project');
}

/**
 * The person's own copy of the sample, made on first launch and kept from then on, so what they change in it is
 * theirs and is never lost to an update of the bundled one.
 */
export async function ensureSampleCopy(home: string): Promise<string> {
  const target = path.join(home, 'Sample Project');
  const exists = await fs.stat(path.join(target, 'policywright.json')).then(() => true, () => false);
  if (!exists) {
    await fs.mkdir(home, { recursive: true });
    await fs.cp(bundledSampleDir(), target, { recursive: true, errorOnExist: true, force: false });
  }
  return target;
}

/** The sample's documents, read (and so validated) from the bundled copy, to seed a new project. */
export async function loadSampleDocuments(): Promise<Array<{ id: string; doc: PolicyDocument }>> {
  const sample = await Project.open(bundledSampleDir());
  return Promise.all(sample.documentIds.map(async (id) => ({ id, doc: await sample.loadDocument(id) })));
}
