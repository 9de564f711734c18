import { Element, type Node, type Operation } from 'slate';
import type { BlockElement } from '../editor/types';

type Listener = () => void;

/**
 * How many cross-references point at each section, for the outline's badges. Counted by a walk of the blocks' inlines
 * (references sit directly in a block), only after an edit that can add or remove one (changesReferences): typing
 * never recounts.
 *
 * One subscription for the whole outline rather than one per section: a subscription per entry, as React hooks, cost
 * about 500 bytes each, 10 MB in a 20,000-section policy. The counts change only on the rare edit that adds or removes
 * a reference, and then the outline passes each entry its count (a memoised entry re-renders only if it changed).
 */
export class ReferenceCounts {
  private counts: ReadonlyMap<string, number> = new Map();
  private readonly listeners = new Set<Listener>();

  update(nodes: readonly BlockElement[]): void {
    const next = new Map<string, number>();
    for (const block of nodes) {
      for (const child of block.children) {
        // A reference suggested for deletion is on its way out: it no longer points anyone there.
        if ('type' in child && child.type === 'reference' && !child.del) next.set(child.ref, (next.get(child.ref) ?? 0) + 1);
      }
    }
    if (sameCounts(next, this.counts)) return;
    this.counts = next;
    for (const listener of this.listeners) listener();
  }

  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  /** The counts as they are; a new map after each change, the same one until then (a React external store snapshot). */
  getCounts = (): ReadonlyMap<string, number> => this.counts;

  /** Told after an update that changed some section's count, never after one that changed none. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, count] of a) if (b.get(id) !== count) return false;
  return true;
}

/** Whether an operation can add, remove or strike out a reference: never typing, nor a split or a join. */
export function changesReferences(op: Operation): boolean {
  switch (op.type) {
    case 'insert_node':
    case 'remove_node':
      return holdsReference(op.node);
    case 'set_node':
      // A reference's own fields (a suggested deletion set, accepted or rejected).
      return op.path.length === 2 && ('del' in op.newProperties || 'del' in op.properties || 'ref' in op.newProperties);
    default:
      return false;
  }
}

function holdsReference(node: Node): boolean {
  if (!Element.isElement(node)) return false;
  if (node.type === 'reference') return true;
  return node.children.some((child) => Element.isElement(child) && child.type === 'reference');
}
