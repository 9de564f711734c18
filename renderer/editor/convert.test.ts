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

describe('cross-references', () => {
  const blocks: Block[] = [
    { kind: 'heading', id: 's-scope00001', level: 1, runs: [{ text: 'Scope' }] },
    {
      kind: 'paragraph',
      runs: [
        { text: 'As Section ' },
        { text: '{{ref:s-scope00001}}', ref: 's-scope00001' },
        { text: '{{ref:s-scope00001}}', ref: 's-scope00001', refTitle: true, marks: ['bold'] },
        { text: ' says.' },
      ],
    },
  ];

  it('become inline voids carrying the section id, never its number, padded with text as Slate requires', () => {
    const [, paragraph] = blocksToSlate(blocks);
    expect(paragraph?.children).toEqual([
      { text: 'As Section ' },
      { type: 'reference', ref: 's-scope00001', children: [{ text: '' }] },
      { text: '' },
      { type: 'reference', ref: 's-scope00001', refTitle: true, bold: true, children: [{ text: '' }] },
      { text: ' says.' },
    ]);
  });

  it('round-trip exactly, two references side by side staying two, with their suggestion and comment fields', () => {
    expect(slateToBlocks(blocksToSlate(blocks))).toEqual(blocks);
    const suggested: Block[] = [
      {
        kind: 'paragraph',
        runs: [
          { text: 'See ' },
          { text: '{{ref:s-scope00001}}', ref: 's-scope00001', ins: { id: 'g-1', by: 'Ana', at: '2026-12-04T10:00:00Z' }, comments: ['c-1'] },
        ],
      },
    ];
    expect(slateToBlocks(blocksToSlate(suggested))).toEqual(suggested);
  });

  it('store what the schema accepts', () => {
    const doc = { format: 4, title: 'T', effectiveDate: '2026-01-01', lastUpdated: '2026-01-01', versionLabel: '1', owner: 'o', numbering: 'decimal', blocks: slateToBlocks(blocksToSlate(blocks)) };
    expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  });
});
