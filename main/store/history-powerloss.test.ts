import { describe, expect, it } from 'vitest';
import { runPowerLoss } from './testing/power-loss-runs';

/**
 * Power-loss simulation over document and version saves (see testing/power-loss-fs.ts). `npm test` runs 150
 * seeded runs; `npm run test:powerloss` runs 10,000 (POWERLOSS_RUNS sets the count).
 */
const RUNS = Number(process.env.POWERLOSS_RUNS ?? 150);

describe('power loss during saves', () => {
  it(`leaves no project unrecoverable in ${RUNS} seeded runs`, async () => {
    const figures = await runPowerLoss(1, RUNS);
    console.log(
      `power-loss simulation: ${figures.runs} runs, ${figures.cutsDuringASave} cuts during a save, ${figures.documentSaves} document saves, ${figures.versionSaves} version saves, ${figures.unrecoverable} unrecoverable`,
    );
    expect(figures.failures).toEqual([]);
    expect(figures.unrecoverable).toBe(0);
    expect(figures.cutsDuringASave).toBeGreaterThan(RUNS / 4);
  }, 3_600_000);
});
