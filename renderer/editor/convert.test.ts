import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema, type Block } from '../../shared/model/document';
import { blocksToSlate, slateToBlocks } from './convert';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');

describe('blocksToSlate / slateToBlocks', () => {
  it.each(fs.readdirSync(SAMPLES))('round-trips %s exactly', (file) => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, file), 'utf8'), file);
    expect(slateToBlocks(blocksToSlate(doc.blocks))).toEqual(doc.blocks);
  });

  it('groups runs that share a link into one inline link, padded with text as Slate requires', () => {
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        runs: [
          { text: 'Write to ', marks: ['bold'] },
          { text: 'privacy', link: 'mailto:p@example.com' },
          { text: '@example.com', marks: ['italic'], link: 'mailto:p@example.com' },
        ],
      },
    ];
    const [node] = blocksToSlate(blocks);
    expect(node?.children).toEqual([
      { text: 'Write to ', bold: true },
      { type: 'link', href: 'mailto:p@example.com', children: [{ text: 'privacy' }, { text: '@example.com', italic: true }] },
      { text: '' },
    ]);
    expect(slateToBlocks(blocksToSlate(blocks))).toEqual(blocks);
  });

  it('joins text that Slate split into leaves of the same formatting, and drops empty leaves', () => {
    const blocks = slateToBlocks([
      { type: 'heading', id: 's-abcdef', level: 2, children: [{ text: 'Your ' }, { text: '' }, { text: 'Rights' }] },
    ]);
    expect(blocks).toEqual([{ kind: 'heading', id: 's-abcdef', level: 2, runs: [{ text: 'Your Rights' }] }]);
  });
});
