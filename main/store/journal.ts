import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MAX_JOURNAL_CHARS, type JournalEntry, type JournalPatch, type RecoveredEdits, type WindowJournalEntry } from '../../shared/api/contract';
import { applyTextPatch } from '../../shared/format/text-patch';
import { PolicyDocumentSchema } from '../../shared/model/document';
import { newSectionId } from '../../shared/model/ids';
import { serializeDocument } from '../../shared/format/serialize';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { journalFileText, readJournalFileText } from './journal-file';
import { serialized } from './serialized';
import { SIZE_LIMITS, readRegularFile } from './project-fs';
import type { Project } from './project';

const StoredEntrySchema = z
  .object({ project: z.string(), documentId: z.string(), window: z.string(), base: z.string().nullable(), takenAt: z.string(), text: z.string() })
  .strict();

// A window that wrote, cleared or checked within this long is alive: its entry is its own business, not a leftover.
const ALIVE_MS = 15_000;
const WINDOW = /^[a-z0-9-]{8,64}$/;
/** Windows' last entries held in memory for their next patch: each may be a whole document (11 MB at 1,000,000 words). */
const HELD_ENTRIES = 32;

/**
 * Hot exit: every window's unsaved edits, kept in the app's settings folder a second or so behind the typing, one file
 * per project, document and window, so that a crash, a kill or a power cut loses nothing. Each file is replaced
 * atomically and durably, like a save. An entry goes only when its window saved the edits, when it holds exactly what
 * the file holds, or when the person restored or discarded it — never because it could not be read or looked old.
 */
export class Journal {
  private readonly seen = new Map<string, number>();
  /** The entry each file holds, by its tag, as written last by this process: what the window's next patch changes. */
  private readonly latest = new Map<string, { tag: string; window: string; text: string }>();

  private constructor(private readonly dir: string) {}

  static in(home: string): Journal {
    return new Journal(path.join(home, 'journal'));
  }

  /** A window is gone: its entries may be offered at once. */
  forget(window: string): void {
    this.seen.delete(window);
    for (const [file, last] of this.latest) if (last.window === window) this.latest.delete(file);
  }

