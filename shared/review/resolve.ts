import type { Block, PolicyDocument, Run } from '../model/document';
import { mergeRuns } from '../format/normalize';
import { blockSuggestions, runSuggestions, type SuggestionPart } from './suggestions';

/** What to do with one suggestion: accept it, reject it, or leave it open (undefined). */
export type Decision = 'accept' | 'reject' | undefined;
export type Decide = (part: SuggestionPart) => Decision;

export const acceptEverything: Decide = () => 'accept';
export const rejectEverything: Decide = () => 'reject';

/**
 * The document with the suggestions `decide` settles accepted or rejected and the rest left open. Pure, and the one
 * meaning of accept and reject: the editor applies it block by block (resolveBlock), the CLI and the exporters to the
 * whole document. Comment threads are kept even when their text goes; they are shown as orphaned.
 */
export function resolveSuggestions<D extends Pick<PolicyDocument, 'blocks'>>(doc: D, decide: Decide): D {
  const blocks: Block[] = [];
  for (const block of doc.blocks) {
    const resolved = resolveBlock(block, decide);
    if (resolved) blocks.push(resolved);
  }
  return { ...doc, blocks };
}

export const acceptAll = <D extends Pick<PolicyDocument, 'blocks'>>(doc: D): D => resolveSuggestions(doc, acceptEverything);
export const rejectAll = <D extends Pick<PolicyDocument, 'blocks'>>(doc: D): D => resolveSuggestions(doc, rejectEverything);

/**
 * One block with the suggestions `decide` settles applied: the block as it then is, or null when it goes (an
 * accepted deletion, a rejected insertion, the old place of an accepted move or the new place of a rejected one).
 * Returns the block itself, unchanged, when nothing in it is settled.
 */
export function resolveBlock(block: Block, decide: Decide): Block | null {
  let next: Block = block;
  for (const part of blockSuggestions(block)) {
    const decision = decide(part);
    if (!decision) continue;
    if (part.kind === 'level') {
      if (next.kind === 'paragraph') continue;
      const was = next.relevel?.was ?? 0;
      const { relevel: _settled, ...rest } = next;
      if (decision === 'accept') next = rest;
      else next = rest.kind === 'heading' ? { ...rest, level: Math.max(1, was) } : { ...rest, indent: was };
      continue;
    }
    const goes = decision === 'accept' ? part.kind === 'delete' || part.kind === 'move-from' : part.kind === 'insert' || part.kind === 'move-to';
    if (goes) return null;
    const { change: _settled, ...rest } = next;
    next = rest as Block;
  }
  const runs = resolveRuns(next.runs, decide);
  if (runs !== next.runs) next = { ...next, runs };
  return next;
}

/** The runs with the suggestions `decide` settles applied, adjacent runs that became alike joined; the same array when none is. */
export function resolveRuns(runs: readonly Run[], decide: Decide): Run[] {
  let changed = false;
  const out: Run[] = [];
  for (const run of runs) {
    let next: Run | null = run;
    for (const part of runSuggestions(run)) {
      if (!next) break;
      const decision = decide(part);
      if (!decision) continue;
      changed = true;
      next = settle(next, part, decision);
    }
    if (next) out.push(next);
  }
  return changed ? mergeRuns(out) : (runs as Run[]);
}

function settle(run: Run, part: SuggestionPart, decision: 'accept' | 'reject'): Run | null {
  switch (part.kind) {
    case 'insert': {
      if (decision === 'reject') return null;
      const { ins: _settled, ...rest } = run;
      return rest;
    }
    case 'delete': {
      if (decision === 'accept') return null;
      const { del: _settled, ...rest } = run;
      return rest;
    }
    default: {
      const { formatted, ...rest } = run;
      if (decision === 'accept' || !formatted) return rest;
      const { marks: _suggested, ...plain } = rest;
      return formatted.was.length > 0 ? { ...plain, marks: [...formatted.was] } : plain;
    }
  }
}
