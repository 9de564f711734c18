import type { Block, Mark, Note, PolicyDocument, Run, Table } from '../../shared/model/document';
import { mergeRuns } from '../../shared/format/normalize';
import { variableRun } from '../../shared/model/variables';
import { MARKS, notePlaceholder, referencePlaceholder } from '../../shared/model/vocabulary';
import { BLOCKS_PER_STEP, type Steps } from '../../shared/steps/steps';
import type {
  BlockElement,
  FormattedText,
  HeadingElement,
  InlineNode,
  ListItemElement,
  MarkFlags,
  NoteElement,
  ParagraphElement,
  ReferenceElement,
  ReviewFields,
  TableCaptionElement,
  TableElement,
  TableRowElement,
  VariableElement,
} from './types';

/** A document's footnotes by id, as convert reads them into the marks that carry them. */
export type NotesById = ReadonlyMap<string, Note>;

const NO_NOTES: NotesById = new Map();

export function notesById(notes: readonly Note[] | undefined): NotesById {
  return notes && notes.length > 0 ? new Map(notes.map((note) => [note.id, note])) : NO_NOTES;
}

/**
 * The only place that knows both shapes: stored blocks in, Slate nodes out, and back. A footnote's text moves into its
 * mark on the way in (so the mark and its note are one node for every edit and undo) and back into the document's
 * `notes` on the way out (notesOfSlate).
 */
export function blocksToSlate(blocks: readonly Block[], notes: NotesById = NO_NOTES): BlockElement[] {
  return blocks.map((block) => blockToSlate(block, notes));
}

/**
 * One block as the editor's node: a literal of what every block of its kind has, then the fields few blocks have,
 * added where they are. Most blocks of a policy carry nothing but their text, and a 47,000-block policy is converted
 * while its first screen waits: no empty objects and spreads per block.
 */
function blockToSlate(block: Block, notes: NotesById): BlockElement {
  if (block.kind === 'table') {
    const clause = block.clause ? { clause: { ...block.clause } } : {};
    const change = block.change ? { change: { ...block.change } } : {};
    return tableToSlate(block, notes, { ...clause, ...change });
  }
  const children = runsToInlines(block.runs, notes);
  let node: HeadingElement | ParagraphElement | ListItemElement;
  switch (block.kind) {
    case 'heading':
      node = { type: 'heading', id: block.id, level: block.level, children };
      if (block.unnumbered) node.unnumbered = true;
      if (block.relevel) node.relevel = { ...block.relevel };
      break;
    case 'paragraph':
      node = { type: 'paragraph', children };
      break;
    case 'list-item':
      node = { type: 'list-item', list: block.list, indent: block.indent, children };
      if (block.relevel) node.relevel = { ...block.relevel };
      break;
  }
  if (block.clause) node.clause = { ...block.clause };
  if (block.change) node.change = { ...block.change };
  return node;
}

function tableToSlate(table: Table, notes: NotesById, fields: Pick<TableElement, 'clause' | 'change'>): TableElement {
  const caption: TableCaptionElement[] = table.caption ? [{ type: 'table-caption', children: runsToInlines(table.caption, notes) }] : [];
  const rows = table.rows.map((row): TableRowElement => ({
    type: 'table-row',
    children: row.cells.map((cell) => ({ type: 'table-cell', children: runsToInlines(cell.runs, notes) })),
  }));
  return { type: 'table', ...(table.header ? { header: true } : {}), ...fields, children: [...caption, ...rows] };
}

function slateToTable(node: TableElement, fields: Pick<Table, 'clause' | 'change'>): Table {
  let caption: Run[] | undefined;
  const rows: Table['rows'] = [];
  for (const child of node.children) {
    if (child.type === 'table-caption') caption = inlinesToRuns(child.children);
    else rows.push({ cells: child.children.map((cell) => ({ runs: inlinesToRuns(cell.children) })) });
  }
  return { kind: 'table', ...(node.header ? { header: true } : {}), ...(caption ? { caption } : {}), ...fields, rows };
}

export function slateToBlocks(nodes: readonly BlockElement[]): Block[] {
  return nodes.map((node): Block => {
    const clause = node.clause ? { clause: { ...node.clause } } : {};
    const change = node.change ? { change: { ...node.change } } : {};
    if (node.type === 'table') return slateToTable(node, { ...clause, ...change });
    const runs = inlinesToRuns(node.children);
    const relevel = node.type !== 'paragraph' && node.relevel ? { relevel: { ...node.relevel } } : {};
    switch (node.type) {
      case 'heading': {
        const unnumbered = node.unnumbered ? { unnumbered: true as const } : {};
        return { kind: 'heading', id: node.id, level: node.level, ...unnumbered, ...clause, ...change, ...relevel, runs };
      }
      case 'paragraph':
        return { kind: 'paragraph', ...clause, ...change, runs };
      case 'list-item':
        return { kind: 'list-item', list: node.list, indent: node.indent, ...clause, ...change, ...relevel, runs };
    }
  });
}

/**
 * The stored blocks of `nodes`, a few hundred at a time between yields. Slate replaces its children array on every
 * change and never changes a node in place, so the array taken here is a snapshot, however long the reading takes.
 */
export function* blocksInSteps(nodes: readonly BlockElement[], numbering: PolicyDocument['numbering']): Steps<Pick<PolicyDocument, 'blocks' | 'numbering'>> {
  const blocks: Block[] = [];
  for (let at = 0; at < nodes.length; at += BLOCKS_PER_STEP) {
    blocks.push(...slateToBlocks(nodes.slice(at, at + BLOCKS_PER_STEP)));
    yield;
  }
  return { blocks, numbering };
}

