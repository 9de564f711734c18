import type { Block, ClauseSource, ClauseUse, Heading } from '../model/document';
import type { Clause, ClauseBlock } from './schema';

/** The blocks of one clause insertion: [start, end) in the document's blocks, all carrying the same use id. */
export interface ClauseUseSpan {
  readonly use: ClauseUse;
  readonly start: number;
  readonly end: number;
}

/** Every clause use in reading order. One pass; call it off the keystroke path. */
export function clauseUseSpans(blocks: readonly Block[]): ClauseUseSpan[] {
  const spans: ClauseUseSpan[] = [];
  let open: { use: ClauseUse; start: number } | null = null;
  blocks.forEach((block, index) => {
    if (open && block.clause?.use === open.use.use) return;
    if (open) spans.push({ ...open, end: index });
    open = block.clause ? { use: block.clause, start: index } : null;
  });
  if (open) spans.push({ ...(open as { use: ClauseUse; start: number }), end: blocks.length });
  return spans;
}

/** A new use id: "u-" and 10 base-36 characters, like section ids. */
export function newUseId(random: { getRandomValues<T extends Uint8Array>(array: T): T } = (globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(array: T): T } }).crypto): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let id = 'u-';
  for (const byte of random.getRandomValues(new Uint8Array(10))) id += alphabet[byte % alphabet.length];
  return id;
}

export interface InsertOptions {
  source: ClauseSource;
  useId: string;
  /** Set to insert as a new section: the heading that opens it (its id stays the section's id through updates). */
  heading?: { id: string; level: number };
}

/**
 * The blocks a clause becomes in a document. An approved clause is locked; a draft stays editable but linked, so it
 * is still tracked for updates. Inserted as a section, the clause's title becomes the heading.
 */
export function clauseToBlocks(clause: Pick<Clause, 'id' | 'title' | 'status' | 'version'> & { blocks: readonly ClauseBlock[] }, options: InsertOptions): Block[] {
  const use: ClauseUse = {
    use: options.useId,
    id: clause.id,
    source: options.source,
    version: clause.version,
    state: clause.status === 'approved' ? 'locked' : 'linked',
  };
  const body: Block[] = clause.blocks.map((block) => ({ ...structuredClone(block), clause: { ...use } }));
  if (!options.heading) return body;
  const heading: Heading = { kind: 'heading', id: options.heading.id, level: options.heading.level, clause: { ...use }, runs: [{ text: clause.title }] };
  return [heading, ...body];
}

/** The blocks of a use turned into ordinary text, remembering the clause and the version they came from. */
export function unlinkBlocks(blocks: readonly Block[], useId: string): Block[] {
  return blocks.map((block) =>
    block.clause?.use === useId && block.clause.state !== 'unlinked' ? { ...block, clause: { ...block.clause, state: 'unlinked' } } : block,
  );
}
