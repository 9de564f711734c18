import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type Mark, type Note, type PolicyDocument, type Run, type Table, type TextBlock } from '../model/document';
import { allRuns, isTable, mapRunLists } from '../model/block-runs';
import { notePlaceholder } from '../model/vocabulary';
import { mergeRuns } from '../format/normalize';
import { serializeDocument } from '../format/serialize';
import { policy } from '../testing/builders';
import { seeded } from '../testing/seeded-random';
import { acceptAll, rejectAll } from './resolve';
import { suggestDifference } from './suggest-difference';

/*
 * For random documents and random edits of them (words changed, added and removed, marks changed, headings promoted,
 * list items indented, blocks inserted, deleted and moved; tables' cells edited and their rows added; footnotes'
 * text edited, their marks added and removed; headings unnumbered), the difference written as suggestions gives the
 * edited document when all are accepted and the base when all are rejected, and is a valid document.
 */

const WORDS = ['data', 'the', 'shall', 'controller', 'we', 'may', 'process', 'personal', 'rights', 'notice', 'and', ',', '.'];
const MARK_SETS: Mark[][] = [[], [], ['bold'], ['italic'], ['bold', 'underline']];

type Rand = () => number;
const pick = <T,>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Rand, max: number) => Math.floor(rand() * max);

function sentence(rand: Rand): string {
  const n = 1 + int(rand, 8);
  return Array.from({ length: n }, () => pick(rand, WORDS)).join(' ');
}

function runs(rand: Rand): Run[] {
  const count = 1 + int(rand, 3);
  return Array.from({ length: count }, (_, i): Run => {
    const marks = pick(rand, MARK_SETS);
    const run: Run = { text: (i > 0 ? ' ' : '') + sentence(rand) };
    if (marks.length > 0) run.marks = marks;
    if (rand() < 0.1) run.link = 'https://example.com/a';
    return run;
  });
}

let counter = 0;
const sectionId = () => `s-t${String(++counter).padStart(7, '0')}`;

function table(rand: Rand): Table {
  const width = 1 + int(rand, 3);
  const rows = Array.from({ length: 1 + int(rand, 3) }, () => ({ cells: Array.from({ length: width }, () => ({ runs: rand() < 0.15 ? [] : runs(rand) })) }));
  const grid: Table = { kind: 'table', rows };
  if (rand() < 0.3) grid.header = true;
  if (rand() < 0.3) grid.caption = runs(rand);
  return grid;
}

let notes = 0;
const noteId = () => `n-t${String(++notes).padStart(7, '0')}`;

/** A footnote's mark at the end of a text block, its note's text beside it. */
function withNote(rand: Rand, block: TextBlock): { block: TextBlock; note: Note } {
  const id = noteId();
  return { block: { ...block, runs: [...block.runs, { text: notePlaceholder(id), note: id }] }, note: { id, runs: runs(rand) } };
}

function block(rand: Rand): Block {
  if (rand() < 0.12) return table(rand);
  const r = rand();
  if (r < 0.25) return { kind: 'heading', id: sectionId(), level: 1 + int(rand, 3), runs: runs(rand) };
  if (r < 0.45) return { kind: 'list-item', list: pick(rand, ['bullet', 'number'] as const), indent: int(rand, 3), runs: runs(rand) };
  return { kind: 'paragraph', runs: runs(rand) };
}

function randomBase(rand: Rand): PolicyDocument {
  const blocks = Array.from({ length: 1 + int(rand, 10) }, () => block(rand));
  const doc = policy(blocks);
  const texts = () => blocks.flatMap((b, i) => (isTable(b) ? [] : [i]));
  if (rand() < 0.5 && texts().length > 0) {
    // a comment on some run, which both views keep
    const at = pick(rand, texts());
    const target = blocks[at] as TextBlock;
    const run = target.runs[0] as Run;
    blocks[at] = { ...target, runs: [{ ...run, comments: ['k-comment01'] }, ...target.runs.slice(1)] };
    doc.comments = [{ id: 'k-comment01', by: 'Ana', at: '2026-01-02T03:04:05Z', text: 'Why?' }];
  }
  for (let k = 0; k < 2 && texts().length > 0; k++) {
    if (rand() < 0.4) {
      const at = pick(rand, texts());
      const { block: marked, note } = withNote(rand, blocks[at] as TextBlock);
      blocks[at] = marked;
      doc.notes = [...(doc.notes ?? []), note];
    }
  }
  return doc;
}

