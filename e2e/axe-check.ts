import { createRequire } from 'node:module';
import * as fs from 'node:fs/promises';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}

/** axe-core, the accessibility checker, reads the page as assistive technology would; returns every rule it finds broken, one line each. */
export async function violations(page: Page, minimum: 'any' | 'serious' = 'any'): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => minimum === 'any' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** What axe objects to as serious or critical. */
export function seriousViolations(page: Page): Promise<string[]> {
  return violations(page, 'serious');
}
