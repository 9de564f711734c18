import { describe, expect, it } from 'vitest';
import type { Block, NumberingStyle } from '../model/document';
import { outlineOf } from './outline';

const heading = (id: string, level: number, ...texts: string[]): Block => ({
  kind: 'heading',
  id,
  level,
  runs: texts.map((text) => ({ text })),
});
const paragraph = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

const BLOCKS: Block[] = [
  paragraph('Preamble before any heading.'),
  heading('s-aaaaaa01', 1, 'Who ', 'We Are'),
  paragraph('Text.'),
  { kind: 'list-item', list: 'bullet', indent: 0, runs: [{ text: 'A list item is not a heading' }] },
  heading('s-aaaaaa02', 2, '  Our Role  '),
  heading('s-aaaaaa03', 3, 'Controller'),
  heading('s-aaaaaa04', 4, 'Processor'),
  heading('s-aaaaaa05', 1, 'Contact'),
];

describe('outlineOf', () => {
  it('lists only headings, in order, with id, number, label, trimmed title and depth', () => {
    expect(outlineOf({ blocks: BLOCKS, numbering: 'decimal' })).toEqual([
      { id: 's-aaaaaa01', number: '1', label: '1.', title: 'Who We Are', level: 1 },
      { id: 's-aaaaaa02', number: '1.1', label: '1.1', title: 'Our Role', level: 2 },
      { id: 's-aaaaaa03', number: '1.1.1', label: '1.1.1', title: 'Controller', level: 3 },
      { id: 's-aaaaaa04', number: '1.1.1.1', label: '1.1.1.1', title: 'Processor', level: 4 },
      { id: 's-aaaaaa05', number: '2', label: '2.', title: 'Contact', level: 1 },
    ]);
  });

  it.each<[NumberingStyle, string[]]>([
    ['decimal', ['1.', '1.1', '1.1.1', '1.1.1.1', '2.']],
    ['letter-decimal', ['A.', '1.', '1.1', '1.1.1', 'B.']],
    ['article-section', ['Article I', 'Section 1.01', '(a)', '(i)', 'Article II']],
    ['section-sign', ['§ 1', '§ 1.1', '§ 1.1.1', '§ 1.1.1.1', '§ 2']],
  ])('%s: number is the label without its closing full stop', (style, expectedLabels) => {
    const outline = outlineOf({ blocks: BLOCKS, numbering: style });
    expect(outline.map((e) => e.label)).toEqual(expectedLabels);
    for (const entry of outline) {
      expect(entry.number).toBe(entry.label.endsWith('.') ? entry.label.slice(0, -1) : entry.label);
      expect(entry.number.endsWith('.')).toBe(false);
    }
  });

  it('reports the depth in the section tree, not the stored level, when levels jump', () => {
    const outline = outlineOf({
      numbering: 'decimal',
      blocks: [heading('s-jump0001', 1, 'Top'), heading('s-jump0002', 3, 'Jumped'), heading('s-jump0003', 3, 'Also jumped')],
    });
    expect(outline.map((e) => [e.number, e.level])).toEqual([
      ['1', 1],
      ['1.1', 2],
      ['1.2', 2],
    ]);
  });

  it('gives an empty outline for a document without headings', () => {
    expect(outlineOf({ blocks: [paragraph('Only text.')], numbering: 'decimal' })).toEqual([]);
  });

  it('gives a heading with no runs an empty title', () => {
    expect(outlineOf({ blocks: [heading('s-empty001', 1)], numbering: 'section-sign' })).toEqual([
      { id: 's-empty001', number: '§ 1', label: '§ 1', title: '', level: 1 },
    ]);
  });
});
