import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { seeded } from '../testing/seeded-random';

/**
 * How long the exporters take on the bench's document (2,000 sections, about 100,000 words), printed rather than
 * asserted: timings on a shared CI machine are too noisy to fail a build on. Targets: DOCX ≤ 1 s, HTML ≤ 200 ms.
 */
interface Generator {
  buildDocument(random: () => number): { doc: unknown; words: number };
}

let big: PolicyDocument;
let words = 0;

beforeAll(async () => {
  const generator = pathToFileURL(path.resolve(__dirname, '../../scripts/bench/generate.mjs')).href;
  const { buildDocument } = (await import(generator)) as Generator;
  const built = buildDocument(seeded(1));
  big = PolicyDocumentSchema.parse(built.doc);
  words = built.words;
});

async function time(label: string, run: () => unknown, rounds: number): Promise<number> {
  const times: number[] = [];
  await run(); // the first run pays for compiling the code, which a long-running app pays once
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.info(`${label}: median ${median.toFixed(0)} ms of ${rounds} warm runs (min ${times[0]?.toFixed(0)}, max ${times.at(-1)?.toFixed(0)})`);
  return median;
}

describe('export timing on the bench document', () => {
  it('exports 2,000 sections to DOCX, HTML and Markdown', async () => {
    expect(big.blocks.filter((b) => b.kind === 'heading')).toHaveLength(2000);
    console.info(`bench document: ${big.blocks.length} blocks, ${words} words`);
    const cold = performance.now();
    const bytes = await exportDocx(big);
    console.info(`exportDocx: first run ${(performance.now() - cold).toFixed(0)} ms, ${bytes.length} bytes`);
    expect(bytes.length).toBeGreaterThan(100_000);
    await time('exportDocx', () => exportDocx(big), 5);
    await time('exportHtml', () => exportHtml(big), 10);
    await time('exportMarkdown', () => exportMarkdown(big), 10);
  }, 120_000);
});
