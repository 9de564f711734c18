import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Editor } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { listLabel } from '../../shared/numbering/list-labels';
import { listNumbers } from '../../shared/numbering/list-numbers';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import type { BlockElement, ListItemElement } from './types';

type Listener = () => void;
type NodeKey = ReturnType<typeof ReactEditor.findKey>;

/**
 * The labels of list items ("3.", "b)", "•"), computed from the blocks by the exporters' own rules and handed out per item,
 * keyed by Slate's key for the node (which survives edits of the item). CSS counters cannot do this: each chunk of the
 * editor has content-visibility, whose style containment restarts every counter at a chunk's edge.
 */
export class ListNumberStore {
  private labels = new Map<NodeKey, string>();
  private readonly byKey = new Map<NodeKey, Set<Listener>>();

  update(editor: Editor, nodes: readonly BlockElement[] = editor.children as BlockElement[]): void {
    const next = new Map<NodeKey, string>();
    for (let i = 0; i < nodes.length; ) {
      if (nodes[i]?.type !== 'list-item') {
        i++;
        continue;
      }
      const start = i;
      while (nodes[i]?.type === 'list-item') i++;
      // Numbered as if every suggestion were accepted: an item suggested for deletion, or moved away, has no number.
      const items = (nodes.slice(start, i) as ListItemElement[]).filter(standsWhenAccepted);
      listNumbers(items).items.forEach((number, k) => {
        next.set(ReactEditor.findKey(editor, items[k] as ListItemElement), listLabel(number.list, number.depth, number.ordinal));
      });
    }
    const previous = this.labels;
    this.labels = next;
    for (const [key, listeners] of this.byKey) {
      if (previous.get(key) !== next.get(key)) for (const listener of listeners) listener();
    }
  }

  label(key: NodeKey): string | undefined {
    return this.labels.get(key);
  }

  subscribe(key: NodeKey, listener: Listener): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byKey.delete(key);
    };
  }
}

export const ListNumbersContext = createContext<ListNumberStore | null>(null);

/** The label shown before a list item: "3.", "b)", "iv." or a bullet (shared/numbering/list-labels.ts). */
export function useListLabel(element: ListItemElement): string | undefined {
  const store = useContext(ListNumbersContext);
  const editor = useSlateStatic();
  const key = ReactEditor.findKey(editor, element);
  const subscribe = useCallback((listener: Listener) => (store ? store.subscribe(key, listener) : () => undefined), [store, key]);
  return useSyncExternalStore(subscribe, () => store?.label(key));
}
