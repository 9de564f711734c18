import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { JournalEntry, RecoveredEdits } from '../../shared/api/contract';
import { PolicyDocumentSchema } from '../../shared/model/document';
import { serializeDocument } from '../../shared/format/serialize';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { serialized } from './serialized';
import { SIZE_LIMITS, readRegularFile } from './project-fs';
import type { Project } from './project';

const StoredEntrySchema = z
  .object({ project: z.string(), documentId: z.string(), base: z.string().nullable(), takenAt: z.string(), text: z.string() })
  .strict();

/**
 * Hot exit: every window's unsaved edits, kept in the app's settings folder a second or so behind the typing, one file
 * per project and document, so that a crash, a kill or a power cut loses nothing. Each file is replaced atomically
 * and durably, like a save; it is let go once the edits are saved or the person discards them.
 */
export class Journal {
  private constructor(private readonly dir: string) {}

  static in(home: string): Journal {
    return new Journal(path.join(home, 'journal'));
  }

  /**
   * The key the tab encrypts its own journal with (browser-journal.ts): a page that someone else serves under the same
   * origin later (a program that took the port while Policywright was stopped) finds only ciphertext there.
   */
  async browserKey(): Promise<string> {
    const file = path.join(this.dir, 'browser.key');
    return serialized(`journal ${file}`, async () => {
      const existing = await readRegularFile(file, 1024).catch(() => null);
      if (existing && /^[\w-]{43}$/.test(existing.trim())) return existing.trim();
      const key = randomBytes(32).toString('base64url');
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, key);
      await fs.chmod(file, 0o600).catch(() => undefined);
      return key;
    });
  }

  async write(projectDir: string, documentId: string, entry: JournalEntry): Promise<void> {
    const file = this.fileFor(projectDir, documentId);
    await serialized(`journal ${file}`, async () => {
      await ensureFolder(path.dirname(file));
      await writeFileAtomic(file, JSON.stringify({ project: projectDir, documentId, ...entry }));
    });
  }

  async clear(projectDir: string, documentId: string): Promise<void> {
    const file = this.fileFor(projectDir, documentId);
    await serialized(`journal ${file}`, () => fs.rm(file, { force: true }));
  }

  async read(projectDir: string, documentId: string): Promise<JournalEntry | null> {
    const file = this.fileFor(projectDir, documentId);
    // Read as the settings are: never through a link, never waiting on a pipe, within a stated size.
    const text = await readRegularFile(file, SIZE_LIMITS.journal).catch(() => null);
    if (text === null) return null;
    try {
      const stored = StoredEntrySchema.parse(JSON.parse(text));
      if (stored.project !== projectDir || stored.documentId !== documentId) return null;
      return { base: stored.base, takenAt: stored.takenAt, text: stored.text };
    } catch {
      return null;
    }
  }

  /**
   * The edits to offer back: the newest of the app's entry and the browser's that reads as a document and differs
   * from the file — unless the file was written after the edits were taken on another base (they are older than it).
   */
  async recover(project: Project, documentId: string, browser: JournalEntry | null): Promise<RecoveredEdits | null> {
    const app = await this.read(project.dir, documentId);
    const candidates = [
      ...(app ? [{ entry: app, keptBy: 'app' as const }] : []),
      ...(browser ? [{ entry: browser, keptBy: 'browser' as const }] : []),
    ].sort((a, b) => Date.parse(b.entry.takenAt) - Date.parse(a.entry.takenAt));
    const disk = await project.fileState(documentId);
    for (const { entry, keptBy } of candidates) {
      const parsed = PolicyDocumentSchema.safeParse(parseJson(entry.text));
      if (!parsed.success) continue;
      if (disk && serializeDocument(parsed.data) === disk.text) continue;
      if (disk && entry.base !== disk.stamp && Date.parse(entry.takenAt) <= disk.modifiedAt) continue;
      return { document: parsed.data, takenAt: entry.takenAt, keptBy };
    }
    if (app) await this.clear(project.dir, documentId);
    return null;
  }

  /** One folder per project, named by a hash of its path: any path, any length, any characters. */
  private fileFor(projectDir: string, documentId: string): string {
    const key = createHash('sha256').update(projectDir).digest('hex').slice(0, 32);
    return path.join(this.dir, key, `${documentId}.json`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
