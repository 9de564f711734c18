import { describe, expect, it } from 'vitest';
import type { Block, NumberingStyle, PolicyDocument } from '../model/document';
import { PolicyDocumentSchema } from '../model/document';
import { runsToPlainText } from '../model/text';
import { sectionEnd } from '../model/sections';
import { parseFile } from '../format/parse';
import { serializeDocument } from '../format/serialize';
import { mergeRuns } from '../format/normalize';
import { mergeDocuments } from '../merge/merge-documents';
import { acceptAll, rejectAll } from '../review/resolve';
import { h, p, policy } from '../testing/builders';
import { ref } from '../testing/reference-documents';
import { MISSING_REFERENCE_TEXT, blocksForReaders } from './references';
import { textBlock } from '../testing/text-block';

/**
 * References through every section operation: each operation here does to the blocks what the editor's section
 * commands do (a section is its heading and everything under it), and what a reader is shown is read back.
 */

const SCOPE = 's-scope001';
const USE = 's-use00001';
const SHARE = 's-share001';
const KEEP = 's-keep0001';

const base: Block[] = [
  h(1, SCOPE, 'Scope'),
  p('See ', ref(SHARE), ' and ', ref(KEEP, true), '.'),
  h(1, USE, 'Use'),
  h(2, SHARE, 'Sharing'),
  h(3, 's-vendor01', 'Vendors'),
  h(1, KEEP, 'Retention'),
  p('Back to ', ref(USE), '.'),
];

const levels = (blocks: readonly Block[]) => blocks.map((block) => (block.kind === 'heading' ? block.level : null));
const at = (blocks: readonly Block[], id: string) => blocks.findIndex((block) => block.kind === 'heading' && block.id === id);

/** The section `id` with its subsections, moved to just before the section `before` (or to the end). */
function moveSection(blocks: readonly Block[], id: string, before: string | null): Block[] {
  const start = at(blocks, id);
  const end = sectionEnd(levels(blocks), start);
  const moving = blocks.slice(start, end);
  const rest = [...blocks.slice(0, start), ...blocks.slice(end)];
  const to = before === null ? rest.length : at(rest, before);
  return [...rest.slice(0, to), ...moving, ...rest.slice(to)];
}

/** The section `id` and its subsections a level deeper (by = 1) or higher (by = -1). */
function relevel(blocks: readonly Block[], id: string, by: 1 | -1): Block[] {
  const start = at(blocks, id);
  const end = sectionEnd(levels(blocks), start);
  return blocks.map((block, i) => (i >= start && i < end && block.kind === 'heading' ? { ...block, level: block.level + by } : block));
}

function deleteSection(blocks: readonly Block[], id: string): Block[] {
  const start = at(blocks, id);
  return [...blocks.slice(0, start), ...blocks.slice(sectionEnd(levels(blocks), start))];
}

/** The paragraphs' text as a reader is shown it. */
const shown = (blocks: readonly Block[], numbering: NumberingStyle = 'decimal') =>
  blocksForReaders(blocks, numbering).flatMap((block) => (block.kind === 'paragraph' ? [runsToPlainText(block.runs)] : []));

describe('references through section operations', () => {
  it('show the current numbers to begin with', () => {
    expect(shown(base)).toEqual(['See 2.1 and 3 (Retention).', 'Back to 2.']);
  });

  it('follow a section moved with its subsections', () => {
    expect(shown(moveSection(base, USE, null))).toEqual(['See 3.1 and 2 (Retention).', 'Back to 3.']);
    expect(shown(moveSection(base, KEEP, SCOPE))).toEqual(['Back to 3.', 'See 3.1 and 1 (Retention).']);
  });

  it('follow a section promoted or demoted', () => {
    expect(shown(relevel(base, SHARE, -1))).toEqual(['See 3 and 4 (Retention).', 'Back to 2.']);
    expect(shown(relevel(base, KEEP, 1))).toEqual(['See 2.1 and 2.2 (Retention).', 'Back to 2.']);
  });

  it('flag a reference whose section was deleted, its subsections too, and keep the rest', () => {
    const without = deleteSection(base, USE);
    expect(shown(without)).toEqual([`See ${MISSING_REFERENCE_TEXT} and 2 (Retention).`, `Back to ${MISSING_REFERENCE_TEXT}.`]);
    // The reference itself is kept, so undoing the deletion (or the section coming back) shows the number again.
    expect(textBlock(without[1]).runs[1]).toEqual(ref(SHARE));
  });

  it('show the numbers in each numbering style', () => {
    expect(shown(base, 'letter-decimal')).toEqual(['See B.1 and C (Retention).', 'Back to B.']);
    expect(shown(base, 'article-section')).toEqual(['See Section 2.01 and Article III (Retention).', 'Back to Article II.']);
    expect(shown(base, 'section-sign')).toEqual(['See § 2.1 and § 3 (Retention).', 'Back to § 2.']);
  });
});

describe('references are kept whole', () => {
  const doc = (blocks: Block[]): PolicyDocument => policy(blocks, { title: 'T' });

  it('through saving and reading the file', () => {
    const read = parseFile(PolicyDocumentSchema, serializeDocument(doc(base)), 't.policy.json');
    expect(read.blocks).toEqual(base);
  });

  it('never joined to the text beside them, nor to another reference', () => {
    const runs = [{ text: 'See ' }, ref(USE), ref(USE), { text: '.' }];
    expect(mergeRuns(runs)).toEqual(runs);
  });

  it('through accepting and rejecting a suggestion that inserts or deletes one', () => {
    const mark = { id: 'sg-1', by: 'Ana', at: '2026-11-02T10:00:00Z' };
    const blocks: Block[] = [h(1, USE, 'Use'), p('See ', { ...ref(USE), ins: mark }, { text: ' and ' }, { ...ref(USE, true), del: mark }, '.')];
    expect(textBlock(acceptAll(doc(blocks)).blocks[1]).runs).toEqual([{ text: 'See ' }, ref(USE), { text: ' and .' }]);
    expect(textBlock(rejectAll(doc(blocks)).blocks[1]).runs).toEqual([{ text: 'See  and ' }, ref(USE, true), { text: '.' }]);
  });

  it('through a three-way merge where one side adds a reference and the other moves its section', () => {
    const start = doc(base);
    const mine = doc(base.map((block, i) => (i === 6 ? p('Back to ', ref(USE), ' and ', ref(SHARE), '.') : block)));
    const theirs = doc(moveSection(base, USE, null));
    const { merged, conflicts } = mergeDocuments(start, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(shown(merged.blocks)).toEqual(['See 3.1 and 2 (Retention).', 'Back to 3 and 3.1.']);
  });
});
