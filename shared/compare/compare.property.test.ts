import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, PolicyDocument } from '../model/document';
import { runsToPlainText } from '../model/text';
import { compareDocuments } from './compare';
import { plainBlocks, sideBlocks, type SideBlock } from './sides';
import { publishedPolicy } from '../testing/builders';
import { isSectionRow, type Comparison, type SectionRow } from './types';

const WORDS = ['data', 'the', 'shall', 'controller', 'we', 'may', 'process', 'personal', 'rights', 'notice', 'and', ','];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const bodyBlock: fc.Arbitrary<Block> = fc.oneof(
  sentence.map((text): Block => ({ kind: 'paragraph', runs: [{ text }] })),
  fc.tuple(sentence, fc.boolean()).map(([text, bold]): Block => ({ kind: 'paragraph', runs: [{ text: 'Note: ', ...(bold ? { marks: ['bold' as const] } : {}) }, { text }] })),
  sentence.map((text): Block => ({ kind: 'list-item', list: 'bullet', indent: 0, runs: [{ text }] })),
  fc
    .array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 3 })
    .map((rows): Block => ({ kind: 'table', rows: rows.map((cells) => ({ cells: cells.map((text) => ({ runs: [{ text }] })) })) })),
);
const section = fc.record({ level: fc.integer({ min: 1, max: 3 }), title: sentence, body: fc.array(bodyBlock, { maxLength: 3 }) });

function build(parts: ReadonlyArray<{ level: number; title: string; body: Block[] }>, ids: readonly string[]): PolicyDocument {
  return publishedPolicy(
    parts.flatMap((part, i) => [
      { kind: 'heading' as const, id: ids[i] ?? `s-x${String(i).padStart(5, '0')}`, level: i === 0 ? 1 : part.level, runs: [{ text: part.title }] },
      ...part.body,
    ]),
  );
}

