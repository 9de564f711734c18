import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { seeded } from '../testing/seeded-random';
import { definedTerms } from './terms';

/**
 * How long the Terms panel's reading takes on the bench's document (2,000 sections, about 100,000 words) with 200
 * defined terms, each used once more, as the checker's bench adds them: printed, never asserted. It runs in an idle
 * moment after typing stops (and when the pointer comes over the page), never per key.
 */
interface Generator {
  buildDocument(random: () => number): { doc: unknown; words: number };
}

let doc: PolicyDocument;

beforeAll(async () => {
  const generator = pathToFileURL(path.resolve(__dirname, '../../scripts/bench/generate.mjs')).href;
  const { buildDocument } = (await import(generator)) as Generator;
  const built = PolicyDocumentSchema.parse(buildDocument(seeded(1)).doc);
  const blocks = structuredClone(built.blocks);
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const random = seeded(4);
  const pick = () => paragraphs[Math.floor(random() * paragraphs.length)] as (typeof paragraphs)[number];
  for (let t = 0; t < 200; t++) {
    pick().runs.unshift({ text: `“Bench Term ${t}” means ` });
    pick().runs.push({ text: ` The Bench Term ${t} applies.` });
  }
  doc = { ...built, blocks };
});

describe('definedTerms on the 100,000-word bench document with 200 terms', () => {
  it('reads every term with its definition and uses', () => {
    definedTerms(doc);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      found = definedTerms(doc).filter((t) => t.term.startsWith('Bench Term')).length;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.info(`definedTerms: median ${times[2]?.toFixed(0)} ms of 5 warm runs (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)}); ${found} bench terms`);
    expect(found).toBe(200);
  });
});
