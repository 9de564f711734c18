import { Element, type Node, type Operation, type Path } from 'slate';
import type { Run } from '../../shared/model/document';
import type { BlockElement, InlineNode } from '../editor/types';
import { KeyedListeners } from '../common/keyed-listeners';

type Listener = () => void;

/** One footnote as the page lists it at its foot: its number, its text, where its mark was last seen. */
export interface NoteEntry {
  readonly id: string;
  readonly number: number;
  readonly runs: readonly Run[];
  /** The mark's path when counted: a hint only, since typing elsewhere moves it without a recount (note-commands.ts). */
  readonly path: Path;
  /** The mark stands in an approved clause, whose text (its notes' included) is locked. */
  readonly locked: boolean;
}

/**
 * Footnote numbers: a note's number is its mark's place among the marks in reading order, never stored. Counted by a
 * walk of the blocks' inlines (and tables' cells), only after an edit that can add, remove, reorder or rewrite a mark
 * (changesNotes): typing never recounts, and a document without notes recounts only when a block holding a mark
 * arrives. Each mark subscribes to its own number, so a renumbering redraws only the marks whose number changed.
 * The old place of a moved block (a suggested move) carries the same mark as its new place; it is counted once, at
 * the new place, as the stored document counts it.
 */
export class NoteNumberStore {
  private numbers: ReadonlyMap<string, number> = new Map();
  private notes: readonly NoteEntry[] = [];
  private readonly byId = new KeyedListeners();
  private readonly listListeners = new Set<Listener>();

  /** Whether the document holds no mark, as last counted: then only an edit bringing one can change anything. */
  get empty(): boolean {
    return this.notes.length === 0;
  }

  update(nodes: readonly BlockElement[]): void {
    const next: NoteEntry[] = [];
    const numbers = new Map<string, number>();
    const visit = (inlines: readonly InlineNode[], path: Path, locked: boolean) => {
      inlines.forEach((inline, index) => {
        if (!('type' in inline) || inline.type !== 'note' || numbers.has(inline.note)) return;
        numbers.set(inline.note, next.length + 1);
        next.push({ id: inline.note, number: next.length + 1, runs: inline.runs, path: [...path, index], locked });
      });
    };
    nodes.forEach((block, b) => {
      if (block.change?.kind === 'move-from') return;
      const locked = block.clause?.state === 'locked';
      if (block.type !== 'table') return visit(block.children, [b], locked);
      block.children.forEach((child, r) => {
        if (child.type === 'table-caption') visit(child.children, [b, r], locked);
        else child.children.forEach((cell, c) => visit(cell.children, [b, r, c], locked));
      });
    });
    const changed: string[] = [];
    for (const [id, number] of numbers) if (this.numbers.get(id) !== number) changed.push(id);
    for (const id of this.numbers.keys()) if (!numbers.has(id)) changed.push(id);
    const listChanged = !sameNotes(this.notes, next);
    this.numbers = numbers;
    if (listChanged) this.notes = next;
    this.byId.notify(changed);
    if (listChanged) for (const listener of this.listListeners) listener();
  }

  /** The note's number, or undefined for a mark not counted (the old place of a moved block shows its new place's). */
  number(id: string): number | undefined {
    return this.numbers.get(id);
  }

  subscribe(id: string, listener: Listener): () => void {
    return this.byId.subscribe(id, listener);
  }

  /** The notes in number order; the same array until a note comes, goes, moves or has its text changed. */
  getNotes = (): readonly NoteEntry[] => this.notes;

  subscribeNotes = (listener: Listener): (() => void) => {
    this.listListeners.add(listener);
    return () => void this.listListeners.delete(listener);
  };
}

function sameNotes(a: readonly NoteEntry[], b: readonly NoteEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NoteEntry;
    const y = b[i] as NoteEntry;
    if (x.id !== y.id || x.runs !== y.runs || x.locked !== y.locked || x.path.join() !== y.path.join()) return false;
  }
  return true;
}

/**
 * Whether an operation can change the footnotes' numbers or texts: a mark (or a block holding one) inserted or
 * removed; with marks in the document, a block moved or suggested away (its marks then count at their new place),
 * or a clause's lock changed; a note's text set. Never typing, nor a split or a join, which keep the marks' order.
 */
export function changesNotes(op: Operation, store: Pick<NoteNumberStore, 'empty'>): boolean {
  switch (op.type) {
    case 'insert_node':
    case 'remove_node':
      return holdsNote(op.node);
    case 'move_node':
      return !store.empty;
    case 'set_node':
      if ('runs' in op.newProperties) return true;
      return !store.empty && op.path.length === 1 && ('change' in op.newProperties || 'change' in op.properties || 'clause' in op.newProperties || 'clause' in op.properties);
    default:
      return false;
  }
}

function holdsNote(node: Node): boolean {
  if (!Element.isElement(node)) return false;
  if (node.type === 'note') return true;
  return node.children.some((child) => Element.isElement(child) && holdsNote(child));
}

