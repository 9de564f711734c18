import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { numberSections } from '../numbering/number';
import { ImportError } from './errors';
import { importText, readPlainText } from './text';
import { allRuns } from '../model/block-runs';
import type { Block } from '../model/document';

/** A block's runs, whatever its kind (a table's caption and cells in reading order). */
const runsOf = (block: Block | undefined) => (block ? allRuns(block) : undefined);

// A copy of the example our users bring, kept with the fixtures: the tests read nothing outside the repository.
const SEED = new URL('./fixtures/privacy-policy-example.txt', import.meta.url);

function readSeed(): Buffer {
  return readFileSync(SEED);
}

const plain = (runs: ReadonlyArray<{ text: string }>) => runs.map((r) => r.text).join('');

function outline(doc: PolicyDocument): string[] {
  const headings = doc.blocks.filter((b) => b.kind === 'heading');
  const numbers = numberSections(headings, doc.numbering);
  return headings.map((h, i) => `${numbers[i]?.reference} ${plain(h.runs)}`);
}

/** Words: white-space separated tokens with at least one letter or digit ("-" bullets are not words). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function multiset(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The ISO date written back the way the seed writes it ("February 02, 2026"), to compare words. */
function asWritten(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1]} ${d}, ${y}`;
}

describe('the seed: a real-world plain-text privacy policy', () => {
  const source = readSeed().toString('utf8');
  const doc = importText(readSeed(), { fileName: 'privacy-policy-example.txt' });

  it('is a valid PolicyDocument', () => {
    expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('has exactly the outline its typed numbers say: 1–5, with 1.1–1.3 under 1', () => {
    // the typed section numbers of the source, in order, read straight from it
    const typed = source
      .split('\n')
      .map((l) => /^(\d+(?:\.\d+)*)\.?\s+\S/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
    expect(typed).toEqual(['1', '1.1', '1.2', '1.3', '2', '3', '4', '5']);
    expect(outline(doc)).toEqual([
      '1 Information We Collect',
      '1.1 Information You Provide Directly',
      '1.2 Information Collected Automatically',
      '1.3 Information from Third Parties',
      '2 Use of Your Information',
      '3 Data Protection and Security',
      '4 Cookies and Similar Tracking Technologies',
      '5 Your Rights and Choices',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 2, 2, 2, 1, 1, 1, 1]);
    expect(doc.numbering).toBe('decimal');
  });

  it('has its title and both dates in the metadata, not in the text', () => {
    expect(doc.title).toBe('Privacy Policy');
    expect(doc.effectiveDate).toBe('2023-10-26');
    expect(doc.lastUpdated).toBe('2026-02-02');
    const body = doc.blocks.map((b) => plain(allRuns(b))).join('\n');
    expect(body).not.toMatch(/Effective Date:|Last updated:/);
  });

  it('keeps the two opening paragraphs as a preamble before section 1', () => {
    const first = doc.blocks.findIndex((b) => b.kind === 'heading');
    expect(first).toBe(2);
    expect(doc.blocks.slice(0, 2).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(plain(runsOf(doc.blocks[0]) ?? [])).toMatch(/^Welcome to balmy\.pro\./);
  });

  it('makes every "- " line a bullet list item, and nothing else', () => {
    const bulletLines = source.split('\n').filter((l) => l.startsWith('- '));
    const items = doc.blocks.filter((b) => b.kind === 'list-item');
    expect(items.length).toBe(bulletLines.length);
    expect(items.every((b) => b.kind === 'list-item' && b.list === 'bullet' && b.indent === 0)).toBe(true);
    expect(items.map((b) => plain(b.runs))).toEqual(bulletLines.map((l) => l.slice(2)));
  });

  it('loses no word: the source words equal the imported text and metadata, but for typed numbers, date labels and the repeated title', () => {
    const lines = source.split('\n');
    const expected: string[] = [];
    let titleSeen = 0;
    for (const line of lines) {
      if (line.trim() === doc.title) {
        // the title line and its repetition right after: the metadata title stands for the first, the second is dropped
        if (titleSeen++ === 0) expected.push(...words(line));
        continue;
      }
      const effective = /^Effective Date: (.*)$/.exec(line);
      const updated = /^Last updated: (.*)$/.exec(line);
      if (effective) {
        expected.push(...words(effective[1] ?? ''));
        continue;
      }
      if (updated) {
        expected.push(...words(updated[1] ?? ''));
        continue;
      }
      // the typed section number is the only word a section line loses
      expected.push(...words(line.replace(/^\d+(?:\.\d+)*\.?\s+/, '')));
    }
    expect(titleSeen).toBe(2);
    const imported = [
      ...words(doc.title),
      ...words(asWritten(doc.effectiveDate ?? '')),
      ...words(asWritten(doc.lastUpdated ?? '')),
      ...doc.blocks.flatMap((b) => words(plain(allRuns(b)))),
    ];
    expect(multiset(imported)).toEqual(multiset(expected));
    // and the truncated last line is there as it is
    expect(plain(runsOf(doc.blocks.at(-1)) ?? [])).toBe('To exercise any of');
  });
});

describe('plain text', () => {
  it('joins hard-wrapped lines into paragraphs, but not a short title line', () => {
    const wrapped = [
      'Cookie Policy',
      '',
      '1. What Cookies Are',
      'Cookies are small text files that a website stores in your browser when you',
      'visit it. They let the site remember you between visits and pages, and they',
      'help us count visitors.',
      '',
      'We keep this short: there is more in the sections below, which you may read',
      'in any order.',
      '',
      '2. Your Choices',
      'You can refuse cookies.',
    ].join('\n');
    const doc = importText(wrapped);
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `H ${plain(b.runs)}` : plain(allRuns(b))))).toEqual([
      'H What Cookies Are',
      'Cookies are small text files that a website stores in your browser when you visit it. They let the site remember you between visits and pages, and they help us count visitors.',
      'We keep this short: there is more in the sections below, which you may read in any order.',
      'H Your Choices',
      'You can refuse cookies.',
    ]);
  });

  it('keeps one paragraph per line when lines are not wrapped', () => {
    expect(readPlainText('a\nb\n\nc').paragraphs.map((p) => plain(p.runs))).toEqual(['a', 'b', 'c']);
  });

  it('reads UTF-8 with a byte order mark, UTF-16 and Windows-1252', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Café Policy\nBody.')]);
    expect(importText(utf8).title).toBe('Café Policy');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Naïve Policy\nBody.'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(importText(utf16).title).toBe('Naïve Policy');
    const ascii = (t: string) => [...new TextEncoder().encode(t)];
    const cp1252 = new Uint8Array([...ascii('Caf'), 0xe9, ...ascii(' '), 0x93, ...ascii('Policy'), 0x94, ...ascii('\nBody.')]);
    expect(importText(cp1252).title).toBe('Café “Policy”');
  });

  it('removes control characters that XML forbids', () => {
    const doc = importText('Policy\nA\u0007B\u0000C text.');
    expect(plain(runsOf(doc.blocks[0]) ?? [])).toBe('ABC text.');
  });

  it('refuses binary content and empty files with one clear sentence', () => {
    const binary = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(() => importText(binary, { fileName: 'notes.txt' })).toThrow(ImportError);
    expect(() => importText(binary, { fileName: 'notes.txt' })).toThrow('notes.txt does not contain text: it looks like a binary file, not a text file.');
    expect(() => importText(new Uint8Array(0), { fileName: 'e.txt' })).toThrow('e.txt is empty.');
  });

  it('refuses a text file over the size limit', () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    try {
      importText(big, { fileName: 'big.txt' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('too-large');
      expect((error as ImportError).message).toMatch(/^big\.txt is 21 MB, more than the 20 MB/);
    }
  });
});
