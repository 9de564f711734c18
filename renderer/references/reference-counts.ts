import { Element, type Node, type Operation } from 'slate';
import type { BlockElement } from '../editor/types';

type Listener = () => void;

/**
 * How many cross-references point at each section, for the outline's badges. Counted by a walk of the blocks' inlines
 * (references sit directly in a block), only after an edit that can add or remove one (changesReferences): typing
 * never recounts.
 */
export class ReferenceCounts {
  private counts = new Map<string, number>();
  private readonly byId = new Map<string, Set<Listener>>();

  update(nodes: readonly BlockElement[]): void {
    const next = new Map<string, number>();
    for (const block of nodes) {
      for (const child of block.children) {
        // A reference suggested for deletion is on its way out: it no longer points anyone there.
        if ('type' in child && child.type === 'reference' && !child.del) next.set(child.ref, (next.get(child.ref) ?? 0) + 1);
      }
    }
    const changed = [...new Set([...next.keys(), ...this.counts.keys()])].filter((id) => next.get(id) !== this.counts.get(id));
    this.counts = next;
    for (const id of changed) for (const listener of this.byId.get(id) ?? []) listener();
  }

  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byId.delete(id);
    };
  }
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
