import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');

export interface RunningApp {
  /** The launch address the web host printed; it works once, and the fixture has used it. */
  url: string;
  /** The app's own origin (`http://<random>.localhost:<port>`): reload or navigate here, not to `url`. */
  origin: string;
  /** The project folder the app has open: a fresh copy of the sample, made for this test. */
  projectDir: string;
  home: string;
  /** Reads a document file as the app wrote it to disk. */
  readDocument(id: string): Promise<string>;
}

/**
 * Starts the built CLI's web host on a project, as `npm start` does on this machine: on any free port by default, or
 * (portArgs []) on the origin it answered under last time from this home, as after a crash.
 */
export async function startApp(
  projectDir: string | undefined,
  home: string,
  portArgs = ['--port', '0'],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const args = [path.join(ROOT, 'bin', 'policywright.mjs'), 'serve', ...(projectDir ? [projectDir] : []), ...portArgs];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, POLICYWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[a-z0-9-]+\.localhost:\d+\/\?code=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the web host exited (${code}): ${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: RunningApp; identity: string | null }>({
  /** The name the person already gave (settings), for tests not about being asked it; null: asked on first use. */
  identity: [null, { option: true }],
  // Automatic: every test starts on a running app, whether or not it names the fixture.
  app: [async ({ page, identity }, use) => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'policywright-e2e-'));
    if (identity) await fs.writeFile(path.join(home, 'settings.json'), `${JSON.stringify({ teamLibrary: null, identity: { name: identity } })}\n`);
    const projectDir = path.join(home, 'Northwind');
    await fs.cp(path.join(ROOT, 'assets', 'sample-project'), projectDir, { recursive: true });
    const { child, url } = await startApp(projectDir, home);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    await use({
      url,
      origin: new URL(url).origin,
      projectDir,
      home,
      readDocument: (id) => fs.readFile(path.join(projectDir, 'documents', `${id}.policy.json`), 'utf8'),
    });
    // The host may still be writing its journal as it stops: wait for it to exit before its home is removed.
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await fs.rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    expect(errors, 'the page threw no uncaught errors').toEqual([]);
  }, { auto: true }],
});

export { expect };

export function heading(page: Page, title: string) {
  return page.locator('.policy-editor .section-heading', { has: page.locator('.section-title', { hasText: new RegExp(`^${escape(title)}$`) }) });
}

export function sectionNumber(page: Page, title: string) {
  return heading(page, title).getByTestId('section-number');
}

export async function outlineLabels(page: Page): Promise<string[]> {
  return page.locator('.outline-item').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('.outline-number')?.textContent ?? ''} ${item.querySelector('.outline-title')?.textContent ?? ''}`.trim()),
  );
}

/** Puts the caret at the end of a section heading's text. */
export async function clickEndOfHeading(page: Page, title: string) {
  const target = heading(page, title).locator('.section-title');
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
}

/** Answers the one-time "Your name" dialog (the first comment or suggestion asks who this is), and waits for it to go. */
export async function giveName(page: Page, name: string) {
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await expect(ask).toBeVisible();
  await ask.getByLabel('Name').fill(name);
  await ask.getByRole('button', { name: 'Save' }).click();
  await expect(ask).toBeHidden();
}

/** A button of the editing toolbar, from its More menu (opened for it) when the row has no room for it. */
export async function toolbarButton(page: Page, name: string) {
  const toolbar = page.getByRole('toolbar', { name: 'Editing' });
  const button = toolbar.getByRole('button', { name, exact: true });
  if (!(await button.isVisible())) await toolbar.getByRole('button', { name: /^More/ }).click();
  return button;
}

/**
 * Keeps what the app puts on the clipboard at each copy in `window.copied` (by type), read as it leaves: a test cannot
 * paste into another program to see it.
 */
export async function recordCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const copied: Record<string, string> = {};
    (window as unknown as { copied: Record<string, string> }).copied = copied;
    window.addEventListener(
      'copy',
      (event) => {
        const data = event.clipboardData;
        if (!data) return;
        const setData = data.setData.bind(data);
        data.setData = (type: string, value: string) => {
          copied[type] = value;
          setData(type, value);
        };
      },
      true,
    );
  });
}

export async function screenshot(page: Page, name: string) {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
