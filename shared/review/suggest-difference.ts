import diffSequences from '@jest/diff-sequences';
import type { Block, BlockChange, PolicyDocument, Run, SuggestionMark, Table } from '../model/document';
import { allRuns, isTable, mapRunLists } from '../model/block-runs';
import { newSectionId, newSuggestionId } from '../model/ids';
import { referencePlaceholder } from '../model/vocabulary';
import { resolveRuns, type VariableValues } from '../model/variables';
import { standsWhenAccepted, stoodBeforeSuggestions } from './suggestions';
import { plainRun, suggestRuns } from './word-suggestions';
import { notesAfter, pairNotes } from './suggest-notes';

/**
 * The base document with the difference to `edited` written as suggestions by one author: what a reviewer changed in
 * a copy (a DOCX edited without track changes, an edition) becomes changes to accept or reject one by one. Accepting
 * all of them gives the blocks of `edited`, rejecting all of them those of `base`.
 *
 * Blocks are aligned in two passes (Myers' algorithm, through @jest/diff-sequences): first blocks that are the same,
 * then, between those, blocks of one kind that are alike (a heading by its section id when the two documents share
 * ids, otherwise by its words; other blocks by a share of common words). Paired blocks are diffed word by word;
 * unpaired ones are whole-block insertions and deletions, except a heading (or an unchanged block) found deleted in one
 * place and inserted in another, which becomes a move: move-from and move-to with one suggestion id. A paired heading
 * keeps the base's section id, so links to sections and comments survive; when the two documents share no ids (an
 * import), accept-all therefore gives `edited`'s blocks with the base's ids. A paired block keeps the base's clause use
 * too: a file from outside knows nothing of clauses.
 *
 * The base may already carry suggestions and comments: they are kept. Blocks and runs already suggested for deletion
 * are left out of the comparison and stay where they stand, so the comparison is with the base as it reads accepted.
 * `edited` may carry suggestions too (a DOCX returned with tracked changes): the target is its accepted view, and each
 * of its changes keeps its author, time and id, on the base's text where it deletes (word-suggestions.ts). Its
 * comment threads join the base's, on the text they were about.
 *
 * Tables: a table pairs with a table of the same shape (as many rows, as many columns) and its cells are compared one
 * by one, each cell's words suggested like a paragraph's, the caption likewise. The model has no suggestion for a row
 * or a column, so a table whose shape changed (a row or column added or removed) is suggested as the old table deleted
 * and the new one inserted, both marked by ONE suggestion: accepting it gives the new table, rejecting it the old, and
 * the reviewer's words in the cells are all there to read. A table's header row and a heading's `unnumbered` are
 * how the block is laid out, not words: the edited side's stands, as a plain edit, not as a suggestion.
 *
 * Footnotes: the edited copy's notes are paired with the base's first (suggest-notes.ts), a note's mark is one
 * token of its paragraph, and a paired note's own text is compared like a paragraph's.
 */
