import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The desktop shell's security settings in the running app, where Electron's runtime is installed: the page has no
 * Node, sees only the contract's bridge, cannot navigate away or open windows, and the window runs with the web
 * preferences the unit tests hold (main/electron/hardening.test.ts); Electron 42 no longer reports them to a test.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The runtime's path from the electron package, asked in a child process as scripts/start.mjs asks: where the binary
 * was never installed, require('electron') tries a download and throws.
 */
function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  return binary && existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.skip(binary === null, "Electron's runtime cannot be downloaded on this machine");

test('the desktop window: no Node in the page, only the bridge, no way out but the link check', async () => {
  const app = await electron.launch({ executablePath: binary as string, args: [ROOT], env: { ...process.env, POLICYWRIGHT_HOME: path.join(ROOT, 'test-results', 'electron-home') } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/policywright\//);

    const inPage = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        bridge: Object.keys((w.policywright as object | undefined) ?? {}).sort(),
        opened: window.open('https://example.com/') === null,
      };
    });
    expect(inPage).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: ['api', 'onMenuCommand'], opened: true });

    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/policywright\//);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
