import type { Block, Mark, Run } from '../../shared/model/document';
import { mergeRuns } from '../../shared/format/normalize';
import type { BlockElement, FormattedText, InlineNode } from './types';

/** The only place that knows both shapes: stored blocks in, Slate nodes out, and back. */
export function blocksToSlate(blocks: readonly Block[]): BlockElement[] {
  return blocks.map((block): BlockElement => {
    const children = runsToInlines(block.runs);
    switch (block.kind) {
      case 'heading':
        return { type: 'heading', id: block.id, level: block.level, children };
      case 'paragraph':
        return { type: 'paragraph', children };
      case 'list-item':
        return { type: 'list-item', list: block.list, indent: block.indent, children };
    }
  });
}

export function slateToBlocks(nodes: readonly BlockElement[]): Block[] {
  return nodes.map((node): Block => {
    const runs = inlinesToRuns(node.children);
    switch (node.type) {
      case 'heading':
        return { kind: 'heading', id: node.id, level: node.level, runs };
      case 'paragraph':
        return { kind: 'paragraph', runs };
      case 'list-item':
        return { kind: 'list-item', list: node.list, indent: node.indent, runs };
    }
  });
}

function runsToInlines(runs: readonly Run[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const run of runs) {
    const text = textOf(run);
    const last = out[out.length - 1];
    if (run.link === undefined) out.push(text);
    else if (last && 'type' in last && last.href === run.link) last.children.push(text);
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
  const text: FormattedText = { text: run.text };
  for (const mark of run.marks ?? []) text[mark] = true;
  return text;
}

function inlinesToRuns(nodes: readonly InlineNode[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if ('type' in node) for (const child of node.children) runs.push(runOf(child, node.href));
    else runs.push(runOf(node, undefined));
  }
  return mergeRuns(runs);
}

function runOf(text: FormattedText, link: string | undefined): Run {
  const marks: Mark[] = [];
  if (text.bold) marks.push('bold');
  if (text.italic) marks.push('italic');
  if (text.underline) marks.push('underline');
  const run: Run = { text: text.text };
  if (marks.length) run.marks = marks;
  if (link !== undefined) run.link = link;
  return run;
}