export function suggestDifference(
  base: PolicyDocument,
  edited: PolicyDocument,
  mark: Omit<SuggestionMark, 'id'>,
  newId: () => string = () => newSuggestionId(),
  /** The project's variable values: given, a variable the edited side holds as plain text is compared as the text it shows. */
  values?: VariableValues,
): PolicyDocument {
  edited = pairNotes(base, edited);
  const baseIds = new Set(base.blocks.flatMap((block) => (block.kind === 'heading' ? [block.id] : [])));
  const byId = edited.blocks.some((block) => block.kind === 'heading' && baseIds.has(block.id));
  const live = base.blocks.flatMap((block, index) => (standsWhenAccepted(block) ? [index] : []));
  const liveBlocks = live.map((index) => base.blocks[index] as Block);
  // The edited copy's cross-references point at its own sections (an import makes new ids): once its headings are
  // paired with the base's, they point at the base's, so a reference nobody changed is no change.
  const firstPairs = alignBlocks(liveBlocks, edited.blocks, byId, values);
  const editedBlocks = referencesTo(edited.blocks, new Map(firstPairs.flatMap(([b, e]) => headingIds(liveBlocks[b], edited.blocks[e]))));
  const pairs = editedBlocks === edited.blocks ? firstPairs : alignBlocks(liveBlocks, editedBlocks, byId, values);

  // Steps in document order: each base block (paired or deleted), each inserted block at its place.
  const steps: Step[] = [];
  let bi = 0;
  let ei = 0;
  const stepsUntil = (baseEnd: number, editedEnd: number) => {
    for (; bi < baseEnd; bi++) steps.push({ kind: 'delete', block: liveBlocks[bi] as Block });
    for (; ei < editedEnd; ei++) steps.push({ kind: 'insert', block: editedBlocks[ei] as Block });
  };
  for (const [b, e] of pairs) {
    stepsUntil(b, e);
    const [was, now] = [liveBlocks[b] as Block, editedBlocks[e] as Block];
    if (isTable(was) && isTable(now) && !sameShape(was, now)) {
      // a table whose rows or columns changed: deleted and inserted again, as one suggestion
      const id = newId();
      steps.push({ kind: 'delete', block: was, id }, { kind: 'insert', block: now, id });
    } else steps.push({ kind: 'pair', block: was, edited: now });
    bi = b + 1;
    ei = e + 1;
  }
  stepsUntil(liveBlocks.length, editedBlocks.length);
  findMoves(steps, newId);

  const out: Block[] = [];
  const usedIds = new Set(baseIds);
  let next = 0; // next block of base.blocks to copy when it is out of the comparison
  let runId: { kind: 'insert' | 'delete'; id: string } | null = null;
  const liveIndex = new Map(live.map((index, position) => [liveBlocks[position] as Block, index]));
  const copySettledUntil = (index: number) => {
    for (; next < index; next++) if (!standsWhenAccepted(base.blocks[next] as Block)) out.push(base.blocks[next] as Block);
  };
  const sectionIds = new Map(pairs.flatMap(([b, e]) => headingIds(liveBlocks[b], editedBlocks[e])));
  // the section id of a suggested insertion that is withdrawn (see below) is free for the edited copy's heading
  for (const step of steps) if (step.kind === 'delete' && step.block.kind === 'heading' && step.block.change?.kind === 'insert') usedIds.delete(step.block.id);
  for (const step of steps) {
    // a block the edited side's tracked changes delete, not in the base: there is nothing to suggest
    if (step.kind === 'insert' && !standsWhenAccepted(step.block)) continue;
    const from = step.kind === 'insert' || step.kind === 'move-to' ? undefined : liveIndex.get(step.block);
    if (from !== undefined) {
      copySettledUntil(from);
      next = from + 1;
    }
    if (step.kind === 'insert' && step.block.change) {
      // inserted by a tracked change of the edited side: as it is, without the text that change deletes again
      runId = null;
      out.push(trackedInsert(step.block, usedIds, sectionIds));
      continue;
    }
    if (step.kind !== 'insert' && step.kind !== 'delete') runId = null;
    switch (step.kind) {
      case 'pair':
        out.push(pairBlock(step.block, step.edited, mark, newId, values));
        break;
      case 'insert':
      case 'delete': {
        // A block the base only suggests inserting, left out by the edited copy: that insertion is withdrawn. One
        // block holds one block change, and an insertion deleted again would leave an empty paragraph when accepted.
        if (step.kind === 'delete' && !stoodBeforeSuggestions(step.block)) break;
        let id: string;
        if (step.id !== undefined) {
          id = step.id;
          runId = null;
        } else {
          if (!runId || runId.kind !== step.kind) runId = { kind: step.kind, id: newId() };
          id = runId.id;
        }
        const change: BlockChange = { id, ...mark, kind: step.kind };
        out.push(step.kind === 'delete' ? deletedBlock(step.block, change) : insertedBlock(step.block, change, usedIds));
        break;
      }
      case 'move-from':
        out.push(deletedBlock(step.block, { id: step.id, ...mark, kind: 'move-from' }));
        break;
      case 'move-to':
        out.push(movedBlock(step.was, step.block, { id: step.id, ...mark, kind: 'move-to' }, newId, values));
        break;
    }
  }
  copySettledUntil(base.blocks.length);
  const { blocks, notes } = notesAfter(base, edited, unpairedMovesAsInserts(out, usedIds), mark, newId, values);
  const { notes: _baseNotes, ...rest } = base;
  return withComments({ ...rest, blocks, ...(notes.length > 0 ? { notes } : {}) }, edited, sectionIds);
}

/** Whether two tables have as many rows and as many columns: only then are their cells compared one by one. */
function sameShape(a: Table, b: Table): boolean {
  return a.rows.length === b.rows.length && a.rows.every((row, r) => row.cells.length === (b.rows[r]?.cells.length ?? -1));
}