  /** A window showed it is alive (it wrote, cleared, or checked its document). */
  heard(window: string, now = Date.now()): void {
    this.seen.set(window, now);
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
      await ensureFolder(this.dir);
      await writeFileAtomic(file, key, undefined, 0o600);
      return key;
    });
  }

  /**
   * Keeps a window's entry, whole or as a patch of the one kept last for the window (or of the document's file, read
   * with `documentFile`); answers the kept entry's tag, or null when a patch was made for an entry this process does
   * not hold (it started since, or the entry went) or for a file that has changed since.
   */
  async write(projectDir: string, documentId: string, window: string, entry: JournalEntry | JournalPatch, documentFile?: () => Promise<{ text: string; stamp: string } | null>): Promise<string | null> {
    this.heard(window);
    const file = this.fileFor(projectDir, documentId, window);
    return serialized(`journal ${file}`, async () => {
      const text = 'text' in entry ? entry.text : await this.patched(file, entry, documentFile);
      if (text === null) return null;
      try {
        await ensureFolder(path.dirname(file));
        const stored = { project: projectDir, documentId, window, base: entry.base, takenAt: entry.takenAt, text };
        await writeFileAtomic(file, journalFileText(stored), undefined, 0o600);
      } catch (error) {
        this.latest.delete(file);
        throw error;
      }
      const tag = randomBytes(16).toString('hex');
      // Kept in the order last written: past HELD_ENTRIES, the window written to longest ago sends its next entry whole.
      this.latest.delete(file);
      this.latest.set(file, { tag, window, text });
      if (this.latest.size > HELD_ENTRIES) this.latest.delete(this.latest.keys().next().value as string);
      return tag;
    });
  }

  async clear(projectDir: string, documentId: string, window: string): Promise<void> {
    const file = this.fileFor(projectDir, documentId, window);
    this.latest.delete(file);
    await serialized(`journal ${file}`, () => fs.rm(file, { force: true }));
  }

  /** The patch applied to what it names: this window's last entry, or the document's file while it has that stamp. */
  private async patched(file: string, patch: JournalPatch, documentFile?: () => Promise<{ text: string; stamp: string } | null>): Promise<string | null> {
    const last = this.latest.get(file);
    let before: string | null = null;
    if (last?.tag === patch.after) before = last.text;
    else if (patch.after.startsWith('sha256-') && documentFile) {
      const read = await documentFile();
      if (read?.stamp === patch.after) before = read.text;
    }
    if (before === null) return null;
    const text = applyTextPatch(before, patch);
    return text !== null && text.length <= MAX_JOURNAL_CHARS ? text : null;
  }

  /** Every window's entry for the document, by window. */
  async entries(projectDir: string, documentId: string): Promise<WindowJournalEntry[]> {
    const folder = path.dirname(this.fileFor(projectDir, documentId, 'x'.repeat(8)));
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const found: WindowJournalEntry[] = [];
    for (const name of names) {
      const window = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !WINDOW.test(window)) continue;
      const stored = await this.readStored(path.join(folder, name));
      if (stored && stored.project === projectDir && stored.documentId === documentId && stored.window === window) {
        found.push({ window, entry: { base: stored.base, takenAt: stored.takenAt, text: stored.text } });
      }
    }
    return found;
  }

  /**
   * The edits to offer back to window `asking`: the newest entry, of the app's or the browser's, left by a window that
   * is gone, that reads as a document and differs from the file. Entries holding exactly the file's text are let go
   * (the app's here; the browser's named in `stale`).
   */
  async recover(project: Project, documentId: string, asking: string, browser: WindowJournalEntry[], now = Date.now()): Promise<{ recovered: RecoveredEdits | null; stale: string[] }> {
    this.heard(asking, now);
    const alive = (window: string) => window === asking || now - (this.seen.get(window) ?? -Infinity) < ALIVE_MS;
    const app = await this.entries(project.dir, documentId);
    const candidates = [
      ...app.map((e) => ({ ...e, keptBy: 'app' as const })),
      ...browser.map((e) => ({ ...e, keptBy: 'browser' as const })),
    ].sort((a, b) => Date.parse(b.entry.takenAt) - Date.parse(a.entry.takenAt));
    // Every document open asks: with nothing kept, the file is not read a second time for nothing.
    if (candidates.every(({ window }) => alive(window))) return { recovered: null, stale: [] };
    const disk = await project.fileState(documentId);
    const stale: string[] = [];
    let recovered: RecoveredEdits | null = null;
    for (const { window, entry, keptBy } of candidates) {
      if (alive(window)) continue;
      const document = readableDocument(entry.text);
      if (!document) continue;
      if (disk && serializeDocument(document) === disk.text) {
        if (keptBy === 'app') await this.clear(project.dir, documentId, window);
        else stale.push(window);
        continue;
      }
      if (recovered) continue;
      // Kept by the app from here on, whoever kept it: the tab's copy may go once the person has chosen.
      if (keptBy === 'browser') await this.write(project.dir, documentId, window, entry);
      this.seen.delete(window);
      recovered = { document, takenAt: entry.takenAt, base: entry.base, window, keptBy };
    }
    return { recovered, stale };
  }

  private async readStored(file: string): Promise<z.infer<typeof StoredEntrySchema> | null> {
    // Read as the settings are: never through a link, never waiting on a pipe, within a stated size.
    const text = await readRegularFile(file, SIZE_LIMITS.journal).catch(() => null);
    if (text === null) return null;
    const parsed = StoredEntrySchema.safeParse(readJournalFileText(text));
    return parsed.success ? parsed.data : null;
  }

  /** One folder per project, named by a hash of its path (any path, any length, any characters), one per document. */
  private fileFor(projectDir: string, documentId: string, window: string): string {
    const key = createHash('sha256').update(projectDir).digest('hex').slice(0, 32);
    return path.join(this.dir, key, documentId, `${window}.json`);
  }
}

/**
 * The journal's text as a document. A heading copied within the document keeps its original's id until the next save
 * gives it a new one, so a journal may hold the same id twice: the later one gets a new id here, as the save would.
 */
function readableDocument(text: string): z.infer<typeof PolicyDocumentSchema> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const blocks = (raw as { blocks?: unknown } | null)?.blocks;
  if (Array.isArray(blocks)) {
    const ids = new Set<unknown>();
    for (const block of blocks as Array<{ kind?: unknown; id?: unknown }>) {
      if (block?.kind !== 'heading') continue;
      if (ids.has(block.id)) block.id = newSectionId();
      ids.add(block.id);
    }
  }
  const parsed = PolicyDocumentSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
