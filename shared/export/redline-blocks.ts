import type { BlockShape, ChangeOp, Comparison, RedlineBlock, RedlineRun, RedlineTable } from '../compare/types';
import { shapeOf } from '../compare/section-diff';
import { wholeTable } from '../compare/table-diff';
import type { Block, ListItem, Run } from '../model/document';
import { exportList } from './lists';
import { exportRuns, type ExportRun } from './runs';
import { oneLine } from './text';

/**
 * The blocks of a redline as both redline exporters write them: runs made safe and grouped by their fate (kept,
 * inserted, deleted), each block with the fate of its end (its paragraph mark) and its section depth when it is a
 * heading. Lists are gathered the way prepare.ts gathers them for the normal exporters.
 */

/** "Changes to Privacy Policy: Version 2.0 → Current draft": the HTML page's title, and the DOCX file's. */
export function redlineTitle(comparison: Comparison): string {
  return `Changes to ${oneLine(comparison.new.title)}: ${oneLine(comparison.old.label)} → ${oneLine(comparison.new.label)}`;
}

/**
 * Consecutive runs that share one fate, ready to write: clean text, safe links only, no empty runs. A kept stretch
 * whose link changed is a segment of its own with the address it had (`linkWas`, null for none); a footnote's mark
 * is a segment of its own with the note's id.
 */
export interface RedlineSegment {
  readonly op: ChangeOp;
  readonly runs: ExportRun[];
  readonly linkWas?: string | null;
  readonly note?: string;
}

/** A table of the redline, its caption and cells as segments. */
export interface RedlineTablePara {
  readonly header: boolean;
  readonly headerWas?: boolean;
  readonly caption: RedlineSegment[] | null;
  readonly rows: ReadonlyArray<{ readonly op: ChangeOp; readonly cells: RedlineSegment[][] }>;
}

export interface RedlinePara {
  readonly shape: BlockShape;
  /** For a heading, the depth of its section (from 1), which is what numbers and styles it; 0 otherwise. */
  readonly depth: number;
  /** The fate of the block's end: "insert" splits here in the new edition, "delete" joins the next block. */
  readonly mark: ChangeOp;
  readonly segments: RedlineSegment[];
  /**
   * When the block's end is kept but the old edition gave it another form (a paragraph that became a list item, a
   * bullet that became a number, a heading moved to another depth): the form it had.
   */
  readonly was?: { readonly shape: BlockShape; readonly depth: number };
  /** For a table (its shape's kind is "table", its segments empty): its rows. */
  readonly table?: RedlineTablePara;
}

/** Runs of one fate as export runs. exportRuns joins neighbours with the same formatting and drops empty text. */
function segment(op: ChangeOp, runs: readonly (Run | RedlineRun)[]): RedlineSegment {
  return {
    op,
    runs: exportRuns(
      runs.map((run) => ({
        text: run.text,
        ...(run.marks !== undefined ? { marks: [...run.marks] } : {}),
        ...(run.link !== undefined ? { link: run.link } : {}),
      })),
    ),
  };
}

export function segments(runs: readonly (RedlineRun | (Run & { op?: undefined }))[], op?: ChangeOp): RedlineSegment[] {
  const out: RedlineSegment[] = [];
  const together = (x: RedlineRun | Run | undefined, y: RedlineRun | Run | undefined) =>
    x !== undefined && y !== undefined && x.note === undefined && y.note === undefined && opOf(x) === opOf(y) && linkWasOf(x) === linkWasOf(y);
  const opOf = (run: RedlineRun | Run) => ('op' in run && run.op !== undefined ? run.op : (op ?? 'equal'));
  const linkWasOf = (run: RedlineRun | Run) => ('linkWas' in run ? run.linkWas : undefined);
  let start = 0;
  for (let i = 1; i <= runs.length; i++) {
    if (i < runs.length && together(runs[i], runs[start])) continue;
    const first = runs[start];
    if (first) {
      const done = segment(opOf(first), runs.slice(start, i));
      const linkWas = linkWasOf(first);
      if (done.runs.length > 0) out.push({ ...done, ...(linkWas !== undefined ? { linkWas } : {}), ...(first.note !== undefined ? { note: first.note } : {}) });
    }
    start = i;
  }
  return out;
}

/** Blocks of one edition, every run and every end with one fate: kept, or wholly inserted, or wholly deleted. */
export function wholeParas(blocks: readonly Block[], depth: number, op: ChangeOp): RedlinePara[] {
  return blocks.map((block) => {
    if (block.kind === 'table') return { shape: shapeOf(block), depth: 0, mark: op, segments: [], table: tablePara(wholeTable(block, op)) };
    return { shape: shapeOf(block), depth: block.kind === 'heading' ? depth : 0, mark: op, segments: segments(block.runs, op) };
  });
}

function tablePara(table: RedlineTable): RedlineTablePara {
  return {
    header: table.header,
    ...(table.headerWas !== undefined ? { headerWas: table.headerWas } : {}),
    caption: table.caption ? segments(table.caption) : null,
    rows: table.rows.map((row) => ({ op: row.op, cells: row.cells.map((cell) => segments(cell)) })),
  };
}