/** The blocks with each reference to a section of `ids` pointing at the id it maps to; the same array when none does. */
function referencesTo(blocks: Block[], ids: ReadonlyMap<string, string>): Block[] {
  const moved = (run: Run) => run.ref !== undefined && ids.has(run.ref) && ids.get(run.ref) !== run.ref;
  if (!blocks.some((block) => allRuns(block).some(moved))) return blocks;
  return blocks.map((block) =>
    mapRunLists(block, (runs) =>
      runs.some(moved) ? runs.map((run) => (moved(run) ? { ...run, ref: ids.get(run.ref as string) as string, text: referencePlaceholder(ids.get(run.ref as string) as string) } : run)) : runs,
    ),
  );
}

function headingIds(base: Block | undefined, edited: Block | undefined): Array<[string, string]> {
  return base?.kind === 'heading' && edited?.kind === 'heading' ? [[edited.id, base.id]] : [];
}

/** The edited side's threads joined to the base's: a thread about a whole section follows that section's id. */
function withComments(doc: PolicyDocument, edited: PolicyDocument, sections: ReadonlyMap<string, string>): PolicyDocument {
  if (!edited.comments || edited.comments.length === 0) return doc;
  const known = new Set((doc.comments ?? []).map((thread) => thread.id));
  const added = edited.comments
    .filter((thread) => !known.has(thread.id))
    .map((thread) => (thread.section && sections.has(thread.section) ? { ...thread, section: sections.get(thread.section) as string } : thread));
  return { ...doc, comments: [...(doc.comments ?? []), ...added] };
}

/**
 * An edited block a tracked change inserted, kept with that change; text it also deletes was never anywhere. The new
 * place of a tracked move takes the section id of the base heading its old place paired with.
 */
function trackedInsert(block: Block, usedIds: Set<string>, sectionIds: ReadonlyMap<string, string>): Block {
  const change = block.change as BlockChange;
  let next: Block = mapRunLists(block, (runs) => (runs.some((run) => run.del) ? runs.filter((run) => !run.del) : runs));
  if (next.kind === 'heading') {
    const partner = change.kind === 'move-to' ? sectionIds.get(next.id) : undefined;
    if (partner !== undefined) next = { ...next, id: partner };
    else if (usedIds.has(next.id)) next = { ...next, id: freshId(usedIds) };
    usedIds.add(next.id);
  }
  return next;
}

/**
 * A section id standing twice must be a move's two places. Where the old place of a tracked move did not come out as
 * one (the reviewer also changed its words), the new place becomes an insertion under a fresh id.
 */
function unpairedMovesAsInserts(blocks: Block[], usedIds: Set<string>): Block[] {
  const moveFrom = new Map<string, string>();
  for (const block of blocks) if (block.kind === 'heading' && block.change?.kind === 'move-from') moveFrom.set(block.id, block.change.id);
  const seen = new Set<string>();
  return blocks.map((block) => {
    if (block.kind !== 'heading') return block;
    const twice = blocks.filter((other) => other.kind === 'heading' && other.id === block.id).length > 1;
    if (!twice || block.change?.kind !== 'move-to' || moveFrom.get(block.id) === block.change.id || seen.has(block.id)) {
      seen.add(block.id);
      return block;
    }
    const id = freshId(usedIds);
    usedIds.add(id);
    return { ...block, id, change: { ...block.change, kind: 'insert' } };
  });
}

type Step =
  | { kind: 'pair'; block: Block; edited: Block }
  /** `id`: the suggestion of a table deleted and inserted again (its shape changed), which no neighbour shares. */
  | { kind: 'delete'; block: Block; id?: string }
  | { kind: 'insert'; block: Block; id?: string }
  | { kind: 'move-from'; block: Block; id: string }
  | { kind: 'move-to'; block: Block; was: Block; id: string };

/** Pairs of (base, edited) positions, increasing on both sides. */
function alignBlocks(base: readonly Block[], edited: readonly Block[], byId: boolean, values: VariableValues | undefined): Array<[number, number]> {
  const baseKeys = base.map((block) => sameKey(block, byId));
  const editedKeys = edited.map((block) => sameKey(block, byId, 'edited'));
  const pairs: Array<[number, number]> = [];
  let b = 0;
  let e = 0;
  const alike = (bEnd: number, eEnd: number) => {
    if (b >= bEnd || e >= eEnd) return;
    const offsetB = b;
    const offsetE = e;
    diffSequences(
      bEnd - b,
      eEnd - e,
      (x, y) => pairable(base[offsetB + x] as Block, edited[offsetE + y] as Block, byId, values),
      (count, x, y) => {
        for (let k = 0; k < count; k++) pairs.push([offsetB + x + k, offsetE + y + k]);
      },
    );
  };
  diffSequences(
    base.length,
    edited.length,
    (x, y) => baseKeys[x] === editedKeys[y],
    (count, x, y) => {
      alike(x, y);
      for (let k = 0; k < count; k++) pairs.push([x + k, y + k]);
      b = x + count;
      e = y + count;
    },
  );
  alike(base.length, edited.length);
  return pairs;
}

