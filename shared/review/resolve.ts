import type { Block, Note, PolicyDocument, Run } from '../model/document';
import { mergeRuns } from '../format/normalize';
import { forEachRunList, mapRunLists } from '../model/block-runs';
import { blockSuggestions, runSuggested, runSuggestions, type SuggestionPart } from './suggestions';

/** What to do with one suggestion: accept it, reject it, or leave it open (undefined). */
export type Decision = 'accept' | 'reject' | undefined;
export type Decide = (part: SuggestionPart) => Decision;

export const acceptEverything: Decide = () => 'accept';
export const rejectEverything: Decide = () => 'reject';

/** What resolving reads and writes of a document: its blocks and, when it has any, its footnotes. */
type Resolvable = Pick<PolicyDocument, 'blocks'> & { notes?: PolicyDocument['notes'] };

/**
 * The document with the suggestions `decide` settles accepted or rejected and the rest left open. Pure, and the one
 * meaning of accept and reject: the editor applies it block by block (resolveBlock), the CLI and the exporters to the
 * whole document. Comment threads are kept even when their text goes; they are shown as orphaned. Footnotes: the
 * suggestions in a note's own text are settled like any, and a note whose mark goes (its deletion accepted, its
 * insertion rejected, its block gone) goes with it (settleNotes).
 */
export function resolveSuggestions<D extends Resolvable>(doc: D, decide: Decide): D {
  const blocks: Block[] = [];
  // Indexed loops here and below: every export settles every block, once, in code the engine has not optimised yet,
  // where each step of a for-of allocates (an export of 100,000 words made 11 MB of garbage, a megabyte of it this).
  for (let i = 0; i < doc.blocks.length; i++) {
    const resolved = resolveBlock(doc.blocks[i] as Block, decide);
    if (resolved) blocks.push(resolved);
  }
  if (!doc.notes) return { ...doc, blocks };
  const notes = settleNotes(doc.notes, doc.blocks, blocks, decide);
  const { notes: _old, ...rest } = doc;
  // no notes left: the field goes, as a document without footnotes is stored
  return (notes.length > 0 ? { ...rest, blocks, notes } : { ...rest, blocks }) as D;
}

export const acceptAll = <D extends Resolvable>(doc: D): D => resolveSuggestions(doc, acceptEverything);
export const rejectAll = <D extends Resolvable>(doc: D): D => resolveSuggestions(doc, rejectEverything);

/** The ids of the footnotes the blocks mark (in any place, the old place of a move included). */
export function markedNotes(blocks: readonly Block[]): Set<string> {
  const ids = new Set<string>();
  for (const block of blocks) forEachRunList(block, (runs) => runs.forEach((run) => run.note !== undefined && ids.add(run.note)));
  return ids;
}

/**
 * A document's footnotes once `blocks` became `resolved`: each note's text with the suggestions `decide` settles
 * applied, and the notes whose mark `blocks` held and `resolved` no longer holds left out (accepting the deletion of
 * the run that marked a note, or rejecting its insertion, removes the note). A note no block marked before is kept:
 * it is not this settling that lost it. The same array when nothing changed. For the editor, which resolves block by
 * block, with the blocks before and after.
 */
export function settleNotes(notes: readonly Note[], blocks: readonly Block[], resolved: readonly Block[], decide: Decide): Note[] {
  const before = markedNotes(blocks);
  const after = markedNotes(resolved);
  let changed = false;
  const out: Note[] = [];
  for (const note of notes) {
    if (before.has(note.id) && !after.has(note.id)) {
      changed = true;
      continue;
    }
    const runs = resolveRuns(note.runs, decide);
    if (runs !== note.runs) changed = true;
    out.push(runs === note.runs ? note : { ...note, runs });
  }
  return changed ? out : (notes as Note[]);
}

/**
 * One block with the suggestions `decide` settles applied: the block as it then is, or null when it goes (an
 * accepted deletion, a rejected insertion, the old place of an accepted move or the new place of a rejected one).
 * A table goes or stays whole by its own change; inside it each cell's runs (and the caption's) are settled like any
 * block's. Returns the block itself, unchanged, when nothing in it is settled.
 */
export function resolveBlock(block: Block, decide: Decide): Block | null {
  let next: Block = block;
  const parts = blockSuggestions(block);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as SuggestionPart;
    const decision = decide(part);
    if (!decision) continue;
    if (part.kind === 'level') {
      if (next.kind !== 'heading' && next.kind !== 'list-item') continue;
      const was = next.relevel?.was ?? 0;
      if (next.kind === 'heading') {
        const { relevel: _settled, ...rest } = next;
        next = decision === 'accept' ? rest : { ...rest, level: Math.max(1, was) };
      } else {
        const { relevel: _settled, ...rest } = next;
        next = decision === 'accept' ? rest : { ...rest, indent: was };
      }
      continue;
    }
    const goes = decision === 'accept' ? part.kind === 'delete' || part.kind === 'move-from' : part.kind === 'insert' || part.kind === 'move-to';
    if (goes) return null;
    const { change: _settled, ...rest } = next;
    next = rest as Block;
  }
  // resolveRuns itself, given `decide`, rather than a closure made per block (see forEachRunList).
  return mapRunLists(next, resolveRuns, decide);
}

/** The runs with the suggestions `decide` settles applied, adjacent runs that became alike joined; the same array when none is. */
export function resolveRuns(runs: readonly Run[], decide: Decide): Run[] {
  // Most runs carry no suggestion: the exporters settle every run of a document, and this spares them a copy.
  if (!runs.some(runSuggested)) return runs as Run[];
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
