/**
 * The patched slate-react (patches/README.md), on bare editor pages (e2e/pages/), bundled here with esbuild (React's
 * development build, in StrictMode, so that a hook called out of order is reported) and answered by the browser's
 * request routing:
 * - a node drawn while the editor has no `decorate` skips its own decorations. Policywright never gives one, but an
 *   editor that does so later must still see its nodes decorated: decorate-switch.tsx is given a decorate and has it
 *   taken away again.
 * - a leaf just drawn leaves no update behind for a render of its own: leaf-renders.tsx counts React's commits.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

// A made-up origin, answered by the browser's request routing: no server, no port.
const ORIGIN = 'http://decorate-switch.test';
const scripts = new Map<string, string>();

test.beforeAll(async () => {
  for (const name of ['decorate-switch', 'leaf-renders']) {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`./pages/${name}.tsx`, import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    scripts.set(name, result.outputFiles[0]!.text);
  }
});

/** Opens a bare editor page; returns the errors and warnings it reports. */
async function openPage(page: Page, name: string, hash = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console: ${message.text()}`);
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: scripts.get(name)! });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><div id="root"></div><script src="/page.js"></script></body></html>' });
  });
  await page.goto(`${ORIGIN}/${hash}`);
  return errors;
}

test('an editor given a decorate after it was drawn decorates its text, and stops when it is taken away', async ({ page }) => {
  const errors = await openPage(page, 'decorate-switch');
  const editor = page.locator('[data-slate-editor]');
  await expect(editor).toHaveText('hello world');
  await expect(editor.locator('[data-hit]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Decorate', exact: true }).click();
  await expect(editor.locator('[data-hit="yes"]')).toHaveText('hello');
  await expect(editor).toHaveText('hello world');

  // Typed into while decorated: the new text is decorated as it comes.
  await editor.locator('[data-hit="yes"]').click();
  await page.keyboard.press('End');
  await page.keyboard.type(', hello again');
  await expect(editor.locator('[data-hit="yes"]')).toHaveText(['hello', 'hello']);

  await page.getByRole('button', { name: 'Stop decorating' }).click();
  await expect(editor.locator('[data-hit]')).toHaveCount(0);
  await expect(editor).toHaveText('hello world, hello again');
  expect(errors).toEqual([]);
});

test('each Enter and each letter is one render of the editor: a block an Enter draws leaves none for later', async ({ page }) => {
  const errors = await openPage(page, 'leaf-renders');
  const editor = page.locator('[data-slate-editor]');
  await expect(editor).toHaveText('hello world');
  await editor.click();
  await page.keyboard.press('End');
  // Until the click's and the key's own renders are done (slate-react reads the selection up to 100 ms late).
  const commits = () => page.evaluate(() => window.commits);
  let before = await commits();
  for (let settled = 0; settled < 2; ) {
    await page.waitForTimeout(150);
    const now = await commits();
    settled = now === before ? settled + 1 : 0;
    before = now;
  }
  const keys = ['Enter', 'a', 'Enter', 'b', 'Enter', 'c'];
  for (const key of keys) {
    await page.keyboard.press(key);
    // Past the passive effects and any render they leave for the scheduler.
    await page.waitForTimeout(100);
  }
  await expect(editor.locator('[data-slate-node="element"]')).toHaveText(['hello world', 'a', 'b', 'c']);
  await page.waitForTimeout(300);
  expect(await commits()).toBe(before + keys.length);
  expect(errors).toEqual([]);
});

test("an empty editor's placeholder still shows, hides once a letter is typed, and shows again when it is deleted", async ({ page }) => {
  const errors = await openPage(page, 'leaf-renders', '#empty');
  const editor = page.locator('[data-slate-editor]');
  const placeholder = editor.locator('[data-slate-placeholder]');
  await expect(placeholder).toHaveText('Type here');
  await editor.click();
  await page.keyboard.type('a');
  await expect(placeholder).toHaveCount(0);
  await expect(editor).toHaveText('a');
  await page.keyboard.press('Backspace');
  await expect(placeholder).toHaveText('Type here');
  await page.keyboard.type('b');
  await expect(placeholder).toHaveCount(0);
  expect(errors).toEqual([]);
});