/** What two blocks must share to be the same block unchanged. */
function sameKey(block: Block, byId: boolean, side: 'base' | 'edited' = 'base'): string {
  // a block the edited side's tracked changes insert was not there before: it is the same as nothing
  if (side === 'edited' && !stoodBeforeSuggestions(block)) return '\u0000inserted'; // never a base key, which is JSON
  const text = (list: readonly Run[]) =>
    list.filter((run) => (side === 'base' ? !run.del : !run.ins)).map((run) => [run.text, [...(run.marks ?? [])].sort().join(), run.link ?? '', run.variable ?? '', run.refTitle ? 'title' : '']);
  // the words of a table are its caption's and its cells', row by row: one cell changed is a different table
  const { runs: _runs, rows: _rows, caption: _caption, ...shape } = block as Block & { runs?: unknown; rows?: unknown; caption?: unknown };
  // a clause use is the base's to keep (a reviewer cannot change it), so it is no part of what makes blocks the same
  const { change: _c, relevel: _r, clause: _u, ...rest } = shape as typeof shape & { change?: unknown; relevel?: unknown; clause?: unknown };
  const keyed = block.kind === 'heading' && !byId ? { ...rest, id: '' } : rest;
  const words = isTable(block) ? [block.caption ? text(block.caption) : null, block.rows.map((row) => row.cells.map((cell) => text(cell.runs)))] : text(block.runs);
  return JSON.stringify([keyed, words]);
}

/** Whether two blocks are the same block edited: one kind (and list), and alike. The base's clause use stays. */
function pairable(a: Block, b: Block, byId: boolean, values: VariableValues | undefined): boolean {
  if (a.kind !== b.kind || !stoodBeforeSuggestions(b)) return false;
  if (a.kind === 'heading' && b.kind === 'heading' && byId) return a.id === b.id;
  if (a.kind === 'list-item' && b.kind === 'list-item' && a.list !== b.list) return false;
  // compared as a reader sees them: a variable by the text it shows, when the values are known
  const shown = (runs: Run[]) => (values ? resolveRuns(runs, values) : runs);
  return similarity(shown(allRuns(a).filter((run) => !run.del)), shown(allRuns(b).filter((run) => !run.ins))) >= 0.5;
}

function words(runs: readonly Run[]): Set<string> {
  const set = new Set<string>();
  for (const run of runs) {
    for (const word of run.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) set.add(word);
  }
  return set;
}

