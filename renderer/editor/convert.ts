import type { Block, Mark, Run } from '../../shared/model/document';
import { mergeRuns } from '../../shared/format/normalize';
import { variableRun } from '../../shared/model/variables';
import { referencePlaceholder } from '../../shared/model/vocabulary';
import type { BlockElement, FormattedText, InlineNode, ReferenceElement, ReviewFields, VariableElement } from './types';

/** The only place that knows both shapes: stored blocks in, Slate nodes out, and back. */
export function blocksToSlate(blocks: readonly Block[]): BlockElement[] {
  return blocks.map((block): BlockElement => {
    const children = runsToInlines(block.runs);
    const clause = block.clause ? { clause: { ...block.clause } } : {};
    const change = block.change ? { change: { ...block.change } } : {};
    const relevel = block.kind !== 'paragraph' && block.relevel ? { relevel: { ...block.relevel } } : {};
    switch (block.kind) {
      case 'heading':
        return { type: 'heading', id: block.id, level: block.level, ...clause, ...change, ...relevel, children };
      case 'paragraph':
        return { type: 'paragraph', ...clause, ...change, children };
      case 'list-item':
        return { type: 'list-item', list: block.list, indent: block.indent, ...clause, ...change, ...relevel, children };
    }
  });
}

export function slateToBlocks(nodes: readonly BlockElement[]): Block[] {
  return nodes.map((node): Block => {
    const runs = inlinesToRuns(node.children);
    const clause = node.clause ? { clause: { ...node.clause } } : {};
    const change = node.change ? { change: { ...node.change } } : {};
    const relevel = node.type !== 'paragraph' && node.relevel ? { relevel: { ...node.relevel } } : {};
    switch (node.type) {
      case 'heading':
        return { kind: 'heading', id: node.id, level: node.level, ...clause, ...change, ...relevel, runs };
      case 'paragraph':
        return { kind: 'paragraph', ...clause, ...change, runs };
      case 'list-item':
        return { kind: 'list-item', list: node.list, indent: node.indent, ...clause, ...change, ...relevel, runs };
    }
  });
}

function runsToInlines(runs: readonly Run[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const run of runs) {
    if (run.variable !== undefined) {
      // A chip carries its marks; a link on a variable has no place to live in the editor and is not kept.
      const chip: VariableElement = { type: 'variable', name: run.variable, ...reviewOf(run), children: [{ text: '' }] };
      for (const mark of run.marks ?? []) chip[mark] = true;
      out.push(chip);
      continue;
    }
    if (run.ref !== undefined) {
      const reference: ReferenceElement = { type: 'reference', ref: run.ref, ...(run.refTitle ? { refTitle: true } : {}), ...reviewOf(run), children: [{ text: '' }] };
      for (const mark of run.marks ?? []) reference[mark] = true;
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
  for (const mark of run.marks ?? []) text[mark] = true;
  return text;
}

function inlinesToRuns(nodes: readonly InlineNode[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (!('type' in node)) runs.push(runOf(node, undefined));
    else if (node.type === 'variable') runs.push({ ...variableRun(node.name, marksOf(node)), ...reviewOf(node) });
    else if (node.type === 'reference') runs.push(referenceRun(node));
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

function marksOf(text: Pick<FormattedText, 'bold' | 'italic' | 'underline'>): Mark[] {
  const marks: Mark[] = [];
  if (text.bold) marks.push('bold');
  if (text.italic) marks.push('italic');
  if (text.underline) marks.push('underline');
  return marks;
}
