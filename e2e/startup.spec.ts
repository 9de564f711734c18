import { expect, test } from './fixtures';

/**
 * With an inspector attached (DevTools, this driver), V8 re-parses a script for source positions when a stack is
 * captured while its top-level code runs: an Error made, or a request whose initiator Chromium records. The page's
 * bundle is 800 kB, and that re-parse was 30–70 ms of every start (patches/README.md, renderer/vite.config.ts).
 */
test('the page loads without capturing a stack in the bundle: no Error made at load, and the start-up request sent from its own small chunk, run first', async ({ page }) => {
  await page.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { errorsAtLoad: string[] }).errorsAtLoad = made;
    let loading = true;
    // Module scripts run before DOMContentLoaded: every Error made while the bundle is evaluated is counted.
    document.addEventListener('DOMContentLoaded', () => (loading = false));
    window.Error = new Proxy(Error, {
      construct(target, args, newTarget) {
        if (loading) made.push(String(args[0]));
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, _this, args) {
        if (loading) made.push(String(args[0]));
        return Reflect.construct(target, args) as object;
      },
    });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sentFrom: string[][] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.endsWith('/api/getStartup')) sentFrom.push((event.initiator.stack?.callFrames ?? []).map((frame) => frame.url));
  });

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { errorsAtLoad: string[] }).errorsAtLoad)).toEqual([]);
  expect(sentFrom).toHaveLength(1);
  const frames = sentFrom[0] ?? [];
  expect(frames.length).toBeGreaterThan(0);
  for (const url of frames) expect(url).toMatch(/\/assets\/boot-[\w-]+\.js$/);
  // The boot chunk is a script of its own, first: it runs without waiting for the app's whole bundle to be parsed.
  const scripts = await page.evaluate(() => Array.from(document.querySelectorAll('script[type="module"]'), (script) => script.getAttribute('src')));
  expect(scripts).toHaveLength(2);
  expect(scripts[0]).toMatch(/\/assets\/boot-[\w-]+\.js$/);
  expect(scripts[1]).toMatch(/\/assets\/main-[\w-]+\.js$/);
});
