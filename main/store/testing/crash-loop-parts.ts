import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PolicyDocumentSchema } from '../../../shared/model/document';
import { serializeDocument } from '../../../shared/format/serialize';
import { ProjectHistory } from '../history';
import { Project } from '../project';
import { Journal } from '../journal';
import { fsckProblems, hasGit } from './repo-checks';

/**
 * The two halves of scripts/crash-loop.mjs, bundled by it: a child that saves a large document and versions of it in
 * a loop, saying on stdout what it is about to write ("will") and what was acknowledged ("ack"), and the check the
 * parent runs on the project after each kill -9.
 */

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * Journals and saves the document, then saves a version, forever (with `savesOnly`, no versions: every kill lands in
 * a document save's cycle); every line is written before the next step starts.
 */
export async function childLoop(dir: string, first: number, savesOnly = false): Promise<void> {
  const project = await Project.open(dir);
  const id = project.documentIds[0] as string;
  const loaded = await project.readDocument(id);
  const doc = loaded.document;
  // The only writer: each save is based on the file its previous save wrote.
  let base = loaded.stamp;
  const history = ProjectHistory.for(dir);
  const journal = Journal.in(journalHome(dir));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  for (let i = first; ; i++) {
    const paragraph = doc.blocks.find((b) => b.kind === 'paragraph');
    if (paragraph && 'runs' in paragraph) paragraph.runs = [{ text: `Edition ${i}: ${'revised wording '.repeat(1 + (i % 7))}` }];
    // The bytes saveDocument writes, so the parent can tell the old file from the new.
    const text = serializeDocument(PolicyDocumentSchema.parse(doc));
    // What a window's crash journal keeps of the typing, before the save: a kill at any point must leave it whole.
    say(`will journal ${sha(text)}`);
    await journal.write(dir, id, JOURNAL_WINDOW, { base, takenAt: new Date().toISOString(), text });
    say(`ack journal ${sha(text)}`);
    say(`will doc ${i} ${sha(text)}`);
    ({ stamp: base } = await project.saveDocument(id, doc, base));
    say(`ack doc ${sha(await fs.readFile(path.join(dir, 'documents', `${id}.policy.json`)))}`);
    if (savesOnly) continue;
    const name = `Crash loop ${i}`;
    say(`will version ${name}`);
    const saved = await history.saveVersion({ name, note: '', kind: 'editorial', author: 'Crash Loop' });
    say(`ack version ${saved.name} ${sha(text)}`);
  }
}

/** The crash journal's home for a project of the loop, beside it. */
export function journalHome(dir: string): string {
  return `${dir}.home`;
}

const JOURNAL_WINDOW = 'crash-loop-window';

export interface Expected {
  /** Hashes the journal's entry may have: the last acknowledged one, and the one being written at the kill. */
  journalHashes?: string[];
  /** Hashes the document file may have: the acknowledged one, and the one being written at the kill. */
  documentHashes: string[];
  acknowledged: string[];
  inFlight: string | null;
}

/** What is wrong with the project after a kill: an empty list when it loads and every promise holds. */
export async function checkAfterKill(dir: string, expected: Expected): Promise<string[]> {
  const problems: string[] = [];
  try {
    const project = await Project.open(dir);
    for (const id of project.documentIds) await project.loadDocument(id);
    const file = path.join(dir, 'documents', `${project.documentIds[0]}.policy.json`);
    const hash = sha(await fs.readFile(file));
    if (expected.documentHashes.length > 0 && !expected.documentHashes.includes(hash)) problems.push('the document is neither the saved one nor the one being saved');
  } catch (error) {
    problems.push(`the project does not load: ${(error as Error).message}`);
  }
  if (expected.journalHashes && expected.journalHashes.length > 0) {
    const project = await Project.open(dir).catch(() => null);
    const id = project?.documentIds[0];
    const entries = id ? await Journal.in(journalHome(dir)).entries(dir, id) : [];
    const entry = entries.find((e) => e.window === JOURNAL_WINDOW);
    if (!entry) problems.push('the journal lost the typed text');
    else if (!expected.journalHashes.includes(sha(entry.entry.text))) problems.push('the journal holds neither the last kept text nor the one being kept');
    else if (!PolicyDocumentSchema.safeParse(JSON.parse(entry.entry.text)).success) problems.push('the journal does not read as a document');
  }
  const history = ProjectHistory.for(dir);
  const listing = await history.listVersionsWithProblems();
  if (listing.problems.length > 0) problems.push(...listing.problems);
  const names = new Set(listing.versions.map((v) => v.name));
  for (const name of expected.acknowledged) if (!names.has(name)) problems.push(`acknowledged version "${name}" is not listed`);
  for (const name of names) if (!expected.acknowledged.includes(name) && name !== expected.inFlight) problems.push(`version "${name}" was never saved`);
  if (hasGit) {
    const fsck = fsckProblems(dir);
    if (fsck) problems.push(`git fsck: ${fsck}`);
  }
  return problems;
}

/** The hash of the text the journal holds for the project's document, or null when it holds none. */
export async function journalHash(dir: string): Promise<string | null> {
  const project = await Project.open(dir);
  const entries = await Journal.in(journalHome(dir)).entries(dir, project.documentIds[0] as string);
  const entry = entries.find((e) => e.window === JOURNAL_WINDOW);
  return entry ? sha(entry.entry.text) : null;
}

export async function documentHash(dir: string): Promise<string> {
  const project = await Project.open(dir);
  return sha(await fs.readFile(path.join(dir, 'documents', `${project.documentIds[0]}.policy.json`)));
}

/** Every listed version's document reads back (the listing already checks each blob's hash). */
export async function versionsReadBack(dir: string): Promise<number> {
  const history = ProjectHistory.for(dir);
  const project = await Project.open(dir);
  const file = `documents/${project.documentIds[0]}.policy.json`;
  let count = 0;
  for (const version of await history.listVersions()) {
    if ((await history.readFileAt(version, file)) === null) throw new Error(`version ${version.name} has no document`);
    count++;
  }
  return count;
}

export async function listedNames(dir: string): Promise<string[]> {
  return (await ProjectHistory.for(dir).listVersions()).map((v) => v.name);
}

export async function saveFirstVersion(dir: string): Promise<void> {
  await ProjectHistory.for(dir).saveVersion({ name: 'Start', note: '', kind: 'editorial', author: 'Crash Loop' });
}