/**
 * A section's redline. A block whose end is kept stands for one old and one new block at once, so the blocks whose
 * ends are kept or deleted line up one to one with the old edition's blocks, in order: that is where a block's old
 * form comes from. Heading depths come from the section's two sides (a section has one heading, its first block).
 */
export function redlineParas(
  redline: readonly RedlineBlock[],
  sides: { readonly oldBlocks: readonly Block[] | null; readonly oldDepth: number; readonly newDepth: number },
): RedlinePara[] {
  const oldEnds = redline.filter((block) => block.mark !== 'insert').length;
  const oldBlocks = sides.oldBlocks !== null && sides.oldBlocks.length === oldEnds ? sides.oldBlocks : null;
  let oldIndex = 0;
  const paras = redline.map((block) => {
    const depth = block.block.kind !== 'heading' ? 0 : block.mark === 'delete' ? sides.oldDepth : sides.newDepth;
    const old = block.mark === 'insert' ? undefined : oldBlocks?.[oldIndex];
    if (block.mark !== 'insert') oldIndex += 1;
    const para: RedlinePara = { shape: block.block, depth, mark: block.mark, segments: segments(block.runs), ...(block.table ? { table: tablePara(block.table) } : {}) };
    if (block.mark !== 'equal' || old === undefined || block.table) return para;
    return withOldForm(para, { shape: shapeOf(old), depth: old.kind === 'heading' ? sides.oldDepth : 0 });
  });
  return keptEnds(paras);
}

function withOldForm(para: RedlinePara, was: { shape: BlockShape; depth: number }): RedlinePara {
  return sameForm(para, was) ? para : { ...para, was };
}

/**
 * A block whose form changed (a bullet that became a numbered item, a paragraph that became a list item) comes from
 * the word diff as its old end deleted and a new end inserted right after it, with nothing or only inserted text
 * between: "one¶(bullet, deleted) ¶(number, inserted)". That is one end whose form changed, and is written so, which
 * Word and LibreOffice both accept and reject alike (they disagree on which form survives when two paragraphs join).
 * The other order, an inserted end followed by only deleted text and a deleted end, is the same thing.
 */
function keptEnds(paras: readonly RedlinePara[]): RedlinePara[] {
  const out: RedlinePara[] = [];
  for (let i = 0; i < paras.length; i++) {
    const para = paras[i];
    const next = paras[i + 1];
    if (!para) continue;
    // A table deleted and another inserted (a table whose width changed) are two tables, not one whose form changed.
    const pair = !para.table && !next?.table && ((para.mark === 'delete' && next?.mark === 'insert') || (para.mark === 'insert' && next?.mark === 'delete'));
    if (next && pair && next.segments.every((segment) => segment.op === next.mark)) {
      const [now, old] = para.mark === 'insert' ? [para, next] : [next, para];
      const merged: RedlinePara = { shape: now.shape, depth: now.depth, mark: 'equal', segments: [...para.segments, ...next.segments] };
      out.push(withOldForm(merged, { shape: old.shape, depth: old.depth }));
      i++;
      continue;
    }
    out.push(para);
  }
  return out;
}

/** Whether two forms of a block are one: same kind, same heading depth, same list and indent. */
export function sameForm(a: { shape: BlockShape; depth: number }, b: { shape: BlockShape; depth: number }): boolean {
  if (a.shape.kind !== b.shape.kind) return false;
  if (a.shape.kind === 'heading') return a.depth === b.depth && a.shape.unnumbered === (b.shape.kind === 'heading' ? b.shape.unnumbered : undefined);
  if (a.shape.kind === 'list-item' && b.shape.kind === 'list-item') return a.shape.list === b.shape.list && a.shape.indent === b.shape.indent;
  return true;
}

/** Where a list item stands in its list: its depth (indent jumps closed up), its number, and which numbering it is. */
export interface ListPlace {
  readonly list: 'bullet' | 'number';
  readonly depth: number;
  readonly ordinal: number;
  /** Unique in the document for every numbered run; -1 for a bullet. */
  readonly sequence: number;
}

/**
 * List places for a run of shapes in reading order: consecutive list items are one list, numbered by exportList, so a
 * redline numbers and nests its lists as the normal export does. Null for what is not a list item.
 */
export function listPlaces(shapes: readonly (BlockShape | null)[], firstSequence = 0): { places: (ListPlace | null)[]; nextSequence: number } {
  const places: (ListPlace | null)[] = new Array<ListPlace | null>(shapes.length).fill(null);
  let sequence = firstSequence;
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const items: ListItem[] = [];
    for (let i = start; i < end; i++) {
      const shape = shapes[i];
      if (shape?.kind === 'list-item') items.push({ kind: 'list-item', list: shape.list, indent: shape.indent, runs: [] });
    }
    const done = exportList(items, sequence);
    sequence = done.nextSequence;
    done.list.items.forEach((item, k) => {
      places[start + k] = { list: item.list, depth: item.depth, ordinal: item.ordinal, sequence: item.sequence };
    });
    start = -1;
  };
  shapes.forEach((shape, i) => {
    if (shape?.kind === 'list-item') {
      if (start < 0) start = i;
    } else {
      flush(i);
    }
  });
  flush(shapes.length);
  return { places, nextSequence: sequence };
}

