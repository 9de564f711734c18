import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { PolicyDocument, TextBlock } from '../../shared/model/document';
import { section } from '../../shared/testing/builders';
import { cli } from './test-cli';

/**
 * The project the diff tests compare: a privacy policy of three sections saved as version "Published 2026-01", made
 * afresh for each test in a folder of its own; `editDraft` then edits its draft.
 */
export const VERSION = 'Published 2026-01';

export interface DiffProject {
  /** The test's own temporary folder, the project inside it. */
  readonly tmp: string;
  readonly project: string;
}

/** Registers the hooks that make and remove the project around each test; read its folders inside a test. */
export function useDiffProject(): DiffProject {
  const state = { tmp: '', project: '' };
  beforeEach(async () => {
    state.tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-diff-'));
    state.project = path.join(state.tmp, 'policies');
    expect((await cli('new', state.project)).code).toBe(0);
    const doc = await readDraft(state.project);
    doc.blocks = [
      ...section(1, 's-intro00001', 'Introduction', 'We build analytics software for businesses.'),
      ...section(1, 's-retain0001', 'Retention', 'We keep account data for six years after the account closes.'),
      ...section(1, 's-contact001', 'Contact', 'Write to privacy@example.com.'),
    ];
    await writeDraft(state.project, doc);
    expect((await cli('version', state.project, '--name', VERSION, '--author', 'Tester')).code).toBe(0);
  });
  afterEach(async () => {
    await fs.rm(state.tmp, { recursive: true, force: true });
  });
  return state;
}

const documentFile = (project: string) => path.join(project, 'documents', 'privacy-policy.policy.json');

async function readDraft(project: string): Promise<PolicyDocument> {
  return JSON.parse(await fs.readFile(documentFile(project), 'utf8')) as PolicyDocument;
}

export async function writeDraft(project: string, doc: PolicyDocument): Promise<void> {
  await fs.writeFile(documentFile(project), `${JSON.stringify(doc)}\n`);
}

/** Retention moves to the end and says seven years; the introduction gains a sentence. */
export async function editDraft(project: string): Promise<void> {
  const doc = await readDraft(project);
  const [intro, introBody, retention, retentionBody, contact, contactBody] = doc.blocks as TextBlock[];
  doc.blocks = [intro!, { ...introBody!, runs: [{ text: 'We build analytics software for businesses. We are based in Bristol.' }] }, contact!, contactBody!, retention!, { ...retentionBody!, runs: [{ text: 'We keep account data for seven years after the account closes.' }] }];
  await writeDraft(project, doc);
}
