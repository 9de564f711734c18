import type { Block, BlockChangeKind, PolicyDocument, Run, SuggestionMark } from '../model/document';
import { forEachRunList } from '../model/block-runs';

/** What one mark of a suggestion does where it stands: the kinds a person sees in the margin. */
export type SuggestionKind = 'insert' | 'delete' | 'format' | 'level' | BlockChangeKind;

/** One place a suggestion acts: a run's insertion, deletion or format change, or a block's change or level change. */
export interface SuggestionPart extends SuggestionMark {
  readonly kind: SuggestionKind;
}

// What a run or block without suggestions carries: one shared answer, since every settling and listing asks this of
// every run and block of a document, and nearly all have none.
const NONE: readonly SuggestionPart[] = Object.freeze([]);

/** The marks of suggestion a run carries, in a fixed order. */
export function runSuggestions(run: Run): readonly SuggestionPart[] {
  if (run.ins === undefined && run.del === undefined && run.formatted === undefined) return NONE;
  const parts: SuggestionPart[] = [];
  if (run.ins) parts.push({ ...run.ins, kind: 'insert' });
  if (run.del) parts.push({ ...run.del, kind: 'delete' });
  if (run.formatted) parts.push({ id: run.formatted.id, by: run.formatted.by, at: run.formatted.at, kind: 'format' });
  return parts;
}

/** A heading's or list item's suggested promotion or demotion; a paragraph and a table have no level. */
export function relevelOf(block: Block): (SuggestionMark & { was: number }) | undefined {
  return block.kind === 'heading' || block.kind === 'list-item' ? block.relevel : undefined;
}

/**
 * The whole-block marks of suggestion a block carries (not those of its runs). A table is inserted, deleted or moved
 * whole like any block; its rows and columns are no suggestion of their own (see suggest-difference.ts).
 */
export function blockSuggestions(block: Block): readonly SuggestionPart[] {
  const relevel = relevelOf(block);
  if (block.change === undefined && relevel === undefined) return NONE;
  const parts: SuggestionPart[] = [];
  if (block.change) parts.push({ id: block.change.id, by: block.change.by, at: block.change.at, kind: block.change.kind });
  if (relevel) parts.push({ id: relevel.id, by: relevel.by, at: relevel.at, kind: 'level' });
  return parts;
}

/** Whether the run carries a suggestion (an insertion, a deletion or a formatting change). */
export const runSuggested = (run: Run): boolean => run.ins !== undefined || run.del !== undefined || run.formatted !== undefined;

/** Whether a block, or any run of it (a table's cells and caption included), carries a suggestion: the cheap test every per-block reader starts with. */
export function hasSuggestions(block: Block): boolean {
  if (block.change || relevelOf(block)) return true;
  // A text block, nearly every block, without the walk below (which makes a function per call).
  if (block.kind !== 'table') return block.runs.some(runSuggested);
  let found = false;
  forEachRunList(block, (runs) => {
    if (!found) found = runs.some(runSuggested);
  });
  return found;
}

/**
 * Whether a document carries a suggestion anywhere: in its blocks, or in the text of a footnote (which no block
 * holds, so a reader testing blocks alone would miss it).
 */
export function documentHasSuggestions(doc: Pick<PolicyDocument, 'blocks' | 'notes'>): boolean {
  return doc.blocks.some(hasSuggestions) || (doc.notes ?? []).some((note) => note.runs.some(runSuggested));
}

/**
 * Whether a block stands in the document as it would be with every suggestion accepted: a deleted block, or the old
 * place of a moved one, does not (it takes no section number, and exports of the accepted text leave it out).
 */
export function standsWhenAccepted(block: Pick<Block, 'change'>): boolean {
  return block.change?.kind !== 'delete' && block.change?.kind !== 'move-from';
}

/** The same, for the document as it was before any suggestion: a suggested block, or a move's new place, does not. */
export function stoodBeforeSuggestions(block: Pick<Block, 'change'>): boolean {
  return block.change?.kind !== 'insert' && block.change?.kind !== 'move-to';
}
