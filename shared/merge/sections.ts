import type { Block, PolicyDocument } from '../model/document';

/** The blocks before the first heading go by this key; a section goes by its heading's stable id. */
export const PREAMBLE = 'preamble';

/** One section of an edition as a merge sees it: its heading (none for the preamble) and its own body blocks. */
export interface MergeSection {
  readonly key: string;
  readonly heading: Block | null;
  readonly body: readonly Block[];
}

/** An edition's sections by key, and their order (the preamble first when there is one). */
export interface Sections {
  readonly order: readonly string[];
  readonly byKey: ReadonlyMap<string, MergeSection>;
}

export function sectionsOf(doc: Pick<PolicyDocument, 'blocks'>): Sections {
  const order: string[] = [];
  const byKey = new Map<string, MergeSection>();
  let current: { key: string; heading: Block | null; body: Block[] } | null = null;
  const close = () => {
    if (current) {
      order.push(current.key);
      byKey.set(current.key, current);
    }
  };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      close();
      current = { key: block.id, heading: block, body: [] };
    } else {
      current ??= { key: PREAMBLE, heading: null, body: [] };
      current.body.push(block);
    }
  }
  close();
  return { order, byKey };
}

export function blocksOf(section: MergeSection): Block[] {
  return section.heading ? [section.heading, ...section.body] : [...section.body];
}
