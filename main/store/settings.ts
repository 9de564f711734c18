import * as path from 'node:path';
import { z } from 'zod';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { SIZE_LIMITS, readRegularFile } from './project-fs';

const SettingsSchema = z.object({ teamLibrary: z.string().min(1).nullable().default(null) });
export type Settings = z.infer<typeof SettingsSchema>;

/** The app's own settings (not a project's): for now, the team clause library folder shared by every project. */
export class AppSettings {
  constructor(private readonly file: string) {}

  static in(home: string): AppSettings {
    return new AppSettings(path.join(home, 'settings.json'));
  }

  async get(): Promise<Settings> {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse((await readRegularFile(this.file, SIZE_LIMITS.settings)) ?? 'null'));
      // A damaged settings file costs only the team library link, which the person can attach again.
      return parsed.success ? parsed.data : { teamLibrary: null };
    } catch {
      return { teamLibrary: null };
    }
  }

  async set(settings: Settings): Promise<void> {
    await ensureFolder(path.dirname(this.file));
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}
