import { flushSync } from 'react-dom';
import { Node, Text, type Operation, type Path } from 'slate';
import { ReactEditor } from 'slate-react';
import type { PolicyEditor } from './types';
import { afterNextPaint } from '../common/tasks';

/**
 * Events after which slate-react (or our own code) may read the page through Slate's maps from nodes to elements,
 * which only a render brings up to date: a held render is done first, in the capture phase, before anyone handles
 * them. A key that types a character, and the input that inserts it, are the exceptions (`readsThePage`).
 */
const FLUSH_BEFORE = [
  'keydown',
  'beforeinput',
  'compositionstart',
  'pointerdown',
  'mousedown',
  'touchstart',
  'focusin',
  'focusout',
  'paste',
  'copy',
  'cut',
  'dragstart',
  'drop',
  'contextmenu',
] as const;

/** Typing pauses this long (no new letter held) before the held render is done. */
const PAUSE_MS = 60;
/** However fast the typing, what the rest of the window shows (toolbar, save state) is never older than this. */
const MAX_HOLD_MS = 300;

type OnChange = ReactEditor['onChange'];

/**
 * Lets the browser show typed letters at its own speed, and renders them with React once typing pauses.
 *
 * For a plain letter in the middle of a word, slate-react lets the browser insert the character itself and then
 * applies the same insertion to its model. The page is then already right, but the render of that change (the root's
 * 4,700 children, the chunk path, the paragraph, the selection check: about 3 ms on a 100k-word policy) still ran
 * before the frame, on every key. Here a change that is only insertions the page already shows is held, and rendered
 * once typing pauses (PAUSE_MS, and at least every MAX_HOLD_MS), after a paint, so that a key's frame costs about what
 * the browser alone costs.
 *
 * Nothing is skipped, only moved, and never past anything that reads the page. The held render is done first on any
 * key that does not type a character, any input that is not plain typing, a click, a focus change, clipboard and
 * drag events, on any change that is not such an insertion (the held operations go first, in the same render), and
 * when asked (saving, commands from the menu). Until then slate-react's own guard holds: its node map is marked dirty,
 * as it is between any change and its render, and its handlers skip what would read it. A letter is only held when its
 * text's element reads exactly the model's new text, so a browser that inserted elsewhere, or not at all, gets an
 * ordinary render at once, which puts the page right.
 */
export class RenderAfterPaint {
  private readonly held: Operation[] = [];
  /** The elements of the texts the held operations changed, by path: the page has them, Slate's map not yet. */
  private readonly elements = new Map<string, HTMLElement>();
  /** The top-level blocks those texts are in. */
  private readonly blocks = new Set<number>();
  private heldSince = 0;
  private pause: ReturnType<typeof setTimeout> | null = null;
  private cancelPaint: (() => void) | null = null;
  private render: ((ops: Operation[]) => void) | null = null;

  /** Renders a held change now; nothing to do when none is held. */
  flush = (): void => {
    const ops = this.takeHeld();
    if (ops.length && this.render) this.render(ops);
  };

  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Flushes before the events that read the page; returns the function that stops listening. */
  listen(target: Window): () => void {
    const onEvent = (event: Event) => {
      if (this.holding && readsThePage(event)) this.flush();
    };
    for (const type of FLUSH_BEFORE) target.addEventListener(type, onEvent, true);
    target.addEventListener('beforeunload', this.flush, true);
    target.document.addEventListener('visibilitychange', this.flush, true);
    return () => {
      for (const type of FLUSH_BEFORE) target.removeEventListener(type, onEvent, true);
      target.removeEventListener('beforeunload', this.flush, true);
      target.document.removeEventListener('visibilitychange', this.flush, true);
      // No render for an editor going away; the app saves through the editor's handle (which flushes) before that.
      this.stopTimers();
    };
  }

  /** @internal used by withRenderAfterPaint */
  attach(render: (ops: Operation[]) => void): void {
    this.render = render;
  }

  /** Whether a held change is in the top-level block at `index`: the block is drawn, though Slate's map lost it. */
  holdsBlock = (index: number): boolean => this.blocks.has(index);

