import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { seeded } from '../../shared/testing/seeded-random';
import type { Checklist } from '../../shared/check/checklist-schema';
import { readAllChecklists } from '../store/checklists';
import { disclosureCoverage, starterClauseTopics } from './disclosures';

/**
 * How long the coverage of every shipped law takes on the bench's document (2,000 sections, about 100,000 words),
 * printed rather than asserted. It runs beside the checker (target: the checker's whole run ≤ 100 ms), so it should
 * cost little: the words are indexed once (shared/check/word-index.ts), and each keyword is a binary search.
 */
interface Generator {
  buildDocument(random: () => number): { doc: unknown; words: number };
}

let big: PolicyDocument;
let laws: Checklist[];

beforeAll(async () => {
  const generator = pathToFileURL(path.resolve(__dirname, '../../scripts/bench/generate.mjs')).href;
  const { buildDocument } = (await import(generator)) as Generator;
  big = PolicyDocumentSchema.parse(buildDocument(seeded(1)).doc);
  laws = await readAllChecklists();
});

describe('disclosure coverage timing on the bench document', () => {
  it('covers every shipped law on 2,000 sections', async () => {
    const topics = await starterClauseTopics();
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const start = performance.now();
      const coverage = disclosureCoverage(big, laws, topics);
      times.push(performance.now() - start);
      expect(coverage).toHaveLength(laws.length);
    }
    times.sort((a, b) => a - b);
    console.info(`coverage of ${laws.length} laws: median ${times[5]?.toFixed(1)} ms of 11 runs (min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)})`);
  }, 60_000);
});
