import type { Block, PolicyDocument } from '../model/document';
import { allRuns, runLists } from '../model/block-runs';
import { runsToPlainText } from '../model/text';
import { NO_VARIABLES } from '../model/variables';
import type { SectionNumber } from '../numbering/number';
import { outlineOf } from '../numbering/outline';
import type { SectionSide } from './types';

export const PREAMBLE_ID = 'preamble';

/** One section of an edition, as compare sees it: its heading and its own body, and where it sits in the tree. */
export interface Segment extends SectionSide {
  /** Index of the enclosing section among the edition's segments, or -1 at the top. */
  readonly parent: number;
  /** How much text it holds (characters of its runs): a move of a long section weighs more than one of a short one. */
  readonly size: number;
}

/**
 * Splits an edition into segments in reading order: the preamble (if any text precedes the first heading), then one
 * per heading. `numbers`: its headings' numbers, where the caller has them already.
 */
export function segmentsOf(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, numbers?: readonly SectionNumber[]): Segment[] {
  const outline = outlineOf(doc, NO_VARIABLES, numbers);
  const segments: Segment[] = [];
  const openAtDepth: number[] = [];
  let heading = 0;
  const firstHeading = doc.blocks.findIndex((block) => block.kind === 'heading');
  const preambleEnd = firstHeading === -1 ? doc.blocks.length : firstHeading;
  const preamble = doc.blocks.slice(0, preambleEnd);
  if (preamble.some((block) => runLists(block).some((runs) => runsToPlainText(runs).trim() !== ''))) {
    segments.push(segment({ id: PREAMBLE_ID, number: '', label: '', title: '', depth: 0 }, preamble, segments.length, -1));
  }
  let start = preambleEnd;
  while (start < doc.blocks.length) {
    let end = start + 1;
    while (end < doc.blocks.length && doc.blocks[end]?.kind !== 'heading') end++;
    const entry = outline[heading++];
    if (!entry) throw new Error('the outline has fewer entries than the document has headings');
    openAtDepth.length = entry.level - 1;
    const parent = entry.level > 1 ? (openAtDepth[entry.level - 2] ?? -1) : -1;
    const index = segments.length;
    // Fields named, not spread: a spread of each outline entry was most of this loop's time in a large compare.
    const head = { id: entry.id, number: entry.number, label: entry.label, title: entry.title, depth: entry.level };
    segments.push(segment(head, doc.blocks.slice(start, end), index, parent));
    openAtDepth[entry.level - 1] = index;
    start = end;
  }
  return segments;
}

function segment(
  head: Pick<SectionSide, 'id' | 'number' | 'label' | 'title' | 'depth'>,
  blocks: Block[],
  index: number,
  parent: number,
): Segment {
  let size = 0;
  for (const block of blocks) for (const run of allRuns(block)) size += run.text.length;
  return {
    id: head.id,
    number: head.number,
    label: head.label,
    title: head.title,
    depth: head.depth,
    index,
    blocks,
    parent,
    size,
  };
}
