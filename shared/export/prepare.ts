import type { Block, BlockChange, DocumentLanguage, Heading, ListItem, NumberingStyle, PolicyDocument, Run, SuggestionMark, Table } from '../model/document';
import { forEachRunList, type RunListPath } from '../model/block-runs';
import { bareNumber } from '../numbering/number';
import { standsWhenAccepted } from '../review/suggestions';
import { reviewedNumbers, type ReviewedNumber } from './review-numbers';
import { exportList, type ExportList } from './lists';
import { exportRuns, plainText, type ExportRun, type Mutable, type NoteNumbers } from './runs';
import { collapseSpaces } from '../model/text';
import { exportableText, oneLine } from './text';
import { NO_VARIABLES, resolveBlocks, resolveRuns, type VariableValues } from '../model/variables';
import type { ReferenceTarget, ReferenceTargets } from '../model/reference-text';

import type { ExportListItem } from './lists';
export type { ExportList, ExportListItem } from './lists';
export type { ExportRun } from './runs';

export interface ExportHeading {
  readonly kind: 'heading';
  /** The stored section id, which is also the anchor every exporter uses: it survives renumbering, a number doesn't. */
  readonly id: string;
  /** Depth in the section tree, from 1 (what numberSections says, not the stored level, which may jump). */
  readonly depth: number;
  /** "1.", "Article II", "(a)": what the document shows before the heading; '' for a heading that takes no number. */
  readonly label: string;
  /** The label without a closing full stop: "1", "1.1", "Article II". */
  readonly number: string;
  /** Unambiguous within the document: "A.1", "Section 2.01(a)". */
  readonly reference: string;
  /** A heading that takes no number ("Summary"): it is written without one, and the numbered ones count past it. */
  readonly unnumbered?: true;
  readonly runs: ExportRun[];
  /** The heading as one line of plain text, for tables of contents and metadata. */
  readonly text: string;
  /** An open suggestion to insert, delete or move the whole heading (only the DOCX export writes it). */
  readonly change?: BlockChange;
  /** Its depth before the open suggestions, when that differs or a level change is suggested, and whose change it is. */
  readonly was?: { readonly depth: number; readonly by: SuggestionMark };
}

export interface ExportParagraph {
  readonly kind: 'paragraph';
  readonly runs: ExportRun[];
  readonly change?: BlockChange;
}

/** A table: its rows of cells (each cell its runs), the first row a header row when `header`. */
export interface ExportTable {
  readonly kind: 'table';
  readonly header: boolean;
  /** The table's title, shown above it; absent when it has none (or only white space). */
  readonly caption?: ExportRun[];
  readonly rows: ExportRun[][][];
  readonly change?: BlockChange;
}

/** A footnote as exporters write it: its number (its mark's place among the marks in reading order) and its text. */
export interface ExportNote {
  readonly id: string;
  readonly number: number;
  readonly runs: ExportRun[];
}

export type ExportBlock = ExportHeading | ExportParagraph | ExportList | ExportTable;

export interface PreparedDocument {
  readonly title: string;
  readonly effectiveDate: string | null;
  readonly lastUpdated: string | null;
  readonly versionLabel: string;
  readonly owner: string;
  readonly numbering: NumberingStyle;
  /** The document's language, when it has one (absent: English). */
  readonly language?: DocumentLanguage;
  readonly blocks: ExportBlock[];
  /** The headings again, in order, for tables of contents: those that stand with every open suggestion accepted. */
  readonly headings: ExportHeading[];
  /** How many numbered sequences the lists hold (sequence numbers run from 0 to this, exclusive). */
  readonly numberedSequences: number;
  /** The sections some cross-reference in the document points at: those whose anchor a reader is sent to. */
  readonly referenced: ReadonlySet<string>;
  /** The footnotes, in the order of their numbers (1, 2, …): only those whose mark is in the export. */
  readonly notes: ExportNote[];
}

/**
 * Everything an exporter needs, in one pass over the document: headings with their computed numbers (numbers are
 * computed here and only here, never re-implemented by an exporter), consecutive list items gathered into lists with
 * their numbering worked out, and runs with clean text and only safe links.
 */
