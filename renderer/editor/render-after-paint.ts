import { flushSync } from 'react-dom';
import { Node, Text, type Operation } from 'slate';
import { ReactEditor } from 'slate-react';
import type { PolicyEditor } from './types';
import { afterNextPaint } from '../common/tasks';

/**
 * Events after which slate-react (or our own code) reads the page through Slate's maps from nodes to elements, which
 * only a render brings up to date: any pending render is done first, in the capture phase, before anyone handles them.
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

type OnChange = ReactEditor['onChange'];

/**
 * Lets the frame that shows a typed letter go out before React's render of it.
 *
 * For a plain letter in the middle of a word, slate-react lets the browser insert the character itself and then
 * applies the same insertion to its model. The page is then already right, but the render of that change (the root's
 * 4,700 children, the chunk path, the paragraph, the selection check: about 3 ms on a 100k-word policy) still ran
 * before the frame. Here a change that is only insertions the page already shows is held, and rendered in the first
 * task after the next paint, so that the key's frame costs what the browser alone costs.
 *
 * Nothing is skipped, only moved, and never past anything that reads the page: the held render is done first on any
 * key, click, focus change, clipboard or drag event, on any change that is not such an insertion, and when asked
 * (saving, commands from the menu). Until then slate-react's own guard holds (its node map is marked dirty), as it
 * does between any change and its render.
 */
export class RenderAfterPaint {
  private readonly held: Operation[] = [];
  private cancel: (() => void) | null = null;
  private render: ((ops: Operation[]) => void) | null = null;

  /** Renders a held change now; nothing to do when none is held. */
  flush = (): void => {
    this.cancel?.();
    this.cancel = null;
    if (!this.held.length || !this.render) return;
    this.render(this.held.splice(0));
  };

  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Flushes before the events that read the page; returns the function that stops listening. */
  listen(target: Window): () => void {
    const flush = this.flush;
    for (const type of FLUSH_BEFORE) target.addEventListener(type, flush, true);
    target.addEventListener('beforeunload', flush, true);
    target.document.addEventListener('visibilitychange', flush, true);
    return () => {
      for (const type of FLUSH_BEFORE) target.removeEventListener(type, flush, true);
      target.removeEventListener('beforeunload', flush, true);
      target.document.removeEventListener('visibilitychange', flush, true);
      // No render for an editor going away; the app saves through the editor's handle (which flushes) before that.
      this.cancel?.();
      this.cancel = null;
    };
  }

  /** @internal used by withRenderAfterPaint */
  attach(render: (ops: Operation[]) => void): void {
    this.render = render;
  }

  /** @internal */
  hold(ops: Operation[]): void {
    this.held.push(...ops);
    this.cancel ??= afterNextPaint(this.flush);
  }

  /** @internal the held operations go first, with the change that ends the wait */
  takeHeld(): Operation[] {
    this.cancel?.();
    this.cancel = null;
    return this.held.splice(0);
  }
}

/**
 * The editor's side of RenderAfterPaint: notes each text element before an insertion reaches it, and holds a change
 * when every one of its operations is an insertion whose element already reads exactly the new text.
 */
export function withRenderAfterPaint<T extends PolicyEditor>(editor: T, held: RenderAfterPaint): T {
  const { apply, onChange } = editor;
  const elementBefore = new WeakMap<Operation, HTMLElement>();

  editor.apply = (op) => {
    if (op.type === 'insert_text') {
      const element = renderedElementOf(editor, op.path);
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
    if (ops.length > 0 && ops.every((op) => shownAlready(editor, op, elementBefore))) {
      held.hold(ops);
      return;
    }
    const earlier = held.takeHeld();
    if (earlier.length) editor.operations = [...earlier, ...ops];
    onChange(options);
  };

  return editor;
}

/** The element of the text at `path` as last rendered, or null where there is none (not drawn, or not rendered yet). */
function renderedElementOf(editor: PolicyEditor, path: number[]): HTMLElement | null {
  const node = Node.getIf(editor, path);
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
