import { MAX_LIST_INDENT } from '../model/vocabulary';
import type { ClauseBlock } from './schema';
import { textToRuns } from '../model/variables';

/**
 * A clause body as plain text a person edits in a box: paragraphs apart by a blank line, list items as "- " or "1. "
 * lines (two spaces of indent a level), variables as `{{name}}`.
 */
export function clauseToText(blocks: readonly ClauseBlock[]): string {
  let out = '';
  blocks.forEach((block, i) => {
    const text = block.runs.map((run) => run.text).join('');
    const line = block.kind === 'list-item' ? `${'  '.repeat(block.indent)}${block.list === 'bullet' ? '- ' : '1. '}${text}` : text;
    const previous = blocks[i - 1];
    if (i > 0) out += block.kind === 'list-item' && previous?.kind === 'list-item' ? '\n' : '\n\n';
    out += line;
  });
  return out;
}

const ITEM = /^( *)(?:([-*•])|(\d+)[.)]) +(.*)$/;

/**
 * The text back as blocks. A block whose words did not change keeps its bold, italic and links from `previous`: the box
 * edits words, and formatting made in the document survives an edit of other paragraphs.
 */
export function textToClauseBlocks(text: string, previous: readonly ClauseBlock[] = []): ClauseBlock[] {
  const kept = new Map<string, ClauseBlock>();
  for (const block of previous) kept.set(keyOf(block), block);
  const blocks: ClauseBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    paragraph = [];
    if (joined) blocks.push(reuse({ kind: 'paragraph', runs: textToRuns(joined) }, kept));
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = ITEM.exec(raw);
    if (item) {
      flush();
      const body = (item[4] ?? '').replace(/\s+/g, ' ').trim();
      if (!body) continue;
      const indent = Math.min(MAX_LIST_INDENT, Math.floor((item[1] ?? '').length / 2));
      blocks.push(reuse({ kind: 'list-item', list: item[2] ? 'bullet' : 'number', indent, runs: textToRuns(body) }, kept));
    } else if (raw.trim() === '') {
      flush();
    } else {
      paragraph.push(raw.trim());
    }
  }
  flush();
  return blocks;
}

function keyOf(block: ClauseBlock): string {
  const shape = block.kind === 'list-item' ? `${block.list}:${block.indent}` : 'p';
  return `${shape}|${block.runs.map((run) => run.text).join('')}`;
}

function reuse(block: ClauseBlock, kept: ReadonlyMap<string, ClauseBlock>): ClauseBlock {
  return kept.get(keyOf(block)) ?? block;
}
