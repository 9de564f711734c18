import { createRequire } from 'node:module';
import * as fs from 'node:fs/promises';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}

/**
 * What axe-core (read as assistive technology reads the page) objects to as serious or critical, one line each.
 * The same check as accessibility.spec.ts, for specs that check their own screens.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
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
