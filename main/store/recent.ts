import * as path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api/contract';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { SIZE_LIMITS, readRegularFile } from './project-fs';

const MAX_RECENT = 10;

const RecentFileSchema = z.object({
  projects: z.array(z.object({ name: z.string(), path: z.string(), openedAt: z.string() })),
});

/** The recent-projects list: most recent first, one entry a folder. */
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
    const others = (await this.list()).filter((entry) => entry.path !== project.path);
    const projects = [{ name: project.name, path: project.path, openedAt: now.toISOString() }, ...others].slice(0, MAX_RECENT);
    await ensureFolder(path.dirname(this.file));
    await writeFileAtomic(this.file, `${JSON.stringify({ projects }, null, 2)}\n`);
  }
}