export function prepareDocument(doc: PolicyDocument, values: VariableValues = NO_VARIABLES): PreparedDocument {
  // Variables become their values (or "[name]") before anything else reads a run: exporters never see a placeholder.
  const valued = resolveBlocks(doc.blocks, values);
  const headingBlocks: Heading[] = [];
  // Indexed loops: an export runs once, mostly before the engine optimises it, where each step of a for-of allocates.
  for (let i = 0; i < valued.length; i++) {
    const block = valued[i] as Block;
    if (block.kind === 'heading') headingBlocks.push(block);
  }
  const numbers = reviewedNumbers(headingBlocks, doc.numbering);
  // References show the numbers these same headings are exported with (every open suggestion accepted).
  const targets = referenceTargetsOf(headingBlocks, numbers);
  const resolved = resolveBlocks(valued, NO_VARIABLES, targets);
  const referenced = new Set<string>();
  const collecting = { targets, referenced };
  for (let i = 0; i < valued.length; i++) forEachRunList(valued[i] as Block, addReferenced, collecting);
  const noteNumbers = numberNotes(valued);

  const blocks: ExportBlock[] = [];
  const headings: ExportHeading[] = [];
  const lists: Preparing = { pending: [], nextSequence: 0, blocks, targets, noteNumbers, numbers, headingIndex: 0, headings };
  for (let i = 0; i < resolved.length; i++) prepareBlock(resolved[i] as Block, lists);
  flushList(lists);

  const prepared: Mutable<PreparedDocument> = {
    title: oneLine(doc.title),
    effectiveDate: doc.effectiveDate,
    lastUpdated: doc.lastUpdated,
    versionLabel: oneLine(doc.versionLabel),
    owner: oneLine(doc.owner),
    numbering: doc.numbering,
    blocks,
    headings,
    numberedSequences: lists.nextSequence,
    referenced,
    notes: exportNotes(doc.notes ?? [], noteNumbers, values, targets),
  };
  // Set after, not spread in: the usual shape stays the literal's, whose optimised readers outlive a collection.
  if (doc.language) prepared.language = doc.language;
  return prepared;
}

/**
 * What preparing the blocks carries from one block to the next: the list items read since the last block that is not
 * one, the next heading's number, and what is prepared so far. A state given to functions of their own rather than
 * closures made per export (V8 drops a closure's optimised code at a collection).
 */
interface Preparing {
  pending: ListItem[];
  nextSequence: number;
  readonly blocks: ExportBlock[];
  readonly targets: ReferenceTargets;
  readonly noteNumbers: NoteNumbers;
  /** Each heading's number, in the order of the headings; headingIndex is the next heading's. */
  readonly numbers: readonly ReviewedNumber[];
  headingIndex: number;
  readonly headings: ExportHeading[];
}

/**
 * One block, as exporters get it, added to the prepared blocks. A function of its own, called once per block, rather
 * than the body of prepareDocument's loop: called thousands of times in the first export, it is optimised in that
 * export, where the loop's body waited for the whole of prepareDocument to be (the median of 5 warm HTML exports in
 * fresh processes went from 12 to 8.5 ms).
 */
function prepareBlock(block: Block, lists: Preparing): void {
  if (block.kind === 'list-item') {
    lists.pending.push(block);
    return;
  }
  flushList(lists);
  const { blocks, targets, noteNumbers } = lists;
  if (block.kind === 'table') {
    blocks.push(exportTable(block, targets, noteNumbers));
    return;
  }
  const runs = exportRuns(block.runs, targets, noteNumbers);
  if (block.kind === 'paragraph') {
    blocks.push(block.change ? { kind: 'paragraph', runs, change: block.change } : { kind: 'paragraph', runs });
    return;
  }
  const reviewed = lists.numbers[lists.headingIndex++];
  const number = reviewed?.number;
  if (!number || number.id !== block.id) throw new Error(`no section number for heading ${block.id}`);
  const heading: Mutable<ExportHeading> = {
    kind: 'heading',
    id: block.id,
    depth: number.depth,
    label: number.label,
    number: bareNumber(number.label),
    reference: number.reference,
    runs,
    // A footnote's mark is not part of the title a table of contents lists.
    text: headingTitle(block.runs),
  };
  if (block.unnumbered) heading.unnumbered = true;
  if (block.change) heading.change = block.change;
  if (reviewed.was) heading.was = reviewed.was;
  blocks.push(heading);
  if (standsWhenAccepted(block)) lists.headings.push(heading);
}

