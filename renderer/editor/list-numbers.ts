import { createContext, useContext } from 'react';
import type { Editor } from 'slate';
import { NODE_TO_ELEMENT } from 'slate-dom';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { listLabel } from '../../shared/numbering/list-labels';
import { listNumbers } from '../../shared/numbering/list-numbers';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import type { BlockElement, ListItemElement } from './types';

type NodeKey = ReturnType<typeof ReactEditor.findKey>;
/** Puts an item's new label in the page, if the item is drawn there. */
export type ListLabelWriter = (item: ListItemElement, label: string | undefined) => void;

/**
 * The labels of list items ("3.", "b)", "•"), computed from the blocks by the exporters' own rules and handed out per item,
 * keyed by Slate's key for the node (which survives edits of the item). CSS counters cannot do this: each chunk of the
 * editor has content-visibility, whose style containment restarts every counter at a chunk's edge.
 *
 * An item's render reads its label; a label that changes later (an item added or removed above it) is written into the
 * page by the writer, not through a subscription per item: those, as React hooks, cost about 500 bytes an item.
 */
export class ListNumberStore {
  private labels = new Map<NodeKey, string>();

  constructor(private readonly write: ListLabelWriter = () => undefined) {}

  update(editor: Editor, nodes: readonly BlockElement[] = editor.children as BlockElement[]): void {
    const next = new Map<NodeKey, string>();
    const runs: ListItemElement[][] = [];
    for (let i = 0; i < nodes.length; ) {
      if (nodes[i]?.type !== 'list-item') {
        i++;
        continue;
      }
      const start = i;
      while (nodes[i]?.type === 'list-item') i++;
      const run = nodes.slice(start, i) as ListItemElement[];
      runs.push(run);
      // Numbered as if every suggestion were accepted: an item suggested for deletion, or moved away, has no number.
      const items = run.filter(standsWhenAccepted);
      listNumbers(items).items.forEach((number, k) => {
        next.set(ReactEditor.findKey(editor, items[k] as ListItemElement), listLabel(number.list, number.depth, number.ordinal));
      });
    }
    const previous = this.labels;
    this.labels = next;
    for (const run of runs) {
      for (const item of run) {
        const key = ReactEditor.findKey(editor, item);
        const label = next.get(key);
        if (previous.get(key) !== label) this.write(item, label);
      }
    }
  }

  label(key: NodeKey): string | undefined {
    return this.labels.get(key);
  }
}

export const ListNumbersContext = createContext<ListNumberStore | null>(null);

/** The label shown before a list item: "3.", "b)", "iv." or a bullet (shared/numbering/list-labels.ts). */
export function useListLabel(element: ListItemElement): string | undefined {
  const store = useContext(ListNumbersContext);
  const editor = useSlateStatic();
  return store?.label(ReactEditor.findKey(editor, element));
}

/** Writes a label into the item's element in the page, where the item's render puts it (elements.tsx ListItem). */
export function writeListLabelInPage(item: ListItemElement, label: string | undefined): void {
  const element = NODE_TO_ELEMENT.get(item);
  if (!element) return;
  const name = item.list === 'number' ? 'number' : 'bullet';
  if (label === undefined) delete element.dataset[name];
  else element.dataset[name] = label;
}
