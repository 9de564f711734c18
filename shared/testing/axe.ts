import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core, read once, to be evaluated in a page of the system's Chromium. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
  passes: Array<{ id: string }>;
}

/** axe-core's verdict on the page as it stands: the serious and critical violations written out, and the checks that passed. */
export async function axeAudit(page: Page): Promise<{ serious: string[]; passed: string[] }> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations', 'passes'] });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
      passes: r.passes.map((p) => ({ id: p.id })),
    };
  });
  return {
    serious: results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    passed: results.passes.map((p) => p.id),
  };
}
