import type { Block, BlockChangeKind, Run, SuggestionMark } from '../model/document';

/** What one mark of a suggestion does where it stands: the kinds a person sees in the margin. */
export type SuggestionKind = 'insert' | 'delete' | 'format' | 'level' | BlockChangeKind;

/** One place a suggestion acts: a run's insertion, deletion or format change, or a block's change or level change. */
export interface SuggestionPart extends SuggestionMark {
  readonly kind: SuggestionKind;
}

/** The marks of suggestion a run carries, in a fixed order. */
export function runSuggestions(run: Run): SuggestionPart[] {
  const parts: SuggestionPart[] = [];
  if (run.ins) parts.push({ ...run.ins, kind: 'insert' });
  if (run.del) parts.push({ ...run.del, kind: 'delete' });
  if (run.formatted) parts.push({ id: run.formatted.id, by: run.formatted.by, at: run.formatted.at, kind: 'format' });
  return parts;
}

/** The whole-block marks of suggestion a block carries (not those of its runs). */
export function blockSuggestions(block: Block): SuggestionPart[] {
  const parts: SuggestionPart[] = [];
  if (block.change) parts.push({ id: block.change.id, by: block.change.by, at: block.change.at, kind: block.change.kind });
  if (block.kind !== 'paragraph' && block.relevel) parts.push({ id: block.relevel.id, by: block.relevel.by, at: block.relevel.at, kind: 'level' });
  return parts;
}

/** Whether a block, or any run of it, carries a suggestion: the cheap test every per-block reader starts with. */
export function hasSuggestions(block: Block): boolean {
  if (block.change || (block.kind !== 'paragraph' && block.relevel)) return true;
  return block.runs.some((run) => run.ins !== undefined || run.del !== undefined || run.formatted !== undefined);
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