/** The list items read so far, as one list among the blocks. */
function flushList(lists: Preparing): void {
  if (lists.pending.length === 0) return;
  const done = exportList(lists.pending, lists.nextSequence, lists.targets, lists.noteNumbers);
  lists.blocks.push(done.list);
  lists.nextSequence = done.nextSequence;
  lists.pending = [];
}

/** Every list of runs of an exported block or list item, in reading order: a table's caption, then its cells row by row. */
export function exportRunLists(block: ExportHeading | ExportParagraph | ExportTable | ExportListItem): ExportRun[][] {
  if (!('kind' in block) || block.kind !== 'table') return [block.runs];
  return [...(block.caption ? [block.caption] : []), ...block.rows.flat()];
}

/**
 * Each footnote's number: its mark's place among the marks in reading order, from 1. The old place of a moved block
 * is not counted (its marks are counted where the block went), nor is a second mark of a note already counted.
 */
export function numberNotes(blocks: readonly Block[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.change?.kind !== 'move-from') forEachRunList(block, countNotes, numbers);
  }
  return numbers;
}

// The two walks below are functions of their own, not closures made per export (see forEachRunList).

/** Adds the sections the runs refer to, of those that are targets, to `referenced`. */
function addReferenced(runs: readonly Run[], _path: RunListPath, { targets, referenced }: { targets: ReferenceTargets; referenced: Set<string> }): void {
  for (let i = 0; i < runs.length; i++) {
    const ref = (runs[i] as Run).ref;
    if (ref !== undefined && targets.has(ref)) referenced.add(ref);
  }
}

/** Gives each note the runs mark, not yet numbered, the next number. */
function countNotes(runs: readonly Run[], _path: RunListPath, numbers: Map<string, number>): void {
  for (let i = 0; i < runs.length; i++) {
    const note = (runs[i] as Run).note;
    if (note !== undefined && !numbers.has(note)) numbers.set(note, numbers.size + 1);
  }
}

/** The notes that have a number, in its order, their text resolved as the blocks' is. */
function exportNotes(notes: NonNullable<PolicyDocument['notes']>, numbers: NoteNumbers, values: VariableValues, targets: ReferenceTargets): ExportNote[] {
  const out: ExportNote[] = [];
  for (const note of notes) {
    const number = numbers.get(note.id);
    if (number === undefined) continue;
    out.push({ id: note.id, number, runs: exportRuns(resolveRuns(resolveRuns(note.runs, values), NO_VARIABLES, targets), targets) });
  }
  return out.sort(byNumber);
}

function exportTable(table: Table, targets: ReferenceTargets, notes: NoteNumbers): ExportTable {
  const cells = (runs: readonly Run[]) => exportRuns(runs, targets, notes);
  const caption = table.caption ? cells(table.caption) : [];
  return {
    kind: 'table',
    header: table.header === true,
    ...(plainText(caption).trim() !== '' ? { caption } : {}),
    rows: table.rows.map((row) => row.cells.map((cell) => cells(cell.runs))),
    ...(table.change ? { change: table.change } : {}),
  };
}

/** What a reference to each heading shows: the heading's number as exported, for those that stand once accepted. */
function referenceTargetsOf(headings: readonly Heading[], numbers: readonly ReviewedNumber[]): Map<string, ReferenceTarget> {
  const targets = new Map<string, ReferenceTarget>();
  for (let index = 0; index < headings.length; index++) {
    const heading = headings[index] as Heading;
    const number = numbers[index]?.number;
    if (!number || !standsWhenAccepted(heading) || targets.has(heading.id)) continue;
    targets.set(heading.id, { number: number.reference, title: headingTitle(heading.runs) });
  }
  return targets;
}

/** A heading's words as one line, as exportRuns would write them without their footnote marks (a title has none). */
function headingTitle(runs: readonly Run[]): string {
  let text = '';
  for (const run of runs) if (run.note === undefined) text += exportableText(run.text);
  return collapseSpaces(text);
}

function byNumber(a: ExportNote, b: ExportNote): number {
  return a.number - b.number;
}
