import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { longDay } from '../model/dates';
import { hostileDocument } from './fixtures/hostile';
import { prepareDocument, type ExportList } from './prepare';
import { li, p, policy } from '../testing/builders';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
const sample = (name: string): PolicyDocument =>
  PolicyDocumentSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8')));

const doc = (blocks: Block[], numbering: PolicyDocument['numbering'] = 'decimal'): PolicyDocument => policy(blocks, { title: 'T', numbering });

const item = (list: 'bullet' | 'number', indent: number, text = 'x'): Block => li(text, list, indent);
const para = (text = 'p'): Block => p(text);

function lists(d: PolicyDocument): ExportList[] {
  return prepareDocument(d).blocks.filter((b): b is ExportList => b.kind === 'list');
}

describe('prepareDocument: headings', () => {
  it('numbers the sample headings exactly as the outline (numberSections) does', () => {
    for (const name of ['privacy-policy', 'cookie-policy', 'terms-of-service']) {
      const d = sample(name);
      const headings = prepareDocument(d).headings;
      expect(headings.map((h) => [h.id, h.label, h.number, h.text, h.depth])).toEqual(
        outlineOf(d).map((o) => [o.id, o.label, o.number, o.title, o.level]),
      );
    }
  });

  it('gives each heading its reference in the document style', () => {
    const d = sample('terms-of-service');
    const headings = prepareDocument({ ...d, numbering: 'article-section' }).headings;
    expect(headings.slice(0, 2).map((h) => [h.label, h.reference])).toEqual([
      ['Article I', 'Article I'],
      ['Section 1.01', 'Section 1.01'],
    ]);
  });
});

describe('prepareDocument: lists', () => {
  it('gathers consecutive list items into one list and restarts numbering after any other block', () => {
    const got = lists(doc([item('number', 0), item('number', 0), para(), item('number', 0), item('number', 0)]));
    expect(got).toHaveLength(2);
    expect(got.map((l) => l.items.map((i) => [i.ordinal, i.sequence]))).toEqual([
      [[1, 0], [2, 0]],
      [[1, 1], [2, 1]],
    ]);
  });

  it('restarts after a heading too', () => {
    const heading: Block = { kind: 'heading', id: 's-aaaaaa01', level: 1, runs: [{ text: 'H' }] };
    const got = lists(doc([item('number', 0), heading, item('number', 0)]));
    expect(got.map((l) => l.items.map((i) => i.ordinal))).toEqual([[1], [1]]);
  });

  it('keeps counting across a bullet at the same depth, and restarts nested numbers under a new parent', () => {
    const [list] = lists(
      doc([item('number', 0), item('bullet', 0), item('number', 0), item('number', 1), item('number', 1), item('bullet', 0), item('number', 1)]),
    );
    expect(list?.items.map((i) => [i.list, i.depth, i.ordinal])).toEqual([
      ['number', 0, 1],
      ['bullet', 0, 0],
      ['number', 0, 2],
      ['number', 1, 1],
      ['number', 1, 2],
      ['bullet', 0, 0],
      ['number', 1, 1],
    ]);
    const sequences = new Set(list?.items.filter((i) => i.list === 'number').map((i) => i.sequence));
    expect(sequences.size).toBe(3);
  });

  it('reads an indent that jumps as one level deeper', () => {
    const [list] = lists(doc([item('bullet', 2), item('bullet', 0), item('bullet', 4), item('bullet', 5), item('bullet', 1)]));
    expect(list?.items.map((i) => i.depth)).toEqual([0, 0, 1, 2, 1]);
  });
});

describe('prepareDocument: runs and text', () => {
  it('keeps only http, https and mailto links, as the URL parser writes them, and joins runs that look the same', () => {
    const d = doc([
      {
        kind: 'paragraph',
        runs: [
          { text: 'a', link: 'javascript:alert(1)' },
          { text: 'b' },
          { text: 'c', marks: ['bold'], link: 'https://example.com' },
          { text: 'd', marks: ['bold'], link: 'https://example.com' },
          { text: '' },
          { text: 'e', link: 'mailto:x@example.com' },
        ],
      },
    ]);
    const [block] = prepareDocument(d).blocks;
    expect(block?.kind === 'paragraph' && block.runs).toEqual([
      { text: 'ab', bold: false, italic: false, underline: false },
      { text: 'cd', bold: true, italic: false, underline: false, href: 'https://example.com/' },
      { text: 'e', bold: false, italic: false, underline: false, href: 'mailto:x@example.com' },
    ]);
  });

  it('removes what XML 1.0 forbids everywhere, and keeps vertical tab and form feed as line breaks', () => {
    const prepared = prepareDocument(hostileDocument());
    const everything = JSON.stringify(prepared);
    // JSON.stringify writes control characters as \u00XX escapes and lone surrogates as \udXXX.
    expect(everything).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f])|\\ud[89ab][0-9a-f]{2}|\ufffe/i);
    expect(prepared.owner).toBe("O'Brien & <Partners>");
    expect(prepared.title).toContain('Bell Title');
    const texts = prepared.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(texts).toContain('vertical\ntab, form\nfeed, nul, lone \uFFFD surrogate');
  });
});

describe('longDay', () => {
  it.each([
    ['2026-01-15', '15 January 2026'],
    ['2026-11-02', '2 November 2026'],
    ['1999-12-31', '31 December 1999'],
  ])('%s → %s', (iso, text) => expect(longDay(iso)).toBe(text));
});