/** The Dice coefficient of the two texts' word sets; two texts without words are alike. */
function similarity(a: readonly Run[], b: readonly Run[]): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const word of x) if (y.has(word)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Deleted and inserted blocks that are one block moved: a heading with its section id (the documents sharing ids), or
 * any block whose text is unchanged. Each pair becomes move-from and move-to with one suggestion id.
 */
function findMoves(steps: Step[], newId: () => string): void {
  const deleted = new Map<string, number[]>();
  steps.forEach((step, index) => {
    if (step.kind !== 'delete' || step.id !== undefined) return;
    const key = moveKey(step.block);
    const list = deleted.get(key);
    if (list) list.push(index);
    else deleted.set(key, [index]);
  });
  steps.forEach((step, index) => {
    if (step.kind !== 'insert' || step.block.change || step.id !== undefined) return;
    const candidates = deleted.get(moveKey(step.block));
    const from = candidates?.shift();
    if (from === undefined) return;
    const old = steps[from] as Step & { kind: 'delete' };
    if (old.block.change?.kind === 'move-to') {
      // the new place of a move the base suggests, moved again: that move now goes here (its old place is withdrawn)
      steps[index] = { kind: 'move-to', block: step.block, was: old.block, id: old.block.change.id };
      return;
    }
    if (old.block.change) return; // a suggested insertion left out here and written elsewhere: withdrawn, then inserted
    const id = newId();
    steps[from] = { kind: 'move-from', block: old.block, id };
    steps[index] = { kind: 'move-to', block: step.block, was: old.block, id };
  });
}

function moveKey(block: Block): string {
  if (block.kind === 'heading') return `h\u0000${block.id}`;
  return sameKey(block, true);
}

/** The base block suggested for deletion (or as the old place of a move): its runs carry the deletion too. */
function deletedBlock(block: Block, change: BlockChange): Block {
  const mark: SuggestionMark = { id: change.id, by: change.by, at: change.at };
  return { ...mapRunLists(block, (runs) => runs.map((run) => (run.del ? run : { ...run, del: mark }))), change };
}

/** The edited block suggested for insertion, its runs inserted by the same suggestion; a heading id the base holds is renewed. */
function insertedBlock(block: Block, change: BlockChange, usedIds: Set<string>): Block {
  const mark: SuggestionMark = { id: change.id, by: change.by, at: change.at };
  const inserted = (runs: Run[]) => runs.filter((run) => !run.del).map((run) => ({ ...plainRun(run), ...(run.comments ? { comments: run.comments } : {}), ins: mark }));
  let next: Block = { ...mapRunLists(block, inserted), change };
  if (next.kind === 'heading') {
    if (usedIds.has(next.id)) next = { ...next, id: freshId(usedIds) };
    usedIds.add(next.id);
  }
  return next;
}

function freshId(used: ReadonlySet<string>): string {
  for (;;) {
    const id = newSectionId();
    if (!used.has(id)) return id;
  }
}

/** The new place of a moved block: its edited text, with what changed in its words since the old place suggested. */
function movedBlock(was: Block, block: Block, change: BlockChange, newId: () => string, values: VariableValues | undefined): Block {
  const paired = pairBlock(mapRunLists(was, (runs) => runs.filter((run) => !run.del).map(plainRun)), block, change, newId, values);
  if (paired.kind === 'heading' && was.kind === 'heading') return { ...paired, id: was.id, change };
  return { ...paired, change };
}

/** A base block and its edited self: the base's block with the words, marks and level that changed suggested. */
function pairBlock(block: Block, edited: Block, mark: Omit<SuggestionMark, 'id'>, newId: () => string, values?: VariableValues): Block {
  const by = { by: mark.by, at: mark.at };
  let next: Block;
  if (isTable(block)) {
    next = isTable(edited) ? pairTable(block, edited, by, newId, values) : block;
  } else {
    next = { ...block, runs: suggestRuns(block.runs, isTable(edited) ? [] : edited.runs, by, newId, values) };
  }
  // taking no number is how a heading is laid out, not its words: a plain edit
  if (next.kind === 'heading' && edited.kind === 'heading' && next.unnumbered !== edited.unnumbered) {
    const { unnumbered: _was, ...rest } = next;
    next = edited.unnumbered ? { ...rest, unnumbered: true } : rest;
  }
  const tracked = edited.kind === 'heading' || edited.kind === 'list-item' ? edited.relevel : undefined;
  const relevel = (was: number) => (tracked ? { ...tracked, was } : { id: newId(), by: mark.by, at: mark.at, was });
  if (next.kind === 'heading' && edited.kind === 'heading' && next.level !== edited.level) {
    next = { ...next, level: edited.level, relevel: relevel(next.relevel?.was ?? next.level) };
  } else if (next.kind === 'list-item' && edited.kind === 'list-item' && next.indent !== edited.indent) {
    next = { ...next, indent: edited.indent, relevel: relevel(next.relevel?.was ?? next.indent) };
  }
  // deleted whole by a tracked change of the edited side: the base's block, deleted by that change
  const gone = edited.change;
  if (gone && (gone.kind === 'delete' || gone.kind === 'move-from') && !next.change && allRuns(next).every((run) => run.del?.id === gone.id)) {
    next = { ...next, change: { ...gone } };
  }
  return next;
}

/**
 * A table and its edited self of the same shape: each cell's words (and the caption's) suggested as a paragraph's;
 * the header row as the edited side has it (a plain edit: the model holds no suggestion for it).
 */
function pairTable(table: Table, edited: Table, mark: Omit<SuggestionMark, 'id'>, newId: () => string, values?: VariableValues): Table {
  const rows = table.rows.map((row, r) => ({
    ...row,
    cells: row.cells.map((cell, c) => ({ ...cell, runs: suggestRuns(cell.runs, edited.rows[r]?.cells[c]?.runs ?? [], mark, newId, values) })),
  }));
  const { caption: _caption, header: _header, ...rest } = table;
  const next: Table = { ...rest, rows };
  if (edited.header) next.header = true;
  if (table.caption || edited.caption) next.caption = suggestRuns(table.caption ?? [], edited.caption ?? [], mark, newId, values);
  // a caption the reviewer removed is all deleted, one they added all inserted: an empty one is no caption
  if (next.caption && next.caption.length === 0) delete next.caption;
  return next;
}
