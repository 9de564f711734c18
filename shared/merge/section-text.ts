import type { Block, Run, Table } from '../model/document';
import { isTable } from '../model/block-runs';
import { runsToPlainText } from '../model/text';
import { notePlaceholder, referencePlaceholder } from '../model/vocabulary';
import type { SectionConflict } from './merge-documents';

/**
 * A section as a person edits the result of a conflict in a plain text area: one paragraph a line (blank lines
 * between them for reading), the heading's title first. A table is one line a row, its cells between " | ", with no
 * blank line between its rows. The blocks of either side keep their formatting where a line (or a table's lines) is
 * left as it was.
 */
export function sectionText(blocks: readonly Block[] | null): string {
  return (blocks ?? []).map((block) => blockLines(block).join('\n')).join('\n\n');
}

/** Between the cells of a table's row in the text area. */
const CELL_SEPARATOR = ' | ';

const flat = (runs: readonly Run[]) => runsToPlainText(runs).replace(/\s*\n\s*/g, ' ').trim();

/** A block's lines in the text area: one for a paragraph or heading, one a row for a table. */
function blockLines(block: Block): string[] {
  if (isTable(block)) return block.rows.map((row) => row.cells.map((cell) => flat(cell.runs)).join(CELL_SEPARATOR));
  return [flat(block.runs)];
}

/**
 * The blocks a section's edited text stands for: the first line is the heading (the section keeps its id and level)
 * unless the section is the text before the first heading; every other non-blank line is a paragraph. A line that is
 * exactly a block of base, mine or theirs takes that block, with its marks, list and clause; lines that are exactly a
 * table of one side take that table; where a side has a table, lines holding " | " are a table's rows (as wide as the
 * widest, the header row and caption of a side's table as wide). No line at all deletes the section.
 */
export function blocksFromText(text: string, conflict: Pick<SectionConflict, 'key' | 'base' | 'mine' | 'theirs'>): Block[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return [];
  const sides = [conflict.mine, conflict.theirs, conflict.base].map((blocks) => blocks ?? []);
  const headings = sides.map((blocks) => blocks[0]).filter((block): block is Block & { kind: 'heading' } => block?.kind === 'heading');
  const template = headings[0];
  const blocks: Block[] = [];
  if (template) {
    const title = lines.shift() as string;
    const same = headings.find((heading) => flat(heading.runs) === title);
    if (same) blocks.push(same);
    else {
      // New words: the heading keeps its place in the outline, not a clause link or a suggestion about other words.
      blocks.push({ kind: 'heading', id: template.id, level: template.level, ...(template.unnumbered ? { unnumbered: true as const } : {}), runs: [{ text: title }] });
    }
  }
  const bodies = sides.flatMap((side) => side.filter((block) => block.kind !== 'heading'));
  const tables = bodies.filter(isTable);
  for (let at = 0; at < lines.length; ) {
    const line = lines[at] as string;
    const table = tables.find((candidate) => blockLines(candidate).every((row, r) => lines[at + r] === row));
    if (table) {
      blocks.push(table);
      at += table.rows.length;
      continue;
    }
    const same = bodies.find((block) => !isTable(block) && blockLines(block)[0] === line);
    if (same) {
      blocks.push(same);
      at++;
      continue;
    }
    if (tables.length > 0 && line.includes(CELL_SEPARATOR.trim())) {
      let end = at;
      while (end < lines.length && (lines[end] as string).includes(CELL_SEPARATOR.trim())) end++;
      blocks.push(tableFromLines(lines.slice(at, end), tables));
      at = end;
      continue;
    }
    blocks.push({ kind: 'paragraph', runs: placeholderRuns(line) });
    at++;
  }
  return blocks;
}

/** A table from rows of cells typed between "|": every row as wide as the widest; a side's table of that width lends its header row and caption. */
function tableFromLines(lines: readonly string[], tables: readonly Table[]): Table {
  const cells = lines.map((line) => line.split('|').map((cell) => cell.trim()));
  const width = Math.max(...cells.map((row) => row.length));
  const like = tables.find((table) => table.rows[0]?.cells.length === width);
  const table: Table = { kind: 'table', rows: cells.map((row) => ({ cells: Array.from({ length: width }, (_, c) => ({ runs: row[c] ? placeholderRuns(row[c]) : [] })) })) };
  if (like?.header) table.header = true;
  if (like?.caption) table.caption = like.caption;
  return table;
}

const PLACEHOLDER = /\{\{(ref|note):((?:s|n)-[a-z0-9]{6,24})\}\}/g;

/**
 * A changed line's runs: a cross-reference or a footnote's mark shows in the text area as its placeholder
 * (`{{ref:s-…}}`, `{{note:n-…}}`, as stored), and one left in the line stays a reference or a mark rather than
 * becoming the placeholder's characters.
 */
export function placeholderRuns(line: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of line.matchAll(PLACEHOLDER)) {
    const [kind, id] = [match[1] as string, match[2] as string];
    if ((kind === 'ref') !== id.startsWith('s-')) continue;
    if (match.index > at) runs.push({ text: line.slice(at, match.index) });
    runs.push(kind === 'ref' ? { text: referencePlaceholder(id), ref: id } : { text: notePlaceholder(id), note: id });
    at = match.index + match[0].length;
  }
  if (at < line.length || runs.length === 0) runs.push({ text: line.slice(at) });
  return runs;
}
