import type { Block } from '../model/document';
import { blockText } from '../model/text';
import { referencePlaceholder } from '../model/vocabulary';
import type { SectionConflict } from './merge-documents';

/**
 * A section as a person edits the result of a conflict in a plain text area: one paragraph a line (blank lines
 * between them for reading), the heading's title first. The blocks of either side keep their formatting where a line
 * is left as it was.
 */
export function sectionText(blocks: readonly Block[] | null): string {
  return (blocks ?? []).map((block) => blockText(block).replace(/\s*\n\s*/g, ' ')).join('\n\n');
}

/**
 * The blocks a section's edited text stands for: the first line is the heading (the section keeps its id and level)
 * unless the section is the text before the first heading; every other non-blank line is a paragraph. A line that is
 * exactly a block of base, mine or theirs takes that block, with its marks, list and clause; no line at all deletes
 * the section.
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
    const same = headings.find((heading) => blockText(heading) === title);
    if (same) blocks.push(same);
    else {
      // New words: the heading keeps its place in the outline, not a clause link or a suggestion about other words.
      blocks.push({ kind: 'heading', id: template.id, level: template.level, runs: [{ text: title }] });
    }
  }
  const bodies = sides.flatMap((side) => side.filter((block) => block.kind !== 'heading'));
  for (const line of lines) {
    const same = bodies.find((block) => blockText(block) === line);
    blocks.push(same ?? { kind: 'paragraph', runs: placeholderRuns(line) });
  }
  return blocks;
}

const REFERENCE_PLACEHOLDER = /\{\{ref:(s-[a-z0-9]{6,24})\}\}/g;

/**
 * A changed line's runs: a cross-reference shows in the text area as its placeholder (`{{ref:s-…}}`, as it is
 * stored), and one left in the line stays a cross-reference rather than becoming the placeholder's characters.
 */
function placeholderRuns(line: string): Block['runs'] {
  const runs: Block['runs'] = [];
  let at = 0;
  for (const match of line.matchAll(REFERENCE_PLACEHOLDER)) {
    const section = match[1] as string;
    if (match.index > at) runs.push({ text: line.slice(at, match.index) });
    runs.push({ text: referencePlaceholder(section), ref: section });
    at = match.index + match[0].length;
  }
  if (at < line.length || runs.length === 0) runs.push({ text: line.slice(at) });
  return runs;
}
