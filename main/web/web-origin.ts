import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write';

const RememberedSchema = z.object({ hostName: z.string().regex(/^policywright-[a-z2-7]{16}\.localhost$/), port: z.number().int().min(1024).max(65535) });
export type WebOrigin = z.infer<typeof RememberedSchema>;

/**
 * The host name and port the web host answered under last time, kept in the app's settings folder: a host started
 * again after a crash answers under the same origin, so the tab's own journal of unsaved edits (IndexedDB, which the
 * browser keeps per origin) is there to be offered back. Sessions are still per launch.
 */
export async function rememberedOrigin(home: string): Promise<WebOrigin | null> {
  const text = await fs.readFile(fileIn(home), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = RememberedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function rememberOrigin(home: string, origin: WebOrigin): Promise<void> {
  await fs.mkdir(home, { recursive: true });
  await writeFileAtomic(fileIn(home), `${JSON.stringify(origin)}\n`);
}

function fileIn(home: string): string {
  return path.join(home, 'web-host.json');
}