/**
 * The document's footnotes, from the marks in reading order: what the stored `notes` hold. The old place of a moved
 * block (a suggested move) carries the same mark as its new place; the note is gathered once.
 */
/** The stored blocks and footnotes of the editor's nodes: `notes` is left out when there are none, as files have it. */
export function slateToText(nodes: readonly BlockElement[]): Pick<PolicyDocument, 'blocks' | 'notes'> {
  const notes = notesOfSlate(nodes);
  return notes.length > 0 ? { blocks: slateToBlocks(nodes), notes } : { blocks: slateToBlocks(nodes) };
}

export function notesOfSlate(nodes: readonly BlockElement[]): Note[] {
  const notes: Note[] = [];
  const seen = new Set<string>();
  const visit = (inlines: readonly InlineNode[]): void => {
    for (const inline of inlines) {
      if (!('type' in inline) || inline.type !== 'note' || seen.has(inline.note)) continue;
      seen.add(inline.note);
      notes.push({ id: inline.note, runs: inline.runs.map((run) => ({ ...run })) });
    }
  };
  for (const node of nodes) {
    if (node.type !== 'table') visit(node.children);
    else for (const child of node.children) {
      if (child.type === 'table-caption') visit(child.children);
      else for (const cell of child.children) visit(cell.children);
    }
  }
  return notes;
}

function runsToInlines(runs: readonly Run[], notes: NotesById): InlineNode[] {
  const out: InlineNode[] = [];
  for (const run of runs) {
    if (run.note !== undefined) {
      const text = notes.get(run.note)?.runs ?? [];
      const mark: NoteElement = { type: 'note', note: run.note, runs: text.map((r) => ({ ...r })), ...reviewOf(run), children: [{ text: '' }] };
      setMarks(mark, run.marks);
      out.push(mark);
      continue;
    }
    if (run.variable !== undefined) {
      // A chip carries its marks; a link on a variable has no place to live in the editor and is not kept.
      const chip: VariableElement = { type: 'variable', name: run.variable, ...reviewOf(run), children: [{ text: '' }] };
      setMarks(chip, run.marks);
      out.push(chip);
      continue;
    }
    if (run.ref !== undefined) {
      const reference: ReferenceElement = { type: 'reference', ref: run.ref, ...(run.refTitle ? { refTitle: true } : {}), ...reviewOf(run), children: [{ text: '' }] };
      setMarks(reference, run.marks);
      out.push(reference);
      continue;
    }
    const text = textOf(run);
    const last = out[out.length - 1];
    if (run.link === undefined) out.push(text);
    else if (last && 'type' in last && last.type === 'link' && last.href === run.link) last.children.push(text);
    else out.push({ type: 'link', href: run.link, children: [text] });
  }
  // Slate wants text at both ends of a block and around every inline.
  return padInlines(out);
}

function padInlines(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if ('type' in node && (out.length === 0 || 'type' in (out[out.length - 1] as InlineNode))) out.push({ text: '' });
    out.push(node);
  }
  if (out.length === 0 || 'type' in (out[out.length - 1] as InlineNode)) out.push({ text: '' });
  return out;
}

function textOf(run: Run): FormattedText {
  const text: FormattedText = { text: run.text, ...reviewOf(run) };
  setMarks(text, run.marks);
  return text;
}

function inlinesToRuns(nodes: readonly InlineNode[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (!('type' in node)) runs.push(runOf(node, undefined));
    else if (node.type === 'variable') runs.push({ ...variableRun(node.name, marksOf(node)), ...reviewOf(node) });
    else if (node.type === 'reference') runs.push(referenceRun(node));
    else if (node.type === 'note') runs.push(noteRun(node));
    else for (const child of node.children) runs.push(runOf(child, node.href));
  }
  return mergeRuns(runs);
}

/** A reference's run: its placeholder as text (the number is never stored), then its marks and review fields. */
function referenceRun(node: ReferenceElement): Run {
  const marks = marksOf(node);
  const run: Run = { text: referencePlaceholder(node.ref) };
  if (marks.length) run.marks = marks;
  run.ref = node.ref;
  if (node.refTitle) run.refTitle = true;
  return { ...run, ...reviewOf(node) };
}

/** A footnote mark's run: its placeholder as text (the number is never stored); its note's text goes to `notes`. */
function noteRun(node: NoteElement): Run {
  const marks = marksOf(node);
  const run: Run = { text: notePlaceholder(node.note) };
  if (marks.length) run.marks = marks;
  run.note = node.note;
  return { ...run, ...reviewOf(node) };
}

function runOf(text: FormattedText, link: string | undefined): Run {
  const marks = marksOf(text);
  const run: Run = { text: text.text };
  if (marks.length) run.marks = marks;
  if (link !== undefined) run.link = link;
  return { ...run, ...reviewOf(text) };
}

/** The suggestion and comment fields, copied (never shared: Slate nodes and stored runs must not alias). */
function reviewOf(source: ReviewFields): ReviewFields {
  const out: ReviewFields = {};
  if (source.ins) out.ins = { ...source.ins };
  if (source.del) out.del = { ...source.del };
  if (source.formatted) out.formatted = { ...source.formatted, was: [...source.formatted.was] };
  if (source.comments && source.comments.length > 0) out.comments = [...source.comments];
  return out;
}

function setMarks(target: MarkFlags, marks: readonly Mark[] | undefined): void {
  for (const mark of marks ?? []) target[mark] = true;
}

function marksOf(flags: MarkFlags): Mark[] {
  return MARKS.filter((mark) => flags[mark]);
}
