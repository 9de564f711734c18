import type { Page } from 'playwright-core';

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
  passes: Array<{ id: string }>;
}

/**
 * axe-core's verdict on the page as it stands: the serious and critical violations written out, and the checks that
 * passed. `axeSource` is axe-core's script, which the test reads (shared/ itself reads no files).
 */
export async function axeAudit(page: Page, axeSource: string): Promise<{ serious: string[]; passed: string[] }> {
  await page.evaluate(axeSource);
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
