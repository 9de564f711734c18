import { chromiumPdf } from '../export/pdf';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, createHandlers } from '../api/handlers';
import { RecentProjects } from '../store/recent';
import { startWebHost, type WebHost } from '../web/server';
import { openSession, rawRequest, writeRenderer } from '../web/test-host';
import { serveUntilStopped } from './serve-command';

let tmp: string;
let web: WebHost;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-serve-'));
  const handlers = createHandlers(
    { version: 'serve', recent: RecentProjects.in(path.join(tmp, 'home')), pickFolder: null, renderPdf: chromiumPdf, userName: 'Serve' },
    new Workspace(),
  );
  web = await startWebHost({ rendererDir: await writeRenderer(tmp), handlers });
});

afterEach(async () => {
  await web.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Runs the command with a stand-in terminal; returns what it printed and a way to stop it. */
function serve(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const printed: string[] = [];
  let stop = () => undefined as void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const done = serveUntilStopped(web, { out: (text) => printed.push(text), err: (text) => printed.push(text) }, { input, stopped });
  return { input, printed, stop, done };
}

const addresses = (printed: string[]) => printed.join('').match(/http:\/\/\S+/g) ?? [];

describe('policywright serve', () => {
  it('prints the launch address, and at Enter in a terminal a new one that works after the first is spent', async () => {
    const run = serve(true);
    expect(run.printed.join('')).toContain(`Policywright is running at ${web.url}\n`);
    expect(run.printed.join('')).toContain('it works once. Press Enter here for a new address, Ctrl+C to stop.');
    await openSession(web.url);
    run.input.write('\n');
    await expect.poll(() => addresses(run.printed).length).toBe(2);
    const fresh = addresses(run.printed)[1] ?? '';
    expect(fresh).not.toBe(web.url);
    expect(new URL(fresh).origin).toBe(web.origin);
    expect(await openSession(fresh)).toMatch(/^[\w-]{43}$/);
    run.stop();
    await run.done;
    await expect(rawRequest(web.port, {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('does not offer Enter where no one sits at a terminal', async () => {
    const run = serve(false);
    run.input.write('\n');
    run.stop();
    await run.done;
    expect(run.printed.join('')).toContain('it works once. Press Ctrl+C to stop.');
    expect(addresses(run.printed)).toEqual([web.url]);
  });
});
