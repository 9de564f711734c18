import { createContext } from 'react';
import type { Operation } from 'slate';
import { ReactEditor } from 'slate-react';
import { afterNextPaint, nextTask } from '../common/tasks';

type Listener = () => void;

/** How the progressive mount sizes its steps to a budget of time per task (off when not given). */
export interface StepBudget {
  /** Time one step may take, its render included. */
  ms: number;
  /** The most chunks one step may draw. */
  maxChunks: number;
  /** The clock (a test gives its own). */
  now?: () => number;
  /**
   * For this long after a key or a click (0 or absent: never), a step takes at most `activeMs` and steps come at most
   * every `activeSpacingMs`: a step is a render of up to `ms` and more (a collection comes with it at times), which a
   * key pressed meanwhile waits for.
   */
  activeForMs?: number;
  activeMs?: number;
  activeSpacingMs?: number;
}

/**
 * Mounts a long document's chunks of blocks a few at a time: the first screen is drawn at once and becomes editable,
 * and the rest follows in short tasks. React and Slate spend about a third of a millisecond on each block they mount,
 * so a 4,700-block policy mounted in one go keeps the window blank and frozen for a second and a half.
 *
 * Chunks take a place in line in the order of the first render, which is document order; chunks made after that
 * mount at once. With a budget, each step draws as many chunks as the last step's time per chunk says fit in it: the
 * browser paints a frame between tasks whenever one is due, and at about a third of a millisecond a block, two chunks
 * a task meant a frame (layout, paint: 5 to 15 ms on a long policy) every task or two, a third of the mount's time. Anything that needs the whole document in the page (select all, find, a jump to a far section) calls
 * `mountAll` first, and so does any edit that reaches a block not drawn yet (`withMountingBeforeEdits`).
 */
export class ChunkMounter {
  private issued = 0;
  private allowed: number;
  private firstRender = true;
  private cancel: (() => void) | null = null;
  private readonly listeners = new Set<Listener>();
  /** Called before each step of the progressive mount, which renders the editor. */
  beforeStep: (() => void) | null = null;
  /** Runs a step's notification of the listeners; given flushSync, the step's render happens inside it and is timed. */
  renderStep: (notify: () => void) => void = (notify) => notify();
  private step: number;
  /** When the person last pressed a key or clicked (see noteInput). */
  private lastInput = -Infinity;
  /** When the last step ended, and what a chunk cost in it (null before the first step with a budget). */
  private lastStepEnd = -Infinity;
  private perChunk: number | null = null;

  constructor(
    /** Chunks mounted with the first render. */
    initial: number,
    /** Chunks mounted per task afterwards (the first step's count, with a budget). */
    step: number,
    private readonly budget: StepBudget | null = null,
  ) {
    this.allowed = initial;
    this.step = step;
  }

  /** A chunk's place in line; -1 for one that mounts at once. */
  placeInLine(): number {
    return this.firstRender ? this.issued++ : -1;
  }

  isMounted = (place: number): boolean => place < this.allowed;

  get complete(): boolean {
    return this.allowed >= this.issued;
  }

  /** How many chunks are drawn (or may be: those of the first render count as soon as it is done). */
  get drawn(): number {
    return Math.min(this.allowed, this.issued);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A key was pressed or the page clicked: the steps are short and spaced for a while (StepBudget.activeForMs). */
  noteInput = (): void => {
    if (this.budget?.activeForMs) this.lastInput = this.clock();
  };

  /** Listens for the keys and clicks that make the steps short (StepBudget.activeForMs); returns how to stop. */
  listenForInput(target: Window): () => void {
    if (!this.budget?.activeForMs) return () => undefined;
    const types = ['keydown', 'pointerdown'] as const;
    for (const type of types) target.addEventListener(type, this.noteInput, { capture: true, passive: true });
    return () => {
      for (const type of types) target.removeEventListener(type, this.noteInput, { capture: true });
    };
  }

  /** After the first render has been committed: once that has been painted, mount the rest, `step` chunks per task. */
  start(): void {
    this.firstRender = false;
    const advance = () => {
      this.cancel = null;
      if (this.complete) return;
      const budget = this.budget;
      const now = this.clock();
      // The person is at the keys: short steps, spaced, so that a key seldom comes during one and never waits long.
      const active = budget !== null && now - this.lastInput < (budget.activeForMs ?? 0);
      const wait = active ? this.lastStepEnd + (budget.activeSpacingMs ?? 0) - now : 0;
      if (wait > 0) {
        const timer = setTimeout(advance, wait);
        this.cancel = () => clearTimeout(timer);
        return;
      }
      // Sized now, from the last step's time per chunk, for what the person is doing now.
      if (budget && this.perChunk !== null) {
        const ms = active ? Math.min(budget.ms, budget.activeMs ?? budget.ms) : budget.ms;
        this.step = Math.max(1, Math.min(budget.maxChunks, Math.floor(ms / Math.max(this.perChunk, 0.01))));
      }
      this.beforeStep?.();
      const before = this.allowed;
      this.renderStep(() => this.allow(this.allowed + this.step));
      if (budget) {
        this.lastStepEnd = this.clock();
        this.perChunk = (this.lastStepEnd - now) / Math.max(1, this.allowed - before);
      }
      this.cancel = nextTask(advance);
    };
    this.cancel = afterNextPaint(advance);
  }

  /** Mounts every chunk now (React renders them before this task ends). */
  mountAll(): void {
    if (this.complete) return;
    this.allow(this.issued);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private clock(): number {
    return this.budget?.now ? this.budget.now() : performance.now();
  }

  private allow(count: number): void {
    this.allowed = Math.min(count, this.issued);
    for (const listener of this.listeners) listener();
  }
}

export const ChunkMounterContext = createContext<ChunkMounter | null>(null);

/**
 * Draws every chunk before an operation that reaches a block not drawn yet: an undo, a clause inserted at the end, a
 * section moved from the outline, a selection set by code. Slate then finds the DOM for its selection in the same render.
 * Typing and Enter in what is on screen reach only drawn blocks, so they never pay for this.
 */
export function withMountingBeforeEdits<E extends ReactEditor>(editor: E, mounter: ChunkMounter): E {
  const { apply } = editor;
  editor.apply = (op) => {
    if (!mounter.complete && reachesUndrawnBlock(editor, op)) mounter.mountAll();
    apply(op);
  };
  return editor;
}

function reachesUndrawnBlock(editor: ReactEditor, op: Operation): boolean {
  const indices: number[] = [];
  if (op.type === 'set_selection') {
    for (const point of [op.newProperties?.anchor, op.newProperties?.focus]) if (point?.path[0] !== undefined) indices.push(point.path[0]);
  } else {
    const index = op.path[0];
    if (index === undefined) return false;
    // A block inserted or split off joins the chunk of the block before it.
    indices.push(index, index - 1);
    if (op.type === 'move_node' && op.newPath[0] !== undefined) indices.push(op.newPath[0], op.newPath[0] - 1);
  }
  return indices.some((index) => {
    const node = editor.children[index];
    if (!node) return false;
    try {
      ReactEditor.toDOMNode(editor, node);
      return false;
    } catch {
      return true;
    }
  });
}
