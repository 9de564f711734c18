import * as path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api/contract';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { SIZE_LIMITS, readRegularFile } from './project-fs';
import { serialized } from './serialized';

const MAX_RECENT = 10;

const RecentFileSchema = z.object({
  projects: z.array(z.object({ name: z.string(), path: z.string(), openedAt: z.string(), lastDocument: z.string().optional() })),
});

/**
 * The recent-projects list: most recent first, one entry a folder, with the document last opened there (per person,
 * so here in the app's settings folder rather than in a project folder shared with others).
 */
export class RecentProjects {
  constructor(private readonly file: string) {}

  static in(home: string): RecentProjects {
    return new RecentProjects(path.join(home, 'recent-projects.json'));
  }

  async list(): Promise<RecentProject[]> {
    try {
      const parsed = RecentFileSchema.safeParse(JSON.parse((await readRegularFile(this.file, SIZE_LIMITS.settings)) ?? 'null'));
      // A damaged list is not worth an error: the projects themselves are untouched, and the list rebuilds as they open.
      return parsed.success ? parsed.data.projects : [];
    } catch {
      return [];
    }
  }

  async remember(project: { name: string; path: string }, now = new Date()): Promise<void> {
    await this.change((projects) => {
      const previous = projects.find((entry) => entry.path === project.path);
      const others = projects.filter((entry) => entry !== previous);
      const lastDocument = previous?.lastDocument;
      return [{ name: project.name, path: project.path, openedAt: now.toISOString(), ...(lastDocument ? { lastDocument } : {}) }, ...others];
    });
  }

  /** The document opened last in a remembered project; a project not in the list is left alone. */
  async rememberDocument(projectPath: string, documentId: string): Promise<void> {
    await this.change((projects) => projects.map((entry) => (entry.path === projectPath ? { ...entry, lastDocument: documentId } : entry)));
  }

  /** The document opened last in the project at `projectPath`, if any. */
  async lastDocument(projectPath: string): Promise<string | undefined> {
    return (await this.list()).find((entry) => entry.path === projectPath)?.lastDocument;
  }

  /** One change at a time: opening a project and a document at once must not lose either. */
  private change(edit: (projects: RecentProject[]) => RecentProject[]): Promise<void> {
    return serialized(`recent ${this.file}`, async () => {
      const projects = edit(await this.list()).slice(0, MAX_RECENT);
      await ensureFolder(path.dirname(this.file));
      await writeFileAtomic(this.file, `${JSON.stringify({ projects }, null, 2)}\n`);
    });
  }
}