function editRuns(rand: Rand, source: readonly Run[]): Run[] {
  const out = source.map((run) => ({ ...run }));
  if (out.length === 0) return runs(rand);
  const what = int(rand, 4);
  const at = int(rand, out.length);
  const run = out[at] as Run;
  if (what === 0) run.text = `${run.text} ${pick(rand, WORDS)}`;
  else if (what === 1) run.text = run.text.split(' ').filter(() => rand() < 0.7).join(' ');
  else if (what === 2) {
    const marks = pick(rand, MARK_SETS);
    if (marks.length > 0) run.marks = marks;
    else delete run.marks;
  } else out.splice(at + 1, 0, { text: ` ${sentence(rand)}`, ...(rand() < 0.5 ? { marks: ['italic'] as Mark[] } : {}) });
  return out;
}

/** A table with one cell's words edited, or (now and then) a row added, which changes its shape. */
function editTable(rand: Rand, target: Table): Table {
  if (rand() < 0.25) return { ...target, rows: [...target.rows, { cells: (target.rows[0]?.cells ?? []).map(() => ({ runs: runs(rand) })) }] };
  const r = int(rand, target.rows.length);
  const c = int(rand, target.rows[r]?.cells.length ?? 1);
  return { ...target, rows: target.rows.map((row, i) => (i !== r ? row : { cells: row.cells.map((cell, j) => (j !== c ? cell : { runs: editRuns(rand, cell.runs) })) })) };
}

/** The block with its words edited: a text block's runs, or a table's cell (with the footnote marks it holds kept). */
function editBlock(rand: Rand, target: Block, twice = false): Block {
  if (isTable(target)) return editTable(rand, target);
  const marks = target.runs.filter((run) => run.note !== undefined);
  const words = target.runs.filter((run) => run.note === undefined);
  const edited = twice ? editRuns(rand, editRuns(rand, words)) : editRuns(rand, words);
  return { ...target, runs: [...edited, ...marks] };
}

function randomEdit(rand: Rand, base: PolicyDocument): PolicyDocument {
  const blocks: Block[] = base.blocks.map((b) => mapRunLists(b, (list) => list.map(({ comments: _c, ...run }) => run)));
  let notes: Note[] = [...(base.notes ?? [])];
  const edits = 1 + int(rand, 5);
  for (let e = 0; e < edits; e++) {
    const what = int(rand, 10);
    const at = int(rand, Math.max(1, blocks.length));
    const target = blocks[at];
    if (what === 0 || !target) blocks.splice(at, 0, block(rand));
    else if (what === 1) blocks.splice(at, 1);
    else if (what === 2) blocks[at] = editBlock(rand, target);
    else if (what === 7 && notes.length > 0) {
      // a footnote's own text edited
      const k = int(rand, notes.length);
      notes = notes.map((note, i) => (i === k ? { ...note, runs: editRuns(rand, note.runs) } : note));
    } else if (what === 8 && !isTable(target)) {
      // a footnote added, or the block's first one removed
      const mark = target.runs.find((run) => run.note !== undefined);
      if (mark) blocks[at] = { ...target, runs: target.runs.filter((run) => run !== mark) };
      else {
        const { block: marked, note } = withNote(rand, target);
        blocks[at] = marked;
        notes.push(note);
      }
    } else if (what === 9 && target.kind === 'heading') {
      const { unnumbered, ...rest } = target;
      blocks[at] = unnumbered ? rest : { ...rest, unnumbered: true };
    }
    else if (what === 3 && target.kind === 'heading') blocks[at] = { ...target, level: 1 + ((target.level + int(rand, 2)) % 3) };
    else if (what === 3 && target.kind === 'list-item') blocks[at] = { ...target, indent: (target.indent + 1) % 3 };
    else if (what === 4) {
      const [moved] = blocks.splice(at, 1);
      blocks.splice(int(rand, blocks.length + 1), 0, moved as Block);
    } else if (what === 5) blocks[at] = editBlock(rand, target, true);
    else if (what === 6 && !isTable(target)) blocks[at] = { ...target, runs: [...runs(rand), ...target.runs.filter((run) => run.note !== undefined)] };
  }
  // the notes the edited blocks still mark, as a saved document holds them
  const marked = new Set(blocks.flatMap((b) => allRuns(b).flatMap((run) => (run.note === undefined ? [] : [run.note]))));
  notes = notes.filter((note) => marked.has(note.id));
  const edited: PolicyDocument = { ...base, blocks, comments: undefined };
  if (notes.length > 0) edited.notes = notes;
  else delete edited.notes;
  return edited;
}

/**
 * The file text of a document's blocks and footnotes, runs joined as storage joins them; comments dropped when asked.
 * Footnotes are named by their place in reading order: a note the reviewer added may take a fresh id. Whether a
 * heading takes a number is a plain edit, never a suggestion, so rejecting everything keeps the edited side's:
 * comparisons with the base leave it out (`withUnnumbered`).
 */
