import type { Clause, ClauseBlock, ClauseEdit, ClauseVersion } from './schema';
import { CLAUSE_FORMAT } from './library';
import { canonicalBlock } from '../format/serialize';

/**
 * A clause after a person saves an edit. A draft is edited in place. Once a clause has been approved its wording is
 * what documents rely on: changing the title or the text of an approved (or deprecated) clause keeps the old wording
 * in `history` and gives the clause the next version number. Tags and status alone change no wording and so no
 * version.
 */
export function applyClauseEdit(existing: Clause | null, edit: ClauseEdit, today: string): Clause {
  const blocks = edit.blocks.map(cleanBlock);
  if (!existing) {
    return { format: CLAUSE_FORMAT, id: edit.id, title: edit.title, status: edit.status, version: 1, updated: today, tags: edit.tags, blocks, history: [] };
  }
  const reworded = existing.title !== edit.title || !sameWording(existing.blocks, blocks);
  const bump = reworded && existing.status !== 'draft';
  return {
    format: CLAUSE_FORMAT,
    id: existing.id,
    title: edit.title,
    status: edit.status,
    version: bump ? existing.version + 1 : existing.version,
    updated: reworded || existing.status !== edit.status ? today : existing.updated,
    tags: edit.tags,
    blocks,
    history: bump ? [...existing.history, snapshot(existing)] : existing.history,
  };
}

/** The wording of a version, or null when the clause does not hold that version (any more, or yet). */
export function wordingAt(clause: Clause, version: number): ClauseVersion | null {
  if (version === clause.version) return snapshot(clause);
  return clause.history.find((entry) => entry.version === version) ?? null;
}

function snapshot(clause: Clause): ClauseVersion {
  return { version: clause.version, status: clause.status, title: clause.title, updated: clause.updated, blocks: clause.blocks };
}

export function sameWording(a: readonly ClauseBlock[], b: readonly ClauseBlock[]): boolean {
  return a.length === b.length && a.every((block, i) => JSON.stringify(canonicalBlock(block)) === JSON.stringify(canonicalBlock(b[i] as ClauseBlock)));
}

/** Only what a clause body may hold: no clause use of its own, runs in canonical form. */
function cleanBlock(block: ClauseBlock): ClauseBlock {
  const { clause: _ignored, ...rest } = canonicalBlock(block) as ClauseBlock & { clause?: unknown };
  return rest;
}