type Edit =
  | { kind: 'word'; at: number; word: string }
  | { kind: 'drop'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'split'; at: number }
  | { kind: 'heading'; at: number }
  | { kind: 'unheading'; at: number }
  | { kind: 'cell'; at: number; word: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('heading' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unheading' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
);

/**
 * Applies edits to the section list: changed words, deleted sections, moved sections, split paragraphs, a heading put
 * in the middle of a section (a split section) or taken out (a merge), a table's cell edited or a row added.
 */
function applyEdits(parts: Array<{ level: number; title: string; body: Block[] }>, ids: string[], edits: readonly Edit[]) {
  const next = parts.map((part) => ({ ...part, body: [...part.body] }));
  const nextIds = [...ids];
  for (const e of edits) {
    if (next.length < 2) break;
    if (e.kind === 'word') {
      const part = next[e.at % next.length]!;
      part.title = `${part.title} ${e.word}`;
    } else if (e.kind === 'drop') {
      const at = 1 + (e.at % (next.length - 1));
      next.splice(at, 1);
      nextIds.splice(at, 1);
    } else if (e.kind === 'move') {
      const from = e.from % next.length;
      const [part] = next.splice(from, 1);
      const [id] = nextIds.splice(from, 1);
      const to = e.to % (next.length + 1);
      next.splice(to, 0, part!);
      nextIds.splice(to, 0, id!);
    } else if (e.kind === 'heading') {
      const at = e.at % next.length;
      const part = next[at]!;
      if (part.body.length >= 2) {
        const cut = 1 + (e.at % (part.body.length - 1));
        next.splice(at + 1, 0, { level: part.level, title: 'New heading', body: part.body.splice(cut) });
        nextIds.splice(at + 1, 0, `s-new${String(nextIds.length).padStart(5, '0')}`);
      }
    } else if (e.kind === 'unheading') {
      const at = 1 + (e.at % (next.length - 1));
      const [gone] = next.splice(at, 1);
      nextIds.splice(at, 1);
      next[at - 1]!.body.push(...gone!.body);
    } else if (e.kind === 'cell') {
      const part = next[e.at % next.length]!;
      const index = part.body.findIndex((block) => block.kind === 'table');
      const table = part.body[index];
      if (table?.kind === 'table') {
        const rows = table.rows.map((row) => ({ cells: row.cells.map((cell) => ({ runs: [...cell.runs] })) }));
        // An odd number edits the first row's last cell; an even one adds a row.
        if (e.at % 2 === 1) {
          const cell = rows[0]!.cells[rows[0]!.cells.length - 1]!;
          cell.runs = [{ text: `${cell.runs.map((run) => run.text).join('')} ${e.word}` }];
        } else rows.splice(e.at % (rows.length + 1), 0, { cells: rows[0]!.cells.map(() => ({ runs: [{ text: e.word }] })) });
        part.body[index] = { ...table, rows };
      }
    } else {
      const part = next[e.at % next.length]!;
      const block = part.body[0];
      if (block && block.kind !== 'table' && block.runs.length === 1) {
        const text = block.runs[0]!.text;
        const cut = text.indexOf(' ');
        if (cut > 0) part.body.splice(0, 1, { ...block, runs: [{ text: text.slice(0, cut) }] }, { kind: 'paragraph', runs: [{ text: text.slice(cut + 1) }] });
      }
    }
  }
  return { parts: next, ids: nextIds };
}

/** A table reads as its rows, cells apart: the same for a side of the redline and for a document's table. */
const tableLine = (rows: ReadonlyArray<ReadonlyArray<ReadonlyArray<{ text: string }>>>) => rows.map((cells) => cells.map((runs) => runs.map((run) => run.text).join('')).join(' | ')).join(' / ');

function text(blocks: ReadonlyArray<SideBlock>): string[] {
  return blocks.map((block) => (block.table ? tableLine(block.table.rows.map((row) => row.cells)) : block.runs.map((run) => run.text).join('')));
}

function blockText(block: Block): string {
  return block.kind === 'table' ? tableLine(block.rows.map((row) => row.cells.map((cell) => cell.runs))) : runsToPlainText(block.runs);
}

function sideOf(row: SectionRow, edition: 'old' | 'new'): SideBlock[] {
  const side = row[edition];
  if (!side) return [];
  return row.redline ? sideBlocks(row.redline, edition) : plainBlocks(side);
}

/** What a DOCX redline holds when every change is accepted (new) or rejected (old): rows in order, moves as delete + insert. */
function readBack(comparison: Comparison, edition: 'old' | 'new'): string[] {
  const lines: string[] = [];
  for (const row of comparison.rows) {
    if (!isSectionRow(row)) {
      if (edition === 'old') lines.push(...text(plainBlocks((comparison.rows[row.target] as SectionRow).old!)));
      continue;
    }
    if (row.status === 'moved') {
      if (edition === 'new') lines.push(...text(plainBlocks(row.new!)));
      continue;
    }
    lines.push(...text(sideOf(row, edition)));
  }
  return lines;
}

function plain(doc: PolicyDocument): string[] {
  return doc.blocks.map(blockText);
}

describe('compare, on random editions', () => {
  it('reading kept and inserted text gives the new edition, kept and deleted text the old one', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 12 }), fc.array(edit, { maxLength: 6 }), (parts, edits) => {
        const ids = parts.map((_, i) => `s-r${String(i).padStart(5, '0')}`);
        const oldDoc = build(parts, ids);
        const edited = applyEdits(parts, ids, edits);
        const newDoc = build(edited.parts, edited.ids);
        const comparison = compareDocuments(oldDoc, newDoc, { oldLabel: 'a', newLabel: 'b' });
        for (const row of comparison.rows) if (isSectionRow(row)) seen.add(row.status);
        expect(readBack(comparison, 'new')).toEqual(plain(newDoc));
        expect(readBack(comparison, 'old')).toEqual(plain(oldDoc));
        for (const row of comparison.rows.filter(isSectionRow)) {
          if (row.old) expect(text(sideOf(row, 'old'))).toEqual(row.old.blocks.map(blockText));
          if (row.new) expect(text(sideOf(row, 'new'))).toEqual(row.new.blocks.map(blockText));
        }
      }),
      { numRuns: 300, seed: 20261125 },
    );
    // The edits reach every kind of row, splits and merges included (a dropped heading can merge its text away).
    expect([...seen].sort()).toEqual(['added', 'changed', 'deleted', 'merged', 'moved', 'split', 'unchanged']);
  });

  it('finds no change between an edition and itself, whatever its ids', () => {
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 12 }), (parts) => {
        const doc = build(parts, parts.map((_, i) => `s-r${String(i).padStart(5, '0')}`));
        const again = build(parts, parts.map((_, i) => `s-other${String(i).padStart(4, '0')}`));
        const summary = compareDocuments(doc, again, { oldLabel: 'a', newLabel: 'b' }).summary;
        expect(summary).toMatchObject({ changed: 0, added: 0, deleted: 0, moved: 0, wordsInserted: 0, wordsDeleted: 0 });
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
