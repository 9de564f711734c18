import { describe, expect, it } from 'vitest';
import type { Block, Note, PolicyDocument, Table } from '../model/document';
import { notePlaceholder } from '../model/vocabulary';
import { PolicyDocumentSchema } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { seeded } from '../testing/seeded-random';
import { blockKey } from './block-key';
import { mergeDocuments } from './merge-documents';
import { sectionsOf } from './sections';
import { allRuns } from '../model/block-runs';

/**
 * For random policies and random edits by two people, each to their own sections (or their own paragraphs of one
 * section): the merge has no conflict and holds both people's edits exactly. And the same paragraph changed by both
 * is always a conflict.
 */

const RUNS = 300;
let serial = 0;
const id = () => `s-${(++serial).toString(36).padStart(8, '0')}`;
const words = (random: () => number, tag: string) =>
  `${tag} ${Array.from({ length: 1 + Math.floor(random() * 6) }, () => ['data', 'shall', 'the', 'controller', 'notice'][Math.floor(random() * 5)]).join(' ')}.`;

function randomPolicy(random: () => number): PolicyDocument {
  const blocks: Block[] = [];
  if (random() < 0.3) blocks.push(p(words(random, 'preamble')));
  const sections = 2 + Math.floor(random() * 10);
  for (let s = 0; s < sections; s++) {
    blocks.push(h(1 + Math.floor(random() * 3), id(), `Section ${s}`));
    const paragraphs = Math.floor(random() * 5);
    for (let k = 0; k < paragraphs; k++) blocks.push(p(words(random, `s${s}p${k}`)));
  }
  return policy(blocks);
}

/** One person's edits to the sections in `own` (by id): reword, add, delete paragraphs, rename, delete, add after. */
function editSections(doc: PolicyDocument, own: ReadonlySet<string>, random: () => number, who: string): PolicyDocument {
  const { order, byKey } = sectionsOf(doc);
  const blocks: Block[] = [];
  for (const key of order) {
    const section = byKey.get(key);
    if (!section) continue;
    if (!own.has(key)) {
      if (section.heading) blocks.push(section.heading);
      blocks.push(...section.body);
      continue;
    }
    const roll = random();
    if (roll < 0.15) continue; // deleted
    const heading = section.heading && roll < 0.35 ? { ...section.heading, runs: [{ text: `Renamed by ${who} ${key}` }] } : section.heading;
    if (heading) blocks.push(heading);
    section.body.forEach((block, k) => {
      const r = random();
      if (r < 0.2) return; // paragraph deleted
      blocks.push(r < 0.5 ? p(words(random, `${who} rewrote ${key}/${k}`)) : block);
      if (random() < 0.2) blocks.push(p(words(random, `${who} added after ${key}/${k}`)));
    });
    if (random() < 0.25) blocks.push(h(1, id(), `New by ${who} after ${key}`), p(words(random, `${who} new`)));
  }
  return { ...doc, blocks };
}

const contentOf = (doc: PolicyDocument) => {
  const { order, byKey } = sectionsOf(doc);
  return new Map(order.map((key) => [key, JSON.stringify([byKey.get(key)?.heading, byKey.get(key)?.body].flat().filter(Boolean).map((b) => blockKey(b as Block)))]));
};

