import * as path from 'node:path';
import { z } from 'zod';
import { IdentitySchema } from '../../shared/model/identity-schema';
import { ensureFolder, writeFileAtomic } from './atomic-write';
import { SIZE_LIMITS, readRegularFile } from './project-fs';

// Each setting is read on its own: a damaged one costs only itself, and a file from before a setting existed still reads.
const SettingsSchema = z.object({
  teamLibrary: z.string().min(1).nullable().default(null).catch(null),
  identity: IdentitySchema.nullable().default(null).catch(null),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** Settings as written: those left out read as unset. */
export type SettingsInput = z.input<typeof SettingsSchema>;

const NO_SETTINGS: Settings = { teamLibrary: null, identity: null };

/** The app's own settings (not a project's): the team clause library folder, and who the person is. */
export class AppSettings {
  constructor(private readonly file: string) {}

  static in(home: string): AppSettings {
    return new AppSettings(path.join(home, 'settings.json'));
  }

  async get(): Promise<Settings> {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse((await readRegularFile(this.file, SIZE_LIMITS.settings)) ?? 'null'));
      // A settings file that is not an object at all costs the team library link and the name, both asked again.
      return parsed.success ? parsed.data : { ...NO_SETTINGS };
    } catch {
      return { ...NO_SETTINGS };
    }
  }

  /** Changes some settings and keeps the rest as they are. */
  async update(change: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...change };
    await this.set(next);
    return next;
  }

  async set(settings: SettingsInput): Promise<void> {
    await ensureFolder(path.dirname(this.file));
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}
