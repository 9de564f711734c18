import { readHtmlFragment } from '../../shared/import/html';
import { mergeRuns } from '../../shared/format/normalize';
import type { Block, Run, Table } from '../../shared/model/document';
import { MAX_HEADING_LEVEL, MAX_LIST_INDENT, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, stripForbiddenCharacters } from '../../shared/model/vocabulary';
import { newSectionId } from '../../shared/model/ids';
import { safeLink } from '../../shared/model/link';
import type { RawParagraph, RawRun } from '../../shared/import/raw';
import { blocksToSlate } from './convert';
import type { BlockElement } from './types';

/**
 * Pasted HTML (from Word, a browser, an email) becomes document blocks through the importer's untrusted-HTML reader:
 * headings, paragraphs, list items and tables (a Word or web page table: its rows, header row and caption) with bold,
 * italic, underline and safe links. Nothing else of the HTML survives: no markup, no scripts, no styles, no images.
 * Loaded on the first rich paste, so the editor's bundle stays small.
 */
export function htmlToFragment(html: string): BlockElement[] {
  const blocks: Block[] = [];
  for (const paragraph of readHtmlFragment(html) as PastedParagraph[]) {
    if (paragraph.table) {
      const table = toTable(paragraph.table);
      if (table) blocks.push(table);
      continue;
    }
    const runs = mergeRuns(paragraph.runs.map(toRun));
    if (paragraph.headingLevel) {
      blocks.push({ kind: 'heading', id: newSectionId(), level: Math.min(MAX_HEADING_LEVEL, Math.max(1, paragraph.headingLevel)), runs });
    } else if (paragraph.list) {
      blocks.push({ kind: 'list-item', list: paragraph.list.kind, indent: Math.min(MAX_LIST_INDENT, paragraph.list.indent), runs });
    } else {
      blocks.push({ kind: 'paragraph', runs });
    }
  }
  return blocksToSlate(blocks);
}

/**
 * A table as the HTML reader hands it (RawTable of shared/import/raw.ts: rows of cells of runs, a header flag, a
 * caption), declared here as it reads it so this file works before and after the reader learns tables.
 */
interface PastedTable {
  header: boolean;
  caption?: RawRun[];
  rows: RawRun[][][];
}
type PastedParagraph = RawParagraph & { table?: PastedTable };

/** The model's table of a pasted one: rows padded to the widest, cut to the model's limits; none when it has no cells. */
function toTable(raw: PastedTable): Table | null {
  const rows = raw.rows.filter((row) => row.length > 0).slice(0, MAX_TABLE_ROWS);
  const width = Math.min(MAX_TABLE_COLUMNS, Math.max(0, ...rows.map((row) => row.length)));
  if (rows.length === 0 || width === 0) return null;
  const table: Table = {
    kind: 'table',
    rows: rows.map((row) => ({ cells: Array.from({ length: width }, (_, c) => ({ runs: trimLineBreaks(mergeRuns((row[c] ?? []).map(toRun))) })) })),
  };
  if (raw.header) table.header = true;
  const caption = raw.caption ? mergeRuns(raw.caption.map(toRun)) : [];
  if (caption.length > 0) table.caption = caption;
  return table;
}

/**
 * A cell's runs without line breaks at either end: Word puts each cell's text in a <p>, and the breaks between a cell's
 * paragraphs are the only ones that mean something in the cell.
 */
function trimLineBreaks(runs: Run[]): Run[] {
  const out = runs.map((run) => ({ ...run }));
  // A variable's, a reference's or a footnote's text is its placeholder: trimming stops there.
  const plain = (run: Run | undefined) => run !== undefined && run.variable === undefined && run.ref === undefined && run.note === undefined;
  while (plain(out[0])) {
    const first = out[0] as Run;
    first.text = first.text.replace(/^\n+/, '');
    if (first.text !== '') break;
    out.shift();
  }
  while (plain(out[out.length - 1])) {
    const last = out[out.length - 1] as Run;
    last.text = last.text.replace(/\n+$/, '');
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

function toRun(raw: RawRun): Run {
  const run: Run = { text: stripForbiddenCharacters(raw.text) };
  if (raw.marks && raw.marks.length > 0) run.marks = [...raw.marks];
  // The reader checked it already; checked again here so that no path into the editor skips the one link check.
  const link = safeLink(raw.link);
  if (link !== null) run.link = link;
  return run;
}
