import { flushSync } from 'react-dom';
import { Node, Text, type Operation } from 'slate';
import { ReactEditor } from 'slate-react';
import type { PolicyEditor } from './types';
import { nextTask } from '../common/tasks';

/**
 * Events after which slate-react (or our own code) may read the page through Slate's maps from elements to nodes,
 * which only a render brings up to date, or after which a late render would get in the way (its caret scroll would
 * undo a wheel scroll): a held render is done first, in the capture phase, before anyone handles them. A key that
 * types a character, and the input that inserts it, are the exceptions (`readsThePage`).
 */
const FLUSH_BEFORE = [
  'keydown',
  'beforeinput',
  'compositionstart',
  'pointerdown',
  'mousedown',
  'touchstart',
  'wheel',
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
/** However fast the typing, what the rest of the window shows (toolbar, save state) is never older than this (and a
 * pause): rare enough not to fall among the keys of a quick typist often, soon enough for a save indicator. The first
 * letter held after it renders in the task after its own frame, before the next key can come. */
const MAX_HOLD_MS = 1000;
/** A window that paints no frames (covered, in the background) still gets its render this long after the wait. */
const NO_FRAME_MS = 100;

/** Editors rendering letters the browser already showed, and so already scrolled into view itself. */
const RENDERING_HELD = new WeakSet<object>();

/**
 * Whether this render only catches up with letters the browser typed and showed itself. The browser keeps its caret
 * in view as it types, so a caret scroll now would be late, and would pull back a page the person has since scrolled.
 */
export function renderingHeldLetters(editor: object): boolean {
  return RENDERING_HELD.has(editor);
}

interface Options {
  /**
   * Whether an insertion at the caret may be refused by the editor's own rules (a locked clause). slate-react removes
   * a refused letter the browser already inserted only when its node map is current, so there the render is done first.
   */
  mayRefuseTyping?: () => boolean;
  /**
   * Told of each held change at once, for what must not wait for the render: the autosave, which saves only once
   * typing stops and must not take a pause in the renders for one.
   */
  onHold?: () => void;
}

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
 * key that does not type a character, any input that is not plain typing, a click, the wheel, a focus change,
 * clipboard and drag events, before the chunk mounter draws more of the document, on any change that is not such an
 * insertion (the held operations go first, in the same render), and when asked (saving, commands, dialogs). Until
 * then slate-react's own guard holds: its node map is marked dirty, as it is between any change and its render, and
 * its handlers skip what would read it. A letter is only held when its text's element reads exactly the model's new
 * text, so a browser that inserted elsewhere, or not at all, gets an ordinary render at once, which puts the page right.
 */
export class RenderAfterPaint {
  private readonly held: Operation[] = [];
  private heldSince = 0;
  /** Counts held changes; `shown` is the count the last painted frame showed. */
  private heldCount = 0;
  private shown = 0;
  private frameWatched = false;
  /** The wait is over (a pause, or MAX_HOLD_MS): the render goes as soon as the page shows every held letter. */
  private due = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private render: ((ops: Operation[], sync: boolean) => void) | null = null;

  constructor(private readonly options: Options = {}) {}

  /** Renders a held change now; nothing to do when none is held. */
  flush = (): void => {
    const ops = this.takeHeld();
    if (ops.length && this.render) this.render(ops, true);
  };

  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Flushes before the events that read the page; returns the function that stops listening. */
  listen(target: Window): () => void {
    const onEvent = (event: Event) => {
      if (this.holding && this.readsThePage(event)) this.flush();
    };
    for (const type of FLUSH_BEFORE) target.addEventListener(type, onEvent, { capture: true, passive: true });
    target.addEventListener('beforeunload', this.flush, true);
    target.document.addEventListener('visibilitychange', this.flush, true);
    return () => {
      for (const type of FLUSH_BEFORE) target.removeEventListener(type, onEvent, { capture: true });
      target.removeEventListener('beforeunload', this.flush, true);
      target.document.removeEventListener('visibilitychange', this.flush, true);
      // An editor going away is not rendered again, but the app still hears of every change (it marks it unsaved).
      const ops = this.takeHeld();
      if (ops.length && this.render) this.render(ops, false);
    };
  }

  /** @internal used by withRenderAfterPaint */
  attach(render: (ops: Operation[], sync: boolean) => void): void {
    this.render = render;
  }

  /** @internal whether a change may be held now (a hidden window paints no frames to hold it for) */
  get canHold(): boolean {
    return typeof document === 'undefined' || document.visibilityState === 'visible';
  }

  /**
   * @internal
   * The frame that shows a held letter is watched from the letter's own input event, so the watch rides on that frame:
   * asking for a frame once the wait is over would make one of its own, and the next key's frame waited for it to be
   * drawn (8–10 ms in the bench's typing, once a second).
   */
  hold(ops: Operation[]): void {
    const now = performance.now();
    if (!this.held.length) this.heldSince = now;
    this.held.push(...ops);
    this.heldCount += 1;
    this.options.onHold?.();
    this.watchFrame();
    this.stopTimer();
    if (now - this.heldSince >= MAX_HOLD_MS) this.waitOver();
    else this.timer = setTimeout(this.waitOver, PAUSE_MS);
  }

  private readonly waitOver = (): void => {
    this.due = true;
    if (this.shown >= this.heldCount) return this.flush();
    // After the frame that shows the last letter, or a little later if no frame comes.
    this.stopTimer();
    this.timer = setTimeout(this.flush, NO_FRAME_MS);
  };

  private watchFrame(): void {
    if (this.frameWatched) return;
    this.frameWatched = true;
    requestAnimationFrame(() => {
      this.frameWatched = false;
      // This frame paints what is held now; the task after it comes once it has.
      const count = this.heldCount;
      nextTask(() => this.painted(count));
    });
  }

  private painted(count: number): void {
    this.shown = Math.max(this.shown, count);
    if (this.due && this.shown >= this.heldCount) this.flush();
  }

  /** @internal the held operations, to go first with the change that ends the wait */
  takeHeld(): Operation[] {
    this.stopTimer();
    this.due = false;
    return this.held.splice(0);
  }

  /**
   * Whether slate-react or our handlers may read the page for this event. A key that types one character (no Ctrl,
   * Cmd or Alt) and the input that inserts it do not: slate-react decides a native insertion from its model and the
   * DOM selection, and skips the checks that need its node map while that map is dirty.
   */
  private readsThePage(event: Event): boolean {
    if (event.type === 'keydown') {
      const key = event as KeyboardEvent;
      return key.key.length !== 1 || key.ctrlKey || key.metaKey || key.altKey || key.isComposing;
    }
    if (event.type === 'beforeinput') return (event as InputEvent).inputType !== 'insertText' || Boolean(this.options.mayRefuseTyping?.());
    return true;
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
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
      const element = renderedElementOf(editor, op);
      if (element) elementBefore.set(op, element);
    }
    apply(op);
  };

  held.attach((ops, sync) => {
    const current = editor.operations;
    editor.operations = ops;
    RENDERING_HELD.add(editor);
    try {
      const options = { operation: ops[ops.length - 1] };
      if (sync) flushSync(() => onChange(options));
      else onChange(options);
    } finally {
      RENDERING_HELD.delete(editor);
      editor.operations = current;
    }
  });

  editor.onChange = (options) => {
    const ops = editor.operations;
    if (held.canHold && ops.length > 0 && ops.every((op) => shownAlready(editor, op, elementBefore))) {
      held.hold(ops);
      return;
    }
    const earlier = held.takeHeld();
    if (earlier.length) editor.operations = [...earlier, ...ops];
    // A change of the selection alone is rendered now, in this task. Until its render, slate-react counts its node map
    // as stale and ignores the page's selection; on a busy machine the browser runs input before a scheduled render,
    // so a Shift+click or Shift+arrow made in that gap was put back to the old selection by the late render.
    if (ops.length > 0 && ops.every((op) => op.type === 'set_selection')) flushSync(() => onChange(options));
    else onChange(options);
  };

  return editor;
}

/**
 * The element of the text an insertion goes into, as last rendered, or null where there is none (not drawn). Slate
 * finds elements by node key, and keys carry over to the new nodes of an insertion, so held texts are still found.
 */
function renderedElementOf(editor: PolicyEditor, op: Operation & { path: number[] }): HTMLElement | null {
  const node = Node.getIf(editor, op.path);
  if (!Text.isText(node)) return null;
  try {
    return ReactEditor.toDOMNode(editor, node);
  } catch {
    return null;
  }
}

function shownAlready(editor: PolicyEditor, op: Operation, elementBefore: WeakMap<Operation, HTMLElement>): boolean {
  if (op.type !== 'insert_text') return false;
  const element = elementBefore.get(op);
  const node = Node.getIf(editor, op.path);
  return Boolean(element?.isConnected && Text.isText(node) && element.textContent === node.text);
}