function text(doc: PolicyDocument, withComments = true, withIds = true, withUnnumbered = true): string {
  const order = new Map<string, string>();
  for (const b of doc.blocks) if (b.change?.kind !== 'move-from') for (const run of allRuns(b)) if (run.note !== undefined && !order.has(run.note)) order.set(run.note, `n-${String(order.size + 1).padStart(6, '0')}`);
  const clean = (list: Run[]) =>
    mergeRuns(
      list.map((run) => {
        const named = run.note === undefined ? run : { ...run, note: order.get(run.note) as string, text: notePlaceholder(order.get(run.note) as string) };
        if (withComments) return named;
        const { comments: _c, ...rest } = named;
        return rest;
      }),
    );
  const blocks = doc.blocks.map((b) => {
    const next = mapRunLists(b, clean);
    if (next.kind !== 'heading') return next;
    const { unnumbered, ...heading } = next;
    return { ...heading, ...(withIds ? {} : { id: 's-xxxxxx' }), ...(unnumbered && withUnnumbered ? { unnumbered } : {}) };
  });
  const notes = (doc.notes ?? []).map((note) => ({ id: order.get(note.id) ?? note.id, runs: clean(note.runs) })).sort((x, y) => x.id.localeCompare(y.id));
  return serializeDocument(policy(blocks, notes.length > 0 ? { notes } : {}));
}