describe('mergeDocuments, for random policies and random edits', () => {
  it('merges edits to different sections: no conflict, and every section as the person who owned it left it', () => {
    const random = seeded(1601);
    for (let run = 0; run < RUNS; run++) {
      const base = randomPolicy(random);
      const keys = sectionsOf(base).order;
      const mineOwn = new Set(keys.filter(() => random() < 0.5));
      const theirOwn = new Set(keys.filter((key) => !mineOwn.has(key)));
      const mine = editSections(base, mineOwn, random, 'mine');
      const theirs = editSections(base, theirOwn, random, 'theirs');
      const { merged, conflicts } = mergeDocuments(base, mine, theirs);
      expect(conflicts, `run ${run}`).toEqual([]);
      expect(PolicyDocumentSchema.safeParse(merged).success).toBe(true);

      const [m, t, result] = [contentOf(mine), contentOf(theirs), contentOf(merged)];
      const expected = new Map<string, string>();
      for (const [key, content] of m) if (mineOwn.has(key) || !keys.includes(key)) expected.set(key, content);
      for (const [key, content] of t) if (theirOwn.has(key) || !keys.includes(key)) expected.set(key, content);
      expect(result, `run ${run}`).toEqual(expected);
      // Each side's order of what it still has is kept.
      const mergedOrder = [...result.keys()];
      for (const side of [m, t]) {
        const sideOrder = [...side.keys()].filter((key) => result.has(key));
        expect(mergedOrder.filter((key) => side.has(key)), `run ${run}`).toEqual(sideOrder);
      }
    }
  });

  it('merges edits to different paragraphs of one section', () => {
    const random = seeded(1602);
    for (let run = 0; run < RUNS; run++) {
      const count = 1 + Math.floor(random() * 8);
      const base = policy([h(1, 's-only00001', 'Only'), ...Array.from({ length: count }, (_, k) => p(`paragraph ${k} ${words(random, '')}`))]);
      const ownsK = Array.from({ length: count }, () => random() < 0.5);
      const edit = (mineSide: boolean) => {
        const blocks: Block[] = [base.blocks[0] as Block];
        base.blocks.slice(1).forEach((block, k) => {
          if (ownsK[k] !== mineSide) return void blocks.push(block);
          const r = random();
          if (r < 0.25) return;
          blocks.push(r < 0.6 ? p(`${mineSide ? 'mine' : 'theirs'} rewrote ${k}`) : block);
          if (random() < 0.3) blocks.push(p(`${mineSide ? 'mine' : 'theirs'} added after ${k}`));
        });
        return { ...base, blocks };
      };
      const mine = edit(true);
      const theirs = edit(false);
      const { merged, conflicts } = mergeDocuments(base, mine, theirs);
      expect(conflicts, `run ${run}`).toEqual([]);
      const text = merged.blocks.map((block) => allRuns(block)[0]?.text ?? '');
      // Everything each side wrote is there, and each side's paragraphs are in its order.
      for (const side of [mine, theirs]) {
        const own = side.blocks.map((block) => allRuns(block)[0]?.text ?? '').filter((t) => !base.blocks.some((b) => allRuns(b)[0]?.text === t));
        for (const line of own) expect(text, `run ${run}`).toContain(line);
      }
      // What one side deleted of its own is gone.
      base.blocks.slice(1).forEach((block, k) => {
        const owner = ownsK[k] ? mine : theirs;
        const kept = owner.blocks.some((b) => allRuns(b)[0]?.text === allRuns(block)[0]?.text);
        expect(text.includes(allRuns(block)[0]?.text ?? ''), `run ${run}, paragraph ${k}`).toBe(kept);
      });
    }
  });

  it('always calls the same paragraph changed differently by both a conflict, never a silent pick', () => {
    const random = seeded(1603);
    for (let run = 0; run < RUNS; run++) {
      const base = randomPolicy(random);
      const candidates = base.blocks.flatMap((block, index) => (block.kind === 'paragraph' ? [index] : []));
      if (candidates.length === 0) continue;
      const at = candidates[Math.floor(random() * candidates.length)] as number;
      const change = (text: string) => ({ ...base, blocks: base.blocks.map((block, i) => (i === at ? p(text) : block)) });
      const { merged, conflicts } = mergeDocuments(base, change('Mine says this.'), change('Theirs says that.'));
      expect(conflicts.length, `run ${run}`).toBe(1);
      expect(conflicts[0]?.kind).toBe('both-edited');
      const theirsKept = JSON.stringify(conflicts[0]).includes('Theirs says that.');
      expect(theirsKept).toBe(true);
      expect(merged.blocks.some((block) => allRuns(block)[0]?.text === 'Mine says this.')).toBe(true);
    }
  });

  it('merges two people\'s edits to different cells of a table, and calls one cell changed by both a conflict', () => {
    const random = seeded(1604);
    for (let run = 0; run < RUNS; run++) {
      const rows = 1 + Math.floor(random() * 4);
      const columns = 1 + Math.floor(random() * 4);
      const text = (r: number, c: number, who: string) => `${who} ${r}.${c} ${words(random, '')}`;
      const table = (cell: (r: number, c: number) => string): Table => ({
        kind: 'table',
        rows: Array.from({ length: rows }, (_, r) => ({ cells: Array.from({ length: columns }, (_, c) => ({ runs: [{ text: cell(r, c) }] })) })),
      });
      const original = table((r, c) => text(r, c, 'base'));
      const cellOf = (t: Table, r: number, c: number) => t.rows[r]?.cells[c]?.runs[0]?.text ?? '';
      const mineOwns = Array.from({ length: rows * columns }, () => random() < 0.5);
      const edits = mineOwns.map(() => random() < 0.4);
      const side = (mineSide: boolean) => table((r, c) => (mineOwns[r * columns + c] === mineSide && edits[r * columns + c] ? text(r, c, mineSide ? 'mine' : 'theirs') : cellOf(original, r, c)));
      const doc = (t: Table) => policy([h(1, 's-table0001', 'Table'), p('Before.'), t, p('After.')]);
      const [mine, theirs] = [side(true), side(false)];
      const { merged, conflicts } = mergeDocuments(doc(original), doc(mine), doc(theirs));
      expect(conflicts, `run ${run}`).toEqual([]);
      const result = merged.blocks[2] as Table;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) expect(cellOf(result, r, c), `run ${run}`).toBe(cellOf(mineOwns[r * columns + c] ? mine : theirs, r, c));
      }
      // one cell both changed, differently: a conflict, whatever else each changed
      const [r, c] = [Math.floor(random() * rows), Math.floor(random() * columns)];
      const clash = (t: Table, who: string): Table => ({ ...t, rows: t.rows.map((row, ri) => (ri !== r ? row : { cells: row.cells.map((cell, ci) => (ci !== c ? cell : { runs: [{ text: `${who} clash` }] })) })) });
      expect(mergeDocuments(doc(original), doc(clash(mine, 'mine')), doc(clash(theirs, 'theirs'))).conflicts.map((x) => x.kind), `run ${run}`).toEqual(['both-edited']);
    }
  });

  it('merges two people\'s edits to different footnotes by id, and calls one note changed by both a note conflict', () => {
    const random = seeded(1605);
    for (let run = 0; run < RUNS; run++) {
      const count = 1 + Math.floor(random() * 6);
      const ids = Array.from({ length: count }, (_, k) => `n-r${run}k${k}x`.padEnd(8, '0'));
      const blocks = [h(1, 's-notes0001', 'Notes'), ...ids.map((noteId, k) => p(`paragraph ${k}`, { text: notePlaceholder(noteId), note: noteId }))];
      const base = policy(blocks, { notes: ids.map((noteId) => ({ id: noteId, runs: [{ text: words(random, 'base') }] })) });
      const mineOwns = ids.map(() => random() < 0.5);
      const edits = ids.map(() => random() < 0.5);
      const side = (mineSide: boolean): PolicyDocument => ({
        ...base,
        notes: (base.notes ?? []).map((note, k): Note => (mineOwns[k] === mineSide && edits[k] ? { ...note, runs: [{ text: words(random, mineSide ? 'mine' : 'theirs') }] } : note)),
      });
      const [mine, theirs] = [side(true), side(false)];
      const { merged, conflicts } = mergeDocuments(base, mine, theirs);
      expect(conflicts, `run ${run}`).toEqual([]);
      expect(PolicyDocumentSchema.safeParse(merged).success, `run ${run}`).toBe(true);
      expect(merged.notes, `run ${run}`).toEqual(ids.map((_, k) => ((mineOwns[k] ? mine : theirs).notes ?? [])[k]));
      const k = Math.floor(random() * count);
      const clash = (doc: PolicyDocument, who: string): PolicyDocument => ({ ...doc, notes: (doc.notes ?? []).map((note, i) => (i === k ? { ...note, runs: [{ text: `${who} clash` }] } : note)) });
      expect(mergeDocuments(base, clash(mine, 'mine'), clash(theirs, 'theirs')).conflicts, `run ${run}`).toMatchObject([{ kind: 'note', id: ids[k] }]);
    }
  });
});
