/**
 * The patched slate-react (patches/README.md) lets a node drawn while the editor has no `decorate` skip its own
 * decorations. Policywright never gives one, but an editor that does so later must still see its nodes decorated:
 * a bare editor page (e2e/pages/decorate-switch.tsx), bundled here with esbuild (React's development build, in
 * StrictMode, so that a hook called out of order is reported) and answered by the browser's request routing, is given
 * a decorate and has it taken away again.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// A made-up origin, answered by the browser's request routing: no server, no port.
const ORIGIN = 'http://decorate-switch.test';
let script = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./pages/decorate-switch.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  script = result.outputFiles[0]!.text;
});

test('an editor given a decorate after it was drawn decorates its text, and stops when it is taken away', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console: ${message.text()}`);
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><div id="root"></div><script src="/page.js"></script></body></html>' });
  });
  await page.goto(`${ORIGIN}/`);
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