describe('suggestDifference', () => {
  it('accept-all gives the edited document and reject-all the base, for random pairs', () => {
    const mark = { by: 'Word reviewer', at: '2026-03-04T05:06:07Z' };
    for (let seed = 1; seed <= 400; seed++) {
      const rand = seeded(seed);
      const base = randomBase(rand);
      const edited = randomEdit(rand, base);
      let n = 0;
      const result = suggestDifference(base, edited, mark, () => `c-s${seed}n${String(++n).padStart(4, "0")}`);
      const parsed = PolicyDocumentSchema.safeParse(result);
      expect(parsed.success ? '' : `seed ${seed}: ${JSON.stringify(parsed.error.issues)}`).toBe('');
      // Sharing no section id, the documents pair headings by their words, and a paired heading keeps the base's id.
      const ids = new Set(base.blocks.map((b) => (b.kind === 'heading' ? b.id : '')));
      const shared = edited.blocks.some((b) => b.kind === 'heading' && ids.has(b.id));
      expect(text(acceptAll(result), false, shared), `seed ${seed}`).toBe(text(edited, false, shared));
      expect(text(rejectAll(result), true, true, false), `seed ${seed}`).toBe(text(base, true, true, false));
    }
  });

  it('keeps the tracked changes an edited copy carries, with their authors, beside the reviewer\'s own edits', () => {
    const word = { by: 'Word author', at: '2026-02-02T02:02:02Z' };
    const mark = { by: 'Word reviewer', at: '2026-03-04T05:06:07Z' };
    for (let seed = 1; seed <= 300; seed++) {
      const rand = seeded(seed * 7919);
      const base = randomBase(rand);
      const target = randomEdit(rand, base);
      let n = 0;
      // the copy comes back with tracked changes (by "Word author") and one paragraph added without them
      const tracked = suggestDifference(base, target, word, () => `c-w${seed}n${String(++n).padStart(4, '0')}`);
      const extra: Block = { kind: 'paragraph', runs: [{ text: `untracked ${sentence(rand)}` }] };
      const at = int(rand, tracked.blocks.length + 1);
      const returned = { ...tracked, blocks: [...tracked.blocks.slice(0, at), extra, ...tracked.blocks.slice(at)] };
      const result = suggestDifference(base, returned, mark, () => `c-r${seed}n${String(++n).padStart(4, '0')}`);
      const parsed = PolicyDocumentSchema.safeParse(result);
      expect(parsed.success ? '' : `seed ${seed}: ${JSON.stringify(parsed.error.issues)}`).toBe('');
      expect(text(acceptAll(result), false), `seed ${seed}`).toBe(text(acceptAll(returned), false));
      expect(text(rejectAll(result), true, true, false), `seed ${seed}`).toBe(text(base, true, true, false));
      const authors = new Set(result.blocks.flatMap((b) => allRuns(b).flatMap((r) => [r.ins?.by, r.del?.by, r.formatted?.by])));
      const trackedAuthors = new Set(tracked.blocks.flatMap((b) => allRuns(b).flatMap((r) => [r.ins?.by, r.del?.by, r.formatted?.by])));
      if (trackedAuthors.has('Word author')) expect(authors.has('Word author'), `seed ${seed}`).toBe(true);
      expect(result.blocks.some((b) => allRuns(b).some((r) => r.text.includes('untracked') && r.ins?.by === 'Word reviewer')), `seed ${seed}`).toBe(true);
    }
  });

  it('keeps the suggestions the base already has: accept-all gives the edited copy, reject-all the base before them', () => {
    const mark = { by: 'Word reviewer', at: '2026-03-04T05:06:07Z' };
    for (let seed = 1; seed <= 300; seed++) {
      const rand = seeded(seed * 104729);
      const original = randomBase(rand);
      let n = 0;
      // the base already carries one author's open suggestions; the reviewer edited what it reads as accepted
      const base = suggestDifference(original, randomEdit(rand, original), { by: 'Earlier', at: '2026-01-01T00:00:00Z' }, () => `c-e${seed}n${String(++n).padStart(4, '0')}`);
      const edited = randomEdit(rand, acceptAll(base));
      const result = suggestDifference(base, edited, mark, () => `c-r${seed}n${String(++n).padStart(4, '0')}`);
      const parsed = PolicyDocumentSchema.safeParse(result);
      expect(parsed.success ? '' : `seed ${seed}: ${JSON.stringify(parsed.error.issues)}`).toBe('');
      const ids = new Set(base.blocks.map((b) => (b.kind === 'heading' ? b.id : '')));
      const shared = edited.blocks.some((b) => b.kind === 'heading' && ids.has(b.id));
      expect(text(acceptAll(result), false, shared), `seed ${seed}`).toBe(text(edited, false, shared));
      expect(text(rejectAll(result), true, true, false), `seed ${seed}`).toBe(text(rejectAll(base), true, true, false));
    }
  });

  it('compares a variable as the text it shows in a file from outside, and keeps it when that text stands', () => {
    const values = { company_name: 'Northwind Analytics Ltd.' };
    const base = policy([{ kind: 'paragraph', runs: [{ text: 'We are ' }, { text: '{{company_name}}', variable: 'company_name' }, { text: ', a company.' }] }]);
    const same = policy([{ kind: 'paragraph', runs: [{ text: 'We are Northwind Analytics Ltd., a company.' }] }]);
    const mark = { by: 'Bo', at: '2026-01-01T00:00:00Z' };
    expect(suggestDifference(base, same, mark, undefined, values).blocks).toEqual(base.blocks);
    // a word added inside the variable's text: the variable goes, the text the reviewer wrote comes
    const changed = policy([{ kind: 'paragraph', runs: [{ text: 'We are Northwind Big Analytics Ltd., a company.' }] }]);
    const result = suggestDifference(base, changed, mark, undefined, values);
    expect(PolicyDocumentSchema.safeParse(result).success).toBe(true);
    expect(text(rejectAll(result))).toBe(text(base));
    expect(allRuns(acceptAll(result).blocks[0] as Block).map((r) => r.text).join('')).toBe('We are Northwind Big Analytics Ltd., a company.');
    expect(allRuns(result.blocks[0] as Block).find((r) => r.variable)?.del).toMatchObject({ by: 'Bo' });
  });

  it('writes a changed word as one replacement and a moved heading as a move pair', () => {
    const base = policy([
      { kind: 'heading', id: 's-first0001', level: 1, runs: [{ text: 'First' }] },
      { kind: 'paragraph', runs: [{ text: 'We keep data.' }] },
      { kind: 'heading', id: 's-second001', level: 1, runs: [{ text: 'Second' }] },
    ]);
    const edited = policy([
      { kind: 'heading', id: 's-second001', level: 2, runs: [{ text: 'Second' }] },
      { kind: 'heading', id: 's-first0001', level: 1, runs: [{ text: 'First' }] },
      { kind: 'paragraph', runs: [{ text: 'We delete data.' }] },
    ]);
    let n = 0;
    const result = suggestDifference(base, edited, { by: 'Bo', at: '2026-01-01T00:00:00Z' }, () => `c-id${String(++n).padStart(4, '0')}`);
    const kinds = result.blocks.map((b) => b.change?.kind ?? '-');
    expect(kinds).toEqual(['move-to', '-', '-', 'move-from']);
    expect(result.blocks[0]?.change?.id).toBe(result.blocks[3]?.change?.id);
    expect(result.blocks[0]).toMatchObject({ id: 's-second001', level: 2, relevel: { was: 1 } });
    expect(allRuns(result.blocks[2] as Block)).toEqual([
      { text: 'We ' },
      { text: 'keep', del: expect.objectContaining({ by: 'Bo' }) },
      { text: 'delete', ins: expect.objectContaining({ by: 'Bo' }) },
      { text: ' data.' },
    ]);
  });
});
