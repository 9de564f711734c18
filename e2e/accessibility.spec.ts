import { createRequire } from 'node:module';
import * as fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const require = createRequire(import.meta.url);

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}

/** axe-core, the accessibility checker, reads the page as assistive technology would; returns what it objects to. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own CSP rightly refuses inline scripts.
  await page.evaluate(await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the editor and the project dialog have no serious or critical accessibility violations', async ({ page }) => {
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the find and replace bar, with its list of documents, has no serious or critical accessibility violations', async ({ page }) => {
  await page.locator('.policy-editor').click();
  await page.keyboard.press('Control+h');
  await page.keyboard.type('cookie');
  await page.getByRole('button', { name: 'Find in all documents' }).click();
  await expect(page.getByRole('list', { name: 'Documents with matches' })).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.locator('.find-count')).toHaveText(/^\d+ of \d+$/);
  expect(await seriousViolations(page)).toEqual([]);
});