  /** @internal the element a held operation left for the text at `path`, if any */
  heldElementAt(path: Path): HTMLElement | undefined {
    return this.elements.get(path.join(','));
  }

  /** @internal */
  hold(ops: Operation[], elements: Array<[Path, HTMLElement]>): void {
    if (!this.held.length) this.heldSince = performance.now();
    this.held.push(...ops);
    for (const [path, element] of elements) {
      this.elements.set(path.join(','), element);
      if (path[0] !== undefined) this.blocks.add(path[0]);
    }
    this.stopTimers();
    const wait = Math.max(0, Math.min(PAUSE_MS, this.heldSince + MAX_HOLD_MS - performance.now()));
    this.pause = setTimeout(() => {
      this.pause = null;
      this.cancelPaint ??= afterNextPaint(this.flush);
    }, wait);
  }

  /** @internal the held operations, to go first with the change that ends the wait */
  takeHeld(): Operation[] {
    this.stopTimers();
    this.elements.clear();
    this.blocks.clear();
    return this.held.splice(0);
  }

  private stopTimers(): void {
    if (this.pause) clearTimeout(this.pause);
    this.pause = null;
    this.cancelPaint?.();
    this.cancelPaint = null;
  }
}

/**
 * Whether slate-react or our handlers may read the page for this event. A key that types one character (no Ctrl,
 * Cmd or Alt) and the input that inserts it do not: slate-react decides a native insertion from its model and the
 * DOM selection, and skips the checks that need its node map while that map is dirty.
 */
function readsThePage(event: Event): boolean {
  if (event.type === 'keydown') {
    const key = event as KeyboardEvent;
    return key.key.length !== 1 || key.ctrlKey || key.metaKey || key.altKey || key.isComposing;
  }
  if (event.type === 'beforeinput') return (event as InputEvent).inputType !== 'insertText';
  return true;
}

/**
 * The editor's side of RenderAfterPaint: notes each text's element before an insertion reaches it, and holds a
 * change when every one of its operations is an insertion whose element already reads exactly the new text.
 */
export function withRenderAfterPaint<T extends PolicyEditor>(editor: T, held: RenderAfterPaint): T {
  const { apply, onChange } = editor;
  const elementBefore = new WeakMap<Operation, HTMLElement>();

  editor.apply = (op) => {
    if (op.type === 'insert_text') {
      const element = renderedElementOf(editor, op.path) ?? held.heldElementAt(op.path);
      if (element) elementBefore.set(op, element);
    }
    apply(op);
  };

  const renderNow: OnChange = (options) => flushSync(() => onChange(options));

  held.attach((ops) => {
    const current = editor.operations;
    editor.operations = ops;
    try {
      renderNow({ operation: ops[ops.length - 1] });
    } finally {
      editor.operations = current;
    }
  });

  editor.onChange = (options) => {
    const ops = editor.operations;
    const shown = ops.length > 0 ? ops.map((op) => shownAlready(editor, op, elementBefore)) : [];
    if (shown.length > 0 && shown.every((entry) => entry !== null)) {
      held.hold(ops, shown as Array<[Path, HTMLElement]>);
      return;
    }
    const earlier = held.takeHeld();
    if (earlier.length) editor.operations = [...earlier, ...ops];
    onChange(options);
  };

  return editor;
}

/** The element of the text at `path` as last rendered, or null where there is none (not drawn, or not rendered yet). */
function renderedElementOf(editor: PolicyEditor, path: Path): HTMLElement | null {
  const node = Node.getIf(editor, path);
  if (!Text.isText(node)) return null;
  try {
    return ReactEditor.toDOMNode(editor, node);
  } catch {
    return null;
  }
}

/** For an insertion the page already shows, its text's path and element; otherwise null. */
function shownAlready(editor: PolicyEditor, op: Operation, elementBefore: WeakMap<Operation, HTMLElement>): [Path, HTMLElement] | null {
  if (op.type !== 'insert_text') return null;
  const element = elementBefore.get(op);
  const node = Node.getIf(editor, op.path);
  return element?.isConnected && Text.isText(node) && element.textContent === node.text ? [op.path, element] : null;
}
