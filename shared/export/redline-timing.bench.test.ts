import { beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import type { Comparison } from '../compare/types';
import { exportRedlineDocx } from './redline-docx';
import { exportRedlineHtml } from './redline-html';
import { benchEditions, loadBenchGenerator } from './redline-test-documents';

/**
 * How long the comparison and both redlines take on the bench's document (2,000 sections, about 100,000 words, 2% of
 * words changed, sections moved): printed rather than asserted, as a shared machine is too noisy to fail a build on.
 * `npm run bench` runs it; the correctness of the same kinds of change is checked on a part of that document in
 * redline-html.oracle.test.ts and redline-docx.oracle.test.ts.
 */
let comparison: Comparison;

beforeAll(async () => {
  const big = benchEditions(await loadBenchGenerator());
  const start = performance.now();
  comparison = compareDocuments(big.old, big.new, { oldLabel: 'Version 1.0', newLabel: 'Version 2.0' });
  console.info(`compareDocuments: ${(performance.now() - start).toFixed(0)} ms, ${comparison.rows.length} rows`);
}, 120_000);

/** The first run's time (it pays for compiling the code, as a long-running app does once) and the warm median. */
async function time(label: string, run: () => unknown, rounds: number): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const [first, ...warm] = times;
  warm.sort((a, b) => a - b);
  console.info(`${label}: first run ${first?.toFixed(0)} ms, warm median ${warm[Math.floor(warm.length / 2)]?.toFixed(0)} ms`);
}

describe('redline timing on the bench document', () => {
  it('compares the two editions and exports both redlines', async () => {
    const s = comparison.summary;
    console.info(`bench redline: ${s.changed} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved; +${s.wordsInserted} −${s.wordsDeleted} words`);
    expect(s.moved).toBeGreaterThan(0);
    await time('exportRedlineHtml', () => exportRedlineHtml(comparison), 5);
    await time('exportRedlineDocx', () => exportRedlineDocx(comparison, { author: 'Bench', date: new Date('2026-11-02T10:30:00.000Z') }), 3);
  }, 300_000);
});
